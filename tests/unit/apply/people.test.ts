import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { isUnregisteredUserError } from '../../../src/kinds/kit/pending.js';
import { applySucceeded } from '../../../src/apply/types.js';
import { address } from '../../../src/model/address.js';
import type { ParticipantAction } from '../../../src/model/plan.js';
import { aTeamParticipant } from '../../helpers/builders.js';
import { apiError } from '../../helpers/fake-client.js';
import {
  ORG,
  WS,
  aPlan,
  aWorld,
  memberCreate,
  options,
  participantCreate,
  teamCreate,
  teamMemberAction,
} from './plan-fixtures.js';

describe('isUnregisteredUserError', () => {
  it('recognises 404, and 400 that says not found or invitation; nothing else', () => {
    expect(isUnregisteredUserError(apiError(404))).toBe(true);
    expect(isUnregisteredUserError(apiError(400, 'User not found'))).toBe(true);
    expect(isUnregisteredUserError(apiError(400, 'An invitation was sent to jane@example.org'))).toBe(true);
    expect(isUnregisteredUserError(apiError(400, 'Invalid role'))).toBe(false);
    expect(isUnregisteredUserError(apiError(400))).toBe(false);
    expect(isUnregisteredUserError(apiError(409, 'not found'))).toBe(false);
    expect(isUnregisteredUserError(apiError(undefined))).toBe(false);
    expect(isUnregisteredUserError(new Error('404 not found'))).toBe(false);
  });
});

describe('org members', () => {
  it('adds then sets the role only when the add did not give it', async () => {
    const { fake, liveIds } = aWorld();
    const report = await applyPlan(
      aPlan(
        [memberCreate('owner@example.org', 'owner'), memberCreate('plain@example.org', 'member')],
        liveIds,
      ),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.writeCalls().map((c) => c.method)).toEqual(['addMember', 'addMember', 'updateMemberRole']);
    expect(fake.members.get(liveIds[ORG] as number)?.map((m) => [m.email, m.role])).toEqual([
      ['owner@example.org', 'owner'],
      ['plain@example.org', 'member'],
    ]);
  });

  it.each([404, 400] as const)(
    'reports an email without an account as pending (%i), not as a failure',
    async (status) => {
      const { fake, liveIds } = aWorld({ unregistered: ['new@example.org'], unregisteredStatus: status });
      const report = await applyPlan(
        aPlan(
          [
            memberCreate('new@example.org'),
            teamCreate('t'),
            teamMemberAction('t', 'new@example.org', 'create'),
          ],
          liveIds,
        ),
        fake,
        options(),
      );
      expect(report.pending).toEqual([
        {
          address: address.member(ORG, 'new@example.org'),
          email: 'new@example.org',
          message: expect.stringContaining('new@example.org has no account on the platform yet') as unknown,
        },
      ]);
      expect(report.failed).toEqual([]);
      expect(report.skipped.map((s) => s.because)).toEqual([
        `${address.member(ORG, 'new@example.org')} is pending (new@example.org has no account yet)`,
      ]);
      expect(applySucceeded(report)).toBe(true);
    },
  );

  it('adopts the member after a lost response and never adds twice', async () => {
    const { fake, liveIds } = aWorld();
    fake.fail('addMember', apiError(undefined), { afterApply: true });
    const report = await applyPlan(
      aPlan([memberCreate('jane@example.org', 'owner')], liveIds),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes?.[0]).toContain('adopted the existing object');
    expect(fake.callsTo('addMember')).toHaveLength(1);
    expect(fake.members.get(liveIds[ORG] as number)).toEqual([
      expect.objectContaining({ email: 'jane@example.org', role: 'owner' }),
    ]);
  });
});

