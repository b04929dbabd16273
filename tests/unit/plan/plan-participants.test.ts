import { describe, expect, it } from 'vitest';
import type { ActualParticipant, DesiredParticipant } from '../../../src/kinds/participants/model.js';
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
  anActualTeamParticipant,
  anActualUserParticipant,
  anActualWorkspace,
  aTeamParticipant,
  aUserParticipant,
  ignoreLists,
  pruneSetting,
  TOKEN_USER,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, rules, summary } from './plan-kit.js';

const W = 'biocommons/ausgen/participants';
const admin = anActualUserParticipant('admin@x.org', 'admin');
const declaredAdmin = aUserParticipant('admin@x.org', 'admin');

function state(
  participants: DesiredParticipant[],
  live: ActualParticipant[] | undefined,
  extra: { prune?: boolean; ignore?: string[]; protectedUsers?: string[]; teams?: string[] } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      policy: aPolicy({ protectedUsers: extra.protectedUsers ?? [] }),
      workspaces: [
        aDesiredWorkspace({
          participants,
          prune: pruneSetting({ participants: extra.prune ?? false }),
          ignore: ignoreLists({ participants: extra.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      teams: (extra.teams ?? []).map((name) => anActualTeam({ name })),
      workspaces: live === undefined ? [] : [anActualWorkspace({ participants: live })],
    }),
  );
  return [desired, actual] as const;
}

describe('participants: identity and roles (SPEC 4.1, 4.4)', () => {
  it.each([
    [
      'nothing for the same role, emails case-insensitive',
      [aUserParticipant('A@X.org', 'view'), declaredAdmin],
      [anActualUserParticipant('a@x.org', 'view'), admin],
      [],
    ],
    [
      'a create for a new user',
      [aUserParticipant('a@x.org', 'view'), declaredAdmin],
      [admin],
      [`create ${W}/a@x.org`],
    ],
    [
      'a role update in place, never remove + add',
      [aUserParticipant('a@x.org', 'maintain'), declaredAdmin],
      [anActualUserParticipant('a@x.org', 'view'), admin],
      [`update ${W}/a@x.org`],
    ],
    [
      'a team participant by team name',
      [aTeamParticipant('t', 'admin'), declaredAdmin],
      [anActualTeamParticipant('t', 'view'), admin],
      [`update ${W}/team:t`],
    ],
    [
      'a collaborator matched like a member',
      [aUserParticipant('c@y.org', 'view'), declaredAdmin],
      [anActualUserParticipant('c@y.org', 'view', 'collaborator'), admin],
      [],
    ],
  ])('%s', (_name, participants, live, expected) => {
    const [desired, actual] = state(participants, live, { teams: ['t'] });
    expect(summary(plan(desired, actual))).toEqual(expected);
  });

  it('records role: old → new', () => {
    const [desired, actual] = state(
      [aUserParticipant('a@x.org', 'maintain'), declaredAdmin],
      [anActualUserParticipant('a@x.org', 'view'), admin],
    );
    expect(actionAt(plan(desired, actual), `${W}/a@x.org`).changes).toEqual([
      { field: 'role', from: 'view', to: 'maintain' },
    ]);
  });

  it('does not diff participants the file does not manage', () => {
    const desired = aDesiredState(aDesiredOrg({ workspaces: [aDesiredWorkspace()] }));
    const actual = anActualState(
      anActualOrg({
        workspaces: [anActualWorkspace({ participants: [admin, anActualUserParticipant('x@x.org')] })],
      }),
    );
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });
});

describe('participants: extras (SPEC 4.2)', () => {
  const live = [
    admin,
    anActualUserParticipant('extra@x.org'),
    anActualTeamParticipant('t'),
    anActualUserParticipant(TOKEN_USER.email, 'owner'),
  ];

  it('reports extras with prune off; the token user never', () => {
    const [desired, actual] = state([declaredAdmin], live);
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(driftAddresses(p)).toEqual([`${W}/extra@x.org`, `${W}/team:t`]);
  });

  it('deletes extras with prune on, skipping the token user silently (SPEC 4.2)', () => {
    const [desired, actual] = state([declaredAdmin], live, { prune: true });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`delete ${W}/extra@x.org`, `delete ${W}/team:t`]);
    expect(noteMessages(p)).toEqual([]);
  });

  it('honours ignore for users and teams (by name or team:name)', () => {
    for (const ignore of [
      ['extra@x.org', 't'],
      ['extra@x.org', 'team:t'],
    ]) {
      const [desired, actual] = state([declaredAdmin], live, { prune: true, ignore });
      const p = plan(desired, actual);
      expect(p.actions).toEqual([]);
      expect(p.unmanaged).toEqual([]);
    }
  });

  it('skips a protected user with a note', () => {
    const [desired, actual] = state([declaredAdmin], live, { prune: true, protectedUsers: ['extra@x.org'] });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`delete ${W}/team:t`]);
    expect(noteMessages(p).some((m) => m.includes('extra@x.org'))).toBe(true);
  });
});

