import { describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../../src/model/desired.js';
import {
  aDesiredMember,
  aDesiredOrg,
  aDesiredState,
  aDesiredTeam,
  aDesiredWorkspace,
  aPlannerContext,
  aPolicy,
  anActualMember,
  anActualOrg,
  anActualState,
  anActualTeam,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
  teamMembersOf,
  TOKEN_USER,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, plan, summary } from './plan-kit.js';

const owner = anActualMember('boss@x.org', 'owner');

function org(overrides: Partial<DesiredOrg>) {
  return aDesiredState(aDesiredOrg(overrides));
}

describe('teams and team members (SPEC 3.2, 4.4)', () => {
  const live = (teams: ReturnType<typeof anActualTeam>[]) =>
    anActualState(anActualOrg({ members: [owner], teams }));

  it('creates a team and its members after it and after their member creates', () => {
    const p = plan(
      org({
        members: [aDesiredMember('boss@x.org', 'owner'), aDesiredMember('new@x.org')],
        teams: [aDesiredTeam({ name: 't', description: 'D', members: ['new@x.org', 'boss@x.org'] })],
      }),
      live([]),
    );
    expect(summary(p)).toEqual([
      'create biocommons/members/new@x.org',
      'create biocommons/teams/t',
      'create biocommons/teams/t/members/boss@x.org',
      'create biocommons/teams/t/members/new@x.org',
    ]);
    expect(actionAt(p, 'biocommons/teams/t/members/new@x.org').dependsOn).toEqual([
      'biocommons/members/new@x.org',
      'biocommons/teams/t',
    ]);
    expect(actionAt(p, 'biocommons/teams/t/members/boss@x.org').dependsOn).toEqual(['biocommons/teams/t']);
  });

  it('updates the description in place and leaves an undeclared description alone', () => {
    const changed = plan(
      org({ teams: [aDesiredTeam({ name: 't', description: 'New' })] }),
      live([anActualTeam({ name: 't', description: 'Old', teamId: 5 })]),
    );
    expect(actionAt(changed, 'biocommons/teams/t')).toMatchObject({
      type: 'update',
      changes: [{ field: 'description', from: 'Old', to: 'New' }],
      current: { teamId: 5 },
    });
    expect(changed.liveIds['biocommons/teams/t']).toBe(5);
    expect(
      plan(
        org({ teams: [aDesiredTeam({ name: 't' })] }),
        live([anActualTeam({ name: 't', description: 'Old' })]),
      ).actions,
    ).toEqual([]);
  });

  it('adds and removes team members only (no update), with prune per kind', () => {
    const liveTeams = live([anActualTeam({ name: 't', members: teamMembersOf('a@x.org', 'b@x.org') })]);
    const teams = [aDesiredTeam({ name: 't', members: ['a@x.org', 'c@x.org'] })];
    const off = plan(org({ teams }), liveTeams);
    expect(summary(off)).toEqual(['create biocommons/teams/t/members/c@x.org']);
    expect(driftAddresses(off)).toEqual(['biocommons/teams/t/members/b@x.org']);
    const on = plan(
      org({ teams, policy: aPolicy({ prune: pruneSetting({ teamMembers: true }) }) }),
      liveTeams,
    );
    expect(summary(on)).toEqual([
      'create biocommons/teams/t/members/c@x.org',
      'delete biocommons/teams/t/members/b@x.org',
    ]);
  });

  it('does not diff a team whose members key is absent', () => {
    const p = plan(
      org({ teams: [aDesiredTeam({ name: 't' })] }),
      live([anActualTeam({ name: 't', members: teamMembersOf('a@x.org') })]),
    );
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });

  it('reports or prunes extra teams, and honours ignore', () => {
    const liveTeams = live([anActualTeam({ name: 'x' }), anActualTeam({ name: 'y' })]);
    expect(driftAddresses(plan(org({ teams: [] }), liveTeams))).toEqual([
      'biocommons/teams/x',
      'biocommons/teams/y',
    ]);
    const pruned = plan(
      org({
        teams: [],
        ignore: ignoreLists({ teams: ['y'] }),
        policy: aPolicy({ prune: pruneSetting({ teams: true }) }),
      }),
      liveTeams,
    );
    expect(summary(pruned)).toEqual(['delete biocommons/teams/x']);
    expect(pruned.unmanaged).toEqual([]);
  });

  it('does not plan a team-member removal the member delete already cascades', () => {
    const liveOrg = anActualState(
      anActualOrg({
        members: [owner, anActualMember('gone@x.org')],
        teams: [anActualTeam({ name: 't', members: teamMembersOf('gone@x.org') })],
      }),
    );
    const p = plan(
      org({
        members: [aDesiredMember('boss@x.org', 'owner')],
        teams: [aDesiredTeam({ name: 't', members: [] })],
        policy: aPolicy({ prune: pruneSetting(true) }),
      }),
      liveOrg,
    );
    expect(summary(p)).toEqual(['delete biocommons/members/gone@x.org']);
  });

  it('never removes the token user from a team', () => {
    const p = plan(
      org({
        teams: [aDesiredTeam({ name: 't', members: [] })],
        policy: aPolicy({ prune: pruneSetting(true) }),
      }),
      live([anActualTeam({ name: 't', members: teamMembersOf(TOKEN_USER.email) })]),
    );
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });

  it('plans no members or teams under a --workspace filter', () => {
    const p = plan(
      org({
        members: [aDesiredMember('new@x.org')],
        teams: [aDesiredTeam({ name: 'new' })],
        workspaces: [aDesiredWorkspace()],
      }),
      anActualState(
        anActualOrg({
          members: [owner, anActualMember('extra@x.org')],
          teams: [],
          workspaces: [anActualWorkspace()],
        }),
      ),
      aPlannerContext({ workspaceFilter: ['biocommons/ausgen'] }),
    );
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });
});
