import { describe, expect, it } from 'vitest';
import type { DesiredOrg } from '../../../src/model/desired.js';
import {
  aPlannerContext,
  aDesiredMember,
  aDesiredOrg,
  aDesiredState,
  aDesiredTeam,
  aDesiredWorkspace,
  aPolicy,
  anActualMember,
  anActualOrg,
  anActualState,
  anActualTeam,
  anActualUserParticipant,
  anActualWorkspace,
  aUserParticipant,
  ignoreLists,
  pruneSetting,
  teamMembersOf,
  TOKEN_USER,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, rules, summary } from './plan-kit.js';

const owner = anActualMember('boss@x.org', 'owner');
const token = anActualMember(TOKEN_USER.email, 'owner');

function org(overrides: Partial<DesiredOrg>) {
  return aDesiredState(aDesiredOrg(overrides));
}

describe('org members (SPEC 3.2, 4.2)', () => {
  it('matches emails case-insensitively', () => {
    const live = anActualState(
      anActualOrg({ members: [anActualMember('jane@x.org', 'member'), owner, token] }),
    );
    const p = plan(
      org({ members: [aDesiredMember('  JANE@X.org '), aDesiredMember('boss@x.org', 'owner')] }),
      live,
    );
    expect(p.actions).toEqual([]);
  });

  it.each([
    ['create', [], [aDesiredMember('new@x.org')], 'create biocommons/members/new@x.org'],
    [
      'role update',
      [anActualMember('jane@x.org', 'member')],
      [aDesiredMember('jane@x.org', 'owner')],
      'update biocommons/members/jane@x.org',
    ],
  ])('%s', (_name, liveMembers, members, expected) => {
    const live = anActualState(anActualOrg({ members: [...liveMembers, owner] }));
    const p = plan(org({ members: [...members, aDesiredMember('boss@x.org', 'owner')] }), live);
    expect(summary(p)).toEqual([expected]);
  });

  it('changes a role in place with role: old → new', () => {
    const live = anActualState(
      anActualOrg({ members: [anActualMember('jane@x.org', 'member', { memberId: 9 }), owner] }),
    );
    const p = plan(
      org({ members: [aDesiredMember('jane@x.org', 'owner'), aDesiredMember('boss@x.org', 'owner')] }),
      live,
    );
    expect(actionAt(p, 'biocommons/members/jane@x.org')).toMatchObject({
      type: 'update',
      changes: [{ field: 'role', from: 'member', to: 'owner' }],
      current: { memberId: 9 },
    });
    expect(p.liveIds['biocommons/members/jane@x.org']).toBe(9);
  });

  it('does not diff members when the file does not manage them', () => {
    const live = anActualState(anActualOrg({ members: [anActualMember('x@x.org')] }));
    const p = plan(org({}), live);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
  });

  it('does not add the token user as owner to an org it creates (the platform does)', () => {
    const p = plan(
      org({ members: [aDesiredMember(TOKEN_USER.email, 'owner'), aDesiredMember('n@x.org')] }),
      anActualState(),
      aPlannerContext({ options: { allowOrgCreation: true } }),
    );
    expect(summary(p)).toEqual(['create biocommons', 'create biocommons/members/n@x.org']);
  });

  describe('extras', () => {
    const live = anActualState(
      anActualOrg({
        members: [
          owner,
          token,
          anActualMember('extra@x.org'),
          anActualMember('collab@x.org', 'collaborator'),
        ],
      }),
    );
    const members = [aDesiredMember('boss@x.org', 'owner')];

    it('reports an extra as unmanaged with prune off, never the token user or a collaborator', () => {
      const p = plan(org({ members }), live);
      expect(p.actions).toEqual([]);
      expect(driftAddresses(p)).toEqual(['biocommons/members/extra@x.org']);
      expect(p.unmanaged[0]?.reason).toContain('prune is off');
    });

    it('deletes an extra with prune on, skipping the token user silently (SPEC 4.2)', () => {
      const p = plan(org({ members, policy: aPolicy({ prune: pruneSetting({ members: true }) }) }), live);
      expect(summary(p)).toEqual(['delete biocommons/members/extra@x.org']);
      expect(p.unmanaged).toEqual([]);
      expect(p.notes).toEqual([]);
    });

    it('ignores an acknowledged extra entirely', () => {
      for (const prune of [false, true]) {
        const p = plan(
          org({
            members,
            ignore: ignoreLists({ members: ['extra@x.org'] }),
            policy: aPolicy({ prune: pruneSetting({ members: prune }) }),
          }),
          live,
        );
        expect(p.actions).toEqual([]);
        expect(p.unmanaged).toEqual([]);
      }
    });

    it('prune skips a protected user with a note', () => {
      const p = plan(
        org({
          members,
          policy: aPolicy({ prune: pruneSetting({ members: true }), protectedUsers: ['extra@x.org'] }),
        }),
        live,
      );
      expect(p.actions).toEqual([]);
      expect(noteMessages(p).some((m) => m.includes('extra@x.org') && m.includes('protected'))).toBe(true);
    });
  });

  describe('cascade', () => {
    const live = anActualState(
      anActualOrg({
        members: [owner, anActualMember('gone@x.org')],
        teams: [anActualTeam({ name: 't1', members: teamMembersOf('gone@x.org') })],
        workspaces: [
          anActualWorkspace({
            name: 'w1',
            participants: [
              anActualUserParticipant('gone@x.org'),
              anActualUserParticipant('boss@x.org', 'owner'),
            ],
          }),
          anActualWorkspace({ name: 'w2' }),
        ],
      }),
    );
    const prune = aPolicy({ prune: pruneSetting(true) });

    it('lists the team memberships and participations the platform removes with a member', () => {
      const p = plan(
        org({
          members: [aDesiredMember('boss@x.org', 'owner')],
          teams: [aDesiredTeam({ name: 't1', members: [] })],
          policy: prune,
          workspaces: [
            aDesiredWorkspace({ name: 'w1', participants: [aUserParticipant('boss@x.org', 'owner')] }),
          ],
        }),
        live,
      );
      expect(summary(p)).toEqual(['delete biocommons/members/gone@x.org']);
      expect(actionAt(p, 'biocommons/members/gone@x.org')).toMatchObject({
        cascade: ['biocommons/teams/t1/members/gone@x.org', 'biocommons/w1/participants/gone@x.org'],
      });
      expect(p.blocked).toEqual([]);
    });

    it('blocks removing a member whom a file still declares as a participant or team member', () => {
      const p = plan(
        org({
          members: [aDesiredMember('boss@x.org', 'owner')],
          teams: [aDesiredTeam({ name: 't1', members: ['gone@x.org'] })],
          policy: prune,
          workspaces: [aDesiredWorkspace({ name: 'w2', participants: [aUserParticipant('gone@x.org')] })],
        }),
        live,
      );
      expect(rules(p)).toEqual(['memberStillReferenced']);
      expect(p.blocked[0]?.addresses).toEqual([
        'biocommons/members/gone@x.org',
        'biocommons/teams/t1/members/gone@x.org',
        'biocommons/w2/participants/gone@x.org',
      ]);
    });
  });

  describe('token user and protected users (SPEC 4.3)', () => {
    it.each([
      ['owner', []],
      ['member', ['tokenUser']],
    ] as const)('the token user declared as %s', (role, expected) => {
      const live = anActualState(anActualOrg({ members: [token, owner] }));
      const p = plan(
        org({ members: [aDesiredMember(TOKEN_USER.email, role), aDesiredMember('boss@x.org', 'owner')] }),
        live,
      );
      expect(rules(p)).toEqual(expected);
    });

    it('blocks demoting a protected user, not promoting one', () => {
      const live = anActualState(
        anActualOrg({
          members: [token, owner, anActualMember('p@x.org', 'owner'), anActualMember('q@x.org', 'member')],
        }),
      );
      const policy = aPolicy({ protectedUsers: ['P@x.org', 'q@x.org'] });
      const demote = plan(
        org({
          policy,
          members: [
            aDesiredMember('p@x.org', 'member'),
            aDesiredMember('q@x.org', 'member'),
            aDesiredMember('boss@x.org', 'owner'),
          ],
        }),
        live,
      );
      expect(rules(demote)).toEqual(['protectedUser']);
      const promote = plan(
        org({
          policy,
          members: [
            aDesiredMember('p@x.org', 'owner'),
            aDesiredMember('q@x.org', 'owner'),
            aDesiredMember('boss@x.org', 'owner'),
          ],
        }),
        live,
      );
      expect(rules(promote)).toEqual([]);
    });
  });

  describe('last org owner', () => {
    it('blocks demoting the last owner', () => {
      const live = anActualState(anActualOrg({ members: [owner] }));
      const p = plan(org({ members: [aDesiredMember('boss@x.org', 'member')] }), live);
      expect(rules(p)).toEqual(['lastOrgOwner']);
    });

    it('blocks pruning the last owner', () => {
      const live = anActualState(anActualOrg({ members: [owner, anActualMember('m@x.org')] }));
      const p = plan(
        org({ members: [aDesiredMember('m@x.org')], policy: aPolicy({ prune: pruneSetting(true) }) }),
        live,
      );
      expect(rules(p)).toEqual(['lastOrgOwner']);
    });

    it('allows it when another owner remains or is added', () => {
      const live = anActualState(anActualOrg({ members: [owner] }));
      const p = plan(
        org({ members: [aDesiredMember('boss@x.org', 'member'), aDesiredMember('new@x.org', 'owner')] }),
        live,
      );
      expect(rules(p)).toEqual([]);
    });
  });
});