describe('workspace participants', () => {
  it('adds by memberId when the member id is known, by email otherwise, then sets the role without re-reading', async () => {
    const { fake, orgId, liveIds } = aWorld();
    const member = fake.seedMember(orgId, 'member@example.org');
    const report = await applyPlan(
      aPlan(
        [participantCreate('member@example.org', 'admin'), participantCreate('guest@example.org', 'launch')],
        { ...liveIds, [address.member(ORG, 'member@example.org')]: member.memberId },
      ),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    const adds = fake.callsTo('addParticipant').map((c) => c.args[2]);
    expect(adds).toEqual([{ memberId: member.memberId }, { userNameOrEmail: 'guest@example.org' }]);
    // The default role is `launch`: only the admin needs a role call, and nothing re-reads the list.
    expect(fake.callsTo('updateParticipantRole').map((c) => c.args[3])).toEqual(['admin']);
    expect(fake.callsTo('listParticipants')).toHaveLength(0);
  });

  it('adds a team by teamId', async () => {
    const { fake, orgId, liveIds } = aWorld();
    const team = await fake.createTeam(orgId, { name: 'admins' });
    const action: ParticipantAction = {
      ...participantCreate('x'),
      address: address.teamParticipant(ORG, WS, 'admins'),
      name: 'team:admins',
      desired: aTeamParticipant('admins', 'maintain'),
    };
    const report = await applyPlan(
      aPlan([action], { ...liveIds, [address.team(ORG, 'admins')]: team.teamId }),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.callsTo('addParticipant')[0]?.args[2]).toEqual({ teamId: team.teamId });
    expect(fake.callsTo('updateParticipantRole')[0]?.args[3]).toBe('maintain');
  });

  it('on 409 adopts a participant who is already there and sets the role', async () => {
    const { fake, orgId, wsId, liveIds } = aWorld();
    fake.seedMember(orgId, 'jane@example.org');
    await fake.addParticipant(orgId, wsId, { userNameOrEmail: 'jane@example.org' });
    fake.calls.length = 0;
    const report = await applyPlan(
      aPlan([participantCreate('Jane@Example.org', 'admin')], liveIds),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes?.[0]).toContain('after a 409 conflict');
    expect(fake.participants.get(wsId)?.map((p) => [p.email, p.wspRole])).toEqual([
      ['jane@example.org', 'admin'],
    ]);
    expect(fake.callsTo('addParticipant')).toHaveLength(1);
  });

  it('on 409 with nobody there reports the single-sign-on refusal', async () => {
    const { fake, liveIds } = aWorld({ sso: true });
    const report = await applyPlan(aPlan([participantCreate('guest@example.org')], liveIds), fake, options());
    expect(report.failed.map((f) => f.error)).toEqual([
      'the organisation uses single sign-on and refuses collaborators: add guest@example.org as an org member first (409: Collaborator not permitted for organization with active SSO)',
    ]);
    expect(fake.callsTo('updateParticipantRole')).toHaveLength(0);
  });

  it('reports an unregistered email as pending', async () => {
    const { fake, liveIds } = aWorld({ unregistered: ['ghost@example.org'] });
    const report = await applyPlan(aPlan([participantCreate('ghost@example.org')], liveIds), fake, options());
    expect(report.pending.map((p) => p.email)).toEqual(['ghost@example.org']);
    expect(report.failed).toEqual([]);
  });

  it('adopts after a lost response: one participant, role set', async () => {
    const { fake, wsId, liveIds } = aWorld();
    fake.fail('addParticipant', apiError(503, 'Service unavailable'), { afterApply: true });
    const report = await applyPlan(
      aPlan([participantCreate('guest@example.org', 'view')], liveIds),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.participants.get(wsId)?.filter((p) => p.email === 'guest@example.org')).toEqual([
      expect.objectContaining({ wspRole: 'view' }),
    ]);
  });

  it('updates a role in place with one request', async () => {
    const { fake, orgId, wsId, liveIds } = aWorld();
    fake.seedMember(orgId, 'jane@example.org');
    const p = await fake.addParticipant(orgId, wsId, { userNameOrEmail: 'jane@example.org' });
    fake.calls.length = 0;
    const action: ParticipantAction = {
      ...participantCreate('jane@example.org', 'admin'),
      type: 'update',
      current: {
        type: 'member',
        participantId: p.participantId,
        memberId: 1,
        userName: 'jane',
        email: 'jane@example.org',
        role: 'launch',
      },
    };
    const report = await applyPlan(aPlan([action], liveIds), fake, options());
    expect(report.applied).toHaveLength(1);
    expect(fake.writeCalls().map((c) => [c.method, c.args[3]])).toEqual([['updateParticipantRole', 'admin']]);
  });
});
