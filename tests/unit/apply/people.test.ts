import { describe, expect, it } from 'vitest';
import { applySucceeded } from '../../../src/apply/index.js';
import { isUnregisteredUserError } from '../../../src/kinds/kit/pending.js';
import { ApiError, type ApiErrorKind } from '../../../src/api/errors.js';
import { address } from '../../../src/model/address.js';
import type { ParticipantAction } from '../../../src/kinds/participants/model.js';
import { aTeamParticipant } from '../../helpers/builders.js';
import {
  ORG,
  WS,
  aPlan,
  aWorld,
  memberCreate,
  participantCreate,
  teamCreate,
  teamMemberAction,
} from './plan-fixtures.js';

const ADD_PARTICIPANT = 'PUT /orgs/{id}/workspaces/{id}/participants/add';
const PARTICIPANT_ROLE = 'PUT /orgs/{id}/workspaces/{id}/participants/{id}/role';

/** An `ApiError` as the client builds one from a status (undefined = no response). */
function apiError(status: number | undefined, platformMessage?: string): ApiError {
  const kind: ApiErrorKind =
    status === undefined
      ? 'network'
      : status === 404
        ? 'not-found'
        : status === 409
          ? 'conflict'
          : 'bad-request';
  return new ApiError(
    kind,
    'PUT',
    '/x',
    status,
    platformMessage,
    `PUT /x failed: ${status ?? 'no response'}`,
  );
}

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
    const w = await aWorld();
    const report = await w.apply(
      aPlan(
        [memberCreate('owner@example.org', 'owner'), memberCreate('plain@example.org', 'member')],
        w.liveIds,
      ),
    );
    expect(report.failed).toEqual([]);
    // The two members are independent, so their writes may interleave: compare them as a multiset.
    expect([...w.writes()].sort()).toEqual([
      'PUT /orgs/{id}/members/add',
      'PUT /orgs/{id}/members/add',
      'PUT /orgs/{id}/members/{id}/role',
    ]);
    expect(w.entries('PUT /orgs/{id}/members/{id}/role').map((e) => e.body)).toEqual([{ role: 'owner' }]);
    expect(new Map(w.org().members?.map((m) => [m.email, m.role]))).toEqual(
      new Map([
        ['sync-bot@example.org', 'owner'],
        ['owner@example.org', 'owner'],
        ['plain@example.org', 'member'],
      ]),
    );
  });

  it.each([404, 400] as const)(
    'reports an email without an account as pending (%i), not as a failure',
    async (status) => {
      const w = await aWorld({ unregistered: ['new@example.org'], unregisteredUserStatus: status });
      const report = await w.apply(
        aPlan(
          [
            memberCreate('new@example.org'),
            teamCreate('testers'),
            teamMemberAction('testers', 'new@example.org', 'create'),
          ],
          w.liveIds,
        ),
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
    const w = await aWorld();
    w.emu.scriptFault({
      method: 'PUT',
      path: `/orgs/${String(w.orgId)}/members/add`,
      fault: { kind: 'lost-response' },
    });
    const report = await w.apply(aPlan([memberCreate('jane@example.org', 'owner')], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes?.[0]).toContain('adopted the existing object');
    expect(w.entries('PUT /orgs/{id}/members/add')).toHaveLength(1);
    expect(w.org().members?.filter((m) => m.email === 'jane@example.org')).toEqual([
      expect.objectContaining({ role: 'owner' }),
    ]);
  });
});

