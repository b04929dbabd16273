/**
 * The custom roles planner and the IdP-delegated teams with pure data:
 * desired + live → actions, drift, notes and blocks.
 */
import { describe, expect, it } from 'vitest';
import type { ActualRole, ActualRoles, DesiredRole } from '../../../src/kinds/roles/model.js';
import type { DesiredParticipant } from '../../../src/kinds/participants/model.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredTeam,
  aDesiredWorkspace,
  aPolicy,
  aSource,
  anActualOrg,
  anActualState,
  anActualTeam,
  anActualUserParticipant,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
  teamMembersOf,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, rules, summary } from './plan-kit.js';

const R = (name: string): string => `biocommons/roles/${name}`;
const ORG_FILE = 'workspaces/biocommons/organization.yaml';

function role(name: string, permissions: string[], description = `${name} role`): DesiredRole {
  return { name, description, permissions: [...permissions].sort(), source: aSource(ORG_FILE, 12) };
}

function live(name: string, permissions?: string[], description = `${name} role`): ActualRole {
  return {
    name,
    description,
    ...(permissions === undefined ? {} : { permissions: [...permissions].sort() }),
  };
}

function available(custom: ActualRole[], permissions?: string[]): ActualRoles {
  return { available: true, custom, ...(permissions === undefined ? {} : { permissions }) };
}

function user(email: string, roleName: string): DesiredParticipant {
  return { type: 'user', email, role: roleName, source: aSource(undefined, 7) };
}

interface Setup {
  readonly roles?: DesiredRole[];
  readonly liveRoles?: ActualRoles;
  readonly participants?: DesiredParticipant[];
  readonly liveParticipants?: ReturnType<typeof anActualUserParticipant>[];
  readonly prune?: boolean;
  readonly ignore?: string[];
}