describe('participants: safety (SPEC 4.3)', () => {
  it.each([
    ['owner', []],
    ['admin', ['tokenUser']],
    ['view', ['tokenUser']],
  ] as const)('token user declared as %s', (role, expected) => {
    const [desired, actual] = state(
      [aUserParticipant(TOKEN_USER.email, role), declaredAdmin],
      [anActualUserParticipant(TOKEN_USER.email, 'owner'), admin],
    );
    expect(rules(plan(desired, actual))).toEqual(expected);
  });

  it('blocks demoting a protected user', () => {
    const [desired, actual] = state(
      [aUserParticipant('p@x.org', 'view'), declaredAdmin],
      [anActualUserParticipant('p@x.org', 'maintain'), admin],
      { protectedUsers: ['p@x.org'] },
    );
    const p = plan(desired, actual);
    expect(rules(p)).toEqual(['protectedUser']);
    expect(summary(p)).toEqual([`update ${W}/p@x.org`]);
  });

  it.each([
    [
      'demoting the last admin',
      [aUserParticipant('admin@x.org', 'view')],
      [admin],
      false,
      ['lastWorkspaceAdmin'],
    ],
    [
      'pruning the last admin',
      [aUserParticipant('v@x.org', 'view')],
      [admin, anActualUserParticipant('v@x.org', 'view')],
      true,
      ['lastWorkspaceAdmin'],
    ],
    [
      'keeping an admin team',
      [aUserParticipant('admin@x.org', 'view'), aTeamParticipant('t', 'admin')],
      [admin, anActualTeamParticipant('t', 'admin')],
      false,
      [],
    ],
    [
      'adding an owner',
      [aUserParticipant('admin@x.org', 'view'), aUserParticipant('n@x.org', 'owner')],
      [admin],
      false,
      [],
    ],
    [
      'a workspace already without admins',
      [aUserParticipant('v@x.org', 'launch')],
      [anActualUserParticipant('v@x.org', 'view')],
      false,
      [],
    ],
  ] as const)('last workspace admin: %s', (_name, participants, live, prune, expected) => {
    const [desired, actual] = state([...participants], [...live], { prune, teams: ['t'] });
    expect(rules(plan(desired, actual))).toEqual(expected);
  });

  it('counts a team participant whose team is pruned as gone', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        teams: [],
        policy: aPolicy({ prune: pruneSetting({ teams: true }) }),
        workspaces: [aDesiredWorkspace({ participants: [aTeamParticipant('t', 'admin')] })],
      }),
    );
    const actual = anActualState(
      anActualOrg({
        teams: [anActualTeam({ name: 't' })],
        workspaces: [anActualWorkspace({ participants: [anActualTeamParticipant('t', 'admin')] })],
      }),
    );
    expect(rules(plan(desired, actual))).toEqual(['lastWorkspaceAdmin', 'unknownTeam']);
  });

  it('counts an org-member cascade as a removal', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        members: [aDesiredMember(TOKEN_USER.email, 'owner')],
        policy: aPolicy({ prune: pruneSetting({ members: true }) }),
        workspaces: [aDesiredWorkspace({ name: 'other' })],
      }),
    );
    const actual = anActualState(
      anActualOrg({
        members: [anActualMember(TOKEN_USER.email, 'owner'), anActualMember('admin@x.org')],
        workspaces: [anActualWorkspace({ participants: [admin] }), anActualWorkspace({ name: 'other' })],
      }),
    );
    expect(rules(plan(desired, actual))).toEqual(['lastWorkspaceAdmin']);
  });
});

describe('participants: dependencies and teams', () => {
  it('a user joins after their member create; a team after its team create; both after the workspace create', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        members: [aDesiredMember('new@x.org'), aDesiredMember(TOKEN_USER.email, 'owner')],
        teams: [aDesiredTeam({ name: 'nt' })],
        workspaces: [
          aDesiredWorkspace({
            participants: [
              aUserParticipant('new@x.org'),
              aTeamParticipant('nt'),
              aUserParticipant('c@y.org'),
            ],
          }),
        ],
      }),
    );
    const actual = anActualState(
      anActualOrg({ members: [anActualMember(TOKEN_USER.email, 'owner')], teams: [] }),
    );
    const p = plan(desired, actual);
    expect(actionAt(p, `${W}/new@x.org`).dependsOn).toEqual([
      'biocommons/ausgen',
      'biocommons/members/new@x.org',
    ]);
    expect(actionAt(p, `${W}/team:nt`).dependsOn).toEqual(['biocommons/ausgen', 'biocommons/teams/nt']);
    expect(actionAt(p, `${W}/c@y.org`).dependsOn).toEqual(['biocommons/ausgen']);
  });

  it('does not add the token user as owner to a workspace it creates (the platform does)', () => {
    const [desired, actual] = state([aUserParticipant(TOKEN_USER.email, 'owner')], undefined);
    expect(summary(plan(desired, actual))).toEqual(['create biocommons/ausgen']);
  });

  it('blocks a team participant naming a team that is neither declared nor live', () => {
    const [desired, actual] = state([aTeamParticipant('ghost', 'view'), declaredAdmin], [admin], {
      teams: ['t'],
    });
    const p = plan(desired, actual);
    expect(rules(p)).toEqual(['unknownTeam']);
    expect(p.blocked[0]?.addresses).toEqual([`${W}/team:ghost`]);
  });

  it('accepts a team declared in the org file, but not under a --workspace filter when it is not live', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        teams: [aDesiredTeam({ name: 'nt' })],
        workspaces: [aDesiredWorkspace({ participants: [aTeamParticipant('nt'), declaredAdmin] })],
      }),
    );
    const actual = anActualState(
      anActualOrg({ teams: [], workspaces: [anActualWorkspace({ participants: [admin] })] }),
    );
    expect(rules(plan(desired, actual))).toEqual([]);
    expect(rules(plan(desired, actual, aPlannerContext({ workspaceFilter: ['biocommons/ausgen'] })))).toEqual(
      ['unknownTeam'],
    );
  });

  it('lets the platform answer when the org exists but its teams were not read', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [aDesiredWorkspace({ participants: [aTeamParticipant('any'), declaredAdmin] })],
      }),
    );
    const actual = anActualState(anActualOrg({ workspaces: [anActualWorkspace({ participants: [admin] })] }));
    expect(rules(plan(desired, actual))).toEqual([]);
  });
});