describe('workspace participants', () => {
  it('adds by memberId when the member id is known, by email otherwise, then sets the role without re-reading', async () => {
    const w = await aWorld({ org: { members: [{ email: 'member@example.org', role: 'member' }] } });
    const memberId = w.ids.member('member@example.org');
    const report = await w.apply(
      aPlan(
        [participantCreate('member@example.org', 'admin'), participantCreate('guest@example.org', 'launch')],
        { ...w.liveIds, [address.member(ORG, 'member@example.org')]: memberId },
      ),
    );
    expect(report.failed).toEqual([]);
    expect(w.entries(ADD_PARTICIPANT).map((e) => e.body)).toEqual([
      { memberId },
      { userNameOrEmail: 'guest@example.org' },
    ]);
    // The default role is `launch`: only the admin needs a role call, and nothing re-reads the list.
    expect(w.entries(PARTICIPANT_ROLE).map((e) => e.body)).toEqual([{ role: 'admin' }]);
    expect(w.entries('GET /orgs/{id}/workspaces/{id}/participants')).toHaveLength(0);
    expect(new Map(w.workspace().participants?.map((p) => [p.email, p.role]))).toEqual(
      new Map([
        ['sync-bot@example.org', 'owner'],
        ['member@example.org', 'admin'],
        ['guest@example.org', 'launch'],
      ]),
    );
  });

  it('adds a team by teamId', async () => {
    const w = await aWorld({ org: { teams: [{ name: 'admins' }] } });
    const teamId = w.ids.team('admins');
    const action: ParticipantAction = {
      ...participantCreate('x'),
      address: address.teamParticipant(ORG, WS, 'admins'),
      name: 'team:admins',
      desired: aTeamParticipant('admins', 'maintain'),
    };
    const report = await w.apply(aPlan([action], { ...w.liveIds, [address.team(ORG, 'admins')]: teamId }));
    expect(report.failed).toEqual([]);
    expect(w.entries(ADD_PARTICIPANT)[0]?.body).toEqual({ teamId });
    expect(w.entries(PARTICIPANT_ROLE)[0]?.body).toEqual({ role: 'maintain' });
    expect(w.workspace().participants?.find((p) => p.team === 'admins')?.role).toBe('maintain');
  });

  it('on 409 adopts a participant who is already there and sets the role', async () => {
    const w = await aWorld({
      org: { members: [{ email: 'jane@example.org', role: 'member' }] },
      workspace: { participants: [{ email: 'jane@example.org', role: 'launch' }] },
    });
    const report = await w.apply(aPlan([participantCreate('Jane@Example.org', 'admin')], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes?.[0]).toContain('after a 409 conflict');
    expect(w.workspace().participants?.filter((p) => p.email === 'jane@example.org')).toEqual([
      expect.objectContaining({ role: 'admin' }),
    ]);
    expect(w.entries(ADD_PARTICIPANT)).toHaveLength(1);
  });

  it('on 409 with nobody there reports the single-sign-on refusal', async () => {
    const w = await aWorld({ org: { sso: true } });
    const report = await w.apply(aPlan([participantCreate('guest@example.org')], w.liveIds));
    expect(report.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(
        /^the organisation uses single sign-on and refuses collaborators: add guest@example\.org as an org member first \(409: .+\)$/,
      ),
    ]);
    expect(w.entries(PARTICIPANT_ROLE)).toHaveLength(0);
  });

  it('reports an unregistered email as pending', async () => {
    const w = await aWorld({ unregistered: ['ghost@example.org'] });
    const report = await w.apply(aPlan([participantCreate('ghost@example.org')], w.liveIds));
    expect(report.pending.map((p) => p.email)).toEqual(['ghost@example.org']);
    expect(report.failed).toEqual([]);
  });

  it('adopts after a response lost behind a gateway error: one participant, role set', async () => {
    const w = await aWorld();
    w.emu.scriptFault({
      method: 'PUT',
      path: `/orgs/${String(w.orgId)}/workspaces/${String(w.wsId)}/participants/add`,
      fault: { kind: 'lost-response', status: 503 },
    });
    const report = await w.apply(aPlan([participantCreate('guest@example.org', 'view')], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.entries(ADD_PARTICIPANT)).toHaveLength(1);
    expect(w.workspace().participants?.filter((p) => p.email === 'guest@example.org')).toEqual([
      expect.objectContaining({ role: 'view' }),
    ]);
  });

  it('updates a role in place with one request', async () => {
    const w = await aWorld({
      org: { members: [{ email: 'jane@example.org', role: 'member' }] },
      workspace: { participants: [{ email: 'jane@example.org', role: 'launch' }] },
    });
    const action: ParticipantAction = {
      ...participantCreate('jane@example.org', 'admin'),
      type: 'update',
      current: {
        type: 'member',
        participantId: w.ids.participant('jane@example.org'),
        memberId: w.ids.member('jane@example.org'),
        userName: 'jane',
        email: 'jane@example.org',
        role: 'launch',
      },
    };
    const report = await w.apply(aPlan([action], w.liveIds));
    expect(report.applied).toHaveLength(1);
    expect(w.writes()).toEqual([PARTICIPANT_ROLE]);
    expect(w.entries(PARTICIPANT_ROLE)[0]?.body).toEqual({ role: 'admin' });
  });
});