function state(setup: Setup) {
  const desired = aDesiredState(
    aDesiredOrg({
      ...(setup.roles === undefined ? {} : { roles: setup.roles }),
      policy: aPolicy({ prune: pruneSetting({ roles: setup.prune ?? false }) }),
      ignore: ignoreLists({ roles: setup.ignore ?? [] }),
      workspaces: [
        aDesiredWorkspace(setup.participants === undefined ? {} : { participants: setup.participants }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      ...(setup.liveRoles === undefined ? {} : { roles: setup.liveRoles }),
      workspaces: [
        anActualWorkspace(
          setup.liveParticipants === undefined ? {} : { participants: setup.liveParticipants },
        ),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('custom roles', () => {
  it('creates a declared role that is missing, showing its description, name and permissions', () => {
    const [desired, actual] = state({
      roles: [role('launcher-plus', ['pipeline:execute'])],
      liveRoles: available([]),
    });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`create ${R('launcher-plus')}`]);
    expect(actionAt(p, R('launcher-plus')).changes).toEqual([
      { field: 'description', to: 'launcher-plus role' },
      { field: 'name', to: 'launcher-plus' },
      { field: 'permissions', to: ['pipeline:execute'] },
    ]);
  });

  it('compares permissions as a set and updates description and permissions in place', () => {
    const same = state({
      roles: [role('runner', ['pipeline:read', 'pipeline:execute'])],
      liveRoles: available([live('runner', ['pipeline:execute', 'pipeline:read'])]),
    });
    expect(plan(...same).actions).toEqual([]);

    const changed = state({
      roles: [role('runner', ['pipeline:execute'], 'Runs')],
      liveRoles: available([live('runner', ['pipeline:execute', 'pipeline:read'])]),
    });
    const p = plan(...changed);
    expect(summary(p)).toEqual([`update ${R('runner')}`]);
    expect(actionAt(p, R('runner')).changes).toEqual([
      { field: 'description', from: 'runner role', to: 'Runs' },
      { field: 'permissions', from: ['pipeline:execute', 'pipeline:read'], to: ['pipeline:execute'] },
    ]);
  });

  it('reports an undeclared live role as drift, ignores it when listed, and deletes it with prune', () => {
    const drift = plan(...state({ roles: [], liveRoles: available([live('by-hand')]) }));
    expect(driftAddresses(drift)).toEqual([R('by-hand')]);
    expect(drift.actions).toEqual([]);

    const ignored = plan(
      ...state({ roles: [], liveRoles: available([live('by-hand')]), ignore: ['by-hand'] }),
    );
    expect(driftAddresses(ignored)).toEqual([]);

    const pruned = plan(...state({ roles: [], liveRoles: available([live('by-hand')]), prune: true }));
    expect(summary(pruned)).toEqual([`delete ${R('by-hand')}`]);
  });

  it('never deletes a role a participant holds, declared or live, and names each of them', () => {
    const p = plan(
      ...state({
        roles: [],
        liveRoles: available([live('curator'), live('runner')]),
        prune: true,
        liveParticipants: [anActualUserParticipant('ann@example.org', 'curator')],
      }),
    );
    expect(summary(p)).toEqual([`delete ${R('runner')}`]);
    expect(noteMessages(p)).toContain(
      'prune skipped custom role curator: still held by ann@example.org in biocommons/ausgen; change their role first',
    );

    // A participant the file declares with another role gets it before any delete: the role is free then.
    const moved = plan(
      ...state({
        roles: [],
        liveRoles: available([live('curator')]),
        prune: true,
        participants: [user('ann@example.org', 'view')],
        liveParticipants: [anActualUserParticipant('ann@example.org', 'curator')],
      }),
    );
    expect(summary(moved).sort()).toEqual([
      `delete ${R('curator')}`,
      `update biocommons/ausgen/participants/ann@example.org`,
    ]);
    expect(actionAt(moved, R('curator')).dependsOn).toEqual([
      'biocommons/ausgen/participants/ann@example.org',
    ]);
  });

  it('makes a participant that takes a new role wait for its creation', () => {
    const [desired, actual] = state({
      roles: [role('runner', ['pipeline:execute'])],
      liveRoles: available([]),
      participants: [user('ann@example.org', 'runner')],
      liveParticipants: [],
    });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([
      `create ${R('runner')}`,
      'create biocommons/ausgen/participants/ann@example.org',
    ]);
  });

  it('blocks unknown permission names, with did-you-mean, when the platform lists them', () => {
    const p = plan(
      ...state({
        roles: [role('reader', ['dataset:raed'])],
        liveRoles: available([], ['dataset:read', 'dataset:write']),
      }),
    );
    expect(rules(p)).toEqual(['customRoles']);
    expect(p.blocked[0]?.message).toBe(
      `${ORG_FILE}:12: role reader: unknown permission 'dataset:raed' (did you mean 'dataset:read'?)`,
    );
  });

  it('on a platform without custom roles, blocks declared roles but not `roles: []` or predefined roles', () => {
    const none: ActualRoles = { available: false, reason: 'GET /roles answered 403' };
    const declared = plan(...state({ roles: [role('runner', [])], liveRoles: none }));
    expect(rules(declared)).toEqual(['customRoles']);
    expect(declared.blocked[0]?.message).toContain('but the platform offers no custom roles to biocommons');

    const empty = plan(
      ...state({ roles: [], liveRoles: none, participants: [user('ann@example.org', 'view')] }),
    );
    expect(rules(empty)).toEqual([]);

    const used = plan(...state({ liveRoles: none, participants: [user('ann@example.org', 'runner')] }));
    expect(rules(used)).toEqual(['customRoles']);
    expect(used.blocked[0]?.message).toContain(
      "ann@example.org has role 'runner', which is not a predefined role, and the platform offers no custom roles",
    );
  });

  it('checks a custom role used without roles in the organisation file against the platform, with did-you-mean', () => {
    const known = plan(
      ...state({ liveRoles: available([live('runner')]), participants: [user('ann@example.org', 'runner')] }),
    );
    expect(rules(known)).toEqual([]);
    const typo = plan(
      ...state({ liveRoles: available([live('runner')]), participants: [user('ann@example.org', 'runer')] }),
    );
    expect(rules(typo)).toEqual(['unknownRole']);
    expect(typo.blocked[0]?.message).toContain("(did you mean 'runner'?)");
  });
});

describe('IdP-delegated teams', () => {
  const teamState = (members: string[] | undefined, idpGroupId?: number) => {
    const desired = aDesiredState(
      aDesiredOrg({
        teams: [
          aDesiredTeam({
            name: 'sso',
            description: 'From the IdP',
            ...(members === undefined ? {} : { members }),
          }),
        ],
        policy: aPolicy({ prune: pruneSetting({ teamMembers: true }) }),
      }),
    );
    const actual = anActualState(
      anActualOrg({
        teams: [
          anActualTeam({
            name: 'sso',
            description: 'From the IdP',
            ...(idpGroupId === undefined ? {} : { idpGroupId, idpGroupName: 'uni-researchers' }),
            members: teamMembersOf('ann@example.org'),
          }),
        ],
      }),
    );
    return [desired, actual] as const;
  };

  it('leaves the membership of a team declared without members alone: no drift, no prune', () => {
    const p = plan(...teamState(undefined, 42));
    expect(p.actions).toEqual([]);
    expect(driftAddresses(p)).toEqual([]);
  });

  it('still prunes members of a team declared with `members: []`', () => {
    const p = plan(...teamState([]));
    expect(summary(p)).toEqual(['delete biocommons/teams/sso/members/ann@example.org']);
  });

  it('blocks members declared for a team whose members come from an identity provider', () => {
    const p = plan(...teamState(['bob@example.org'], 42));
    expect(rules(p)).toEqual(['idpTeamMembers']);
    expect(p.blocked[0]?.message).toContain(
      'team sso takes its members from an identity provider group (uni-researchers)',
    );
    expect(p.actions).toEqual([]);
  });

  it('keeps the IdP group in the update of such a team', () => {
    const [desired, actual] = teamState(undefined, 42);
    const changed = {
      ...desired,
      orgs: desired.orgs.map((o) => ({
        ...o,
        teams: [aDesiredTeam({ name: 'sso', description: 'Renamed' })],
      })),
    };
    const p = plan(changed, actual);
    expect(summary(p)).toEqual(['update biocommons/teams/sso']);
    expect(actionAt(p, 'biocommons/teams/sso')).toMatchObject({ current: { idpGroupId: 42 } });
  });
});
