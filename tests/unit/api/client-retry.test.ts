import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { FAKE_EPOCH } from './fake-runtime.js';
import { HOST, makeClient, rejectionOf, socketError } from './client-fixture.js';
import { credentialWrites } from '../../../src/kinds/credentials/api.js';
import { computeEnvWrites } from '../../../src/kinds/compute-environments/api.js';
import { pipelineSecretWrites } from '../../../src/kinds/secrets/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { memberReads, memberWrites } from '../../../src/kinds/members/api.js';
import { teamWrites } from '../../../src/kinds/teams/api.js';
import { workspaceWrites } from '../../../src/kinds/workspace/api.js';
import { participantWrites } from '../../../src/kinds/participants/api.js';
import { userReads } from '../../../src/api/user-operations.js';

useNockGuard();

const orgs = { organizations: [{ orgId: 1, name: 'bio', fullName: 'Bio' }], totalSize: 1 };

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const err = await rejectionOf(promise);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('retries of replay-safe calls', () => {
  it('honours Retry-After seconds on 429', async () => {
    nock(HOST)
      .get('/orgs')
      .reply(429, { message: 'slow down' }, { 'Retry-After': '2' })
      .get('/orgs')
      .reply(200, orgs);
    const { client, sleeps } = makeClient();
    expect(await client.use(organizationReads).listOrganizations()).toHaveLength(1);
    expect(sleeps).toEqual([2000]);
    expect(client.stats()).toEqual({ requests: 2, writes: 0 });
  });

  it('honours Retry-After as an HTTP date', async () => {
    const when = new Date(FAKE_EPOCH + 5000).toUTCString();
    nock(HOST).get('/orgs').reply(429, '', { 'Retry-After': when }).get('/orgs').reply(200, orgs);
    const { client, sleeps } = makeClient();
    await client.use(organizationReads).listOrganizations();
    expect(sleeps).toEqual([5000]);
  });

  it('backs off (capped exponential, full jitter) on 429 without Retry-After', async () => {
    nock(HOST).get('/orgs').times(3).reply(429).get('/orgs').reply(200, orgs);
    const { client, sleeps } = makeClient({}, 0.5);
    await client.use(organizationReads).listOrganizations();
    expect(sleeps).toEqual([125, 250, 500]);
  });

  it.each([502, 503, 504])('retries %i', async (status) => {
    nock(HOST).get('/orgs').reply(status, 'Bad gateway').get('/orgs').reply(200, orgs);
    const { client, sleeps } = makeClient();
    expect(await client.use(organizationReads).listOrganizations()).toHaveLength(1);
    expect(sleeps).toEqual([125]);
  });

  it('retries a dropped connection (ECONNRESET)', async () => {
    nock(HOST)
      .get('/orgs')
      .replyWithError(socketError('ECONNRESET', 'socket hang up'))
      .get('/orgs')
      .reply(200, orgs);
    const { client, sleeps, logs } = makeClient();
    expect(await client.use(organizationReads).listOrganizations()).toHaveLength(1);
    expect(sleeps).toEqual([125]);
    expect(logs[0]).toBe('GET /orgs → ECONNRESET (0 ms), retry 1 in 125 ms');
    expect(logs[1]).toBe('GET /orgs → 200 (0 ms)');
  });

  it('retries PUT and DELETE (idempotent)', async () => {
    nock(HOST)
      .put('/orgs/1/members/5/role', { role: 'owner' })
      .reply(503)
      .put('/orgs/1/members/5/role', { role: 'owner' })
      .reply(204)
      .delete('/orgs/1/teams/3')
      .replyWithError(socketError('ECONNRESET'))
      .delete('/orgs/1/teams/3')
      .reply(204);
    const { client } = makeClient();
    await client.use(memberWrites).updateMemberRole(1, 5, 'owner');
    await client.use(teamWrites).deleteTeam(1, 3);
    expect(client.stats()).toEqual({ requests: 4, writes: 4 });
  });

  it('gives up when the retry budget is spent, with the last error', async () => {
    nock(HOST).get('/orgs').times(4).reply(503, { message: 'maintenance' });
    const { client, sleeps } = makeClient({ retryBudgetMs: 1000 }, 0.5);
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    // 125 + 250 + 500 = 875 ms waited; the next wait (1000) would pass the budget.
    expect(sleeps).toEqual([125, 250, 500]);
    expect(err.kind).toBe('server');
    expect(err.status).toBe(503);
    expect(err.message).toBe('GET /orgs failed: 503 Service Unavailable — "maintenance" (after 4 attempts)');
  });

  it('counts the retry budget from the first send, not from the time a call waited in the queue', async () => {
    // One request per second: the third call waits about 2 s for its first send, longer
    // than the whole budget. Its 429 must still be retried (the bench found a plan at
    // 20 req/s failing on exactly this).
    nock(HOST)
      .get('/orgs')
      .times(2)
      .reply(200, orgs)
      .get('/orgs')
      .reply(429, { message: 'slow down' }, { 'Retry-After': '1' })
      .get('/orgs')
      .reply(200, orgs);
    const { client } = makeClient({ maxRps: 1, retryBudgetMs: 1500 });
    const lists = await Promise.all([1, 2, 3].map(() => client.use(organizationReads).listOrganizations()));
    expect(lists.map((l) => l.length)).toEqual([1, 1, 1]);
    expect(client.stats()).toEqual({ requests: 4, writes: 0 });
  });

  it('reports rate limiting that never clears as rate-limited', async () => {
    nock(HOST).get('/orgs').times(2).reply(429, { message: 'Too many' }, { 'Retry-After': '30' });
    const { client } = makeClient({ retryBudgetMs: 45_000 });
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    expect(err.kind).toBe('rate-limited');
    expect(err.message).toContain('still rate limited after 2 attempts');
  });
});

describe('no retry', () => {
  it.each([
    [400, 'bad-request'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'conflict'],
    [500, 'server'],
  ] as const)('on %i (one request, kind %s)', async (status, kind) => {
    nock(HOST).get('/orgs/1/members').query(true).reply(status, { message: 'nope' });
    const { client, sleeps } = makeClient();
    const err = await apiErrorOf(client.use(memberReads).listMembers(1));
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(sleeps).toEqual([]);
    expect(client.stats().requests).toBe(1);
  });

  it('on a refused connection', async () => {
    nock(HOST).get('/user-info').replyWithError(socketError('ECONNREFUSED'));
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(userReads).getUserInfo());
    expect(err.kind).toBe('network');
    expect(err.message).toBe('GET /user-info failed: cannot reach https://api.example.test: ECONNREFUSED');
    expect(client.stats().requests).toBe(1);
  });
});

describe('writes that must not be replayed', () => {
  it('POST: a 5xx is ambiguous and not retried', async () => {
    nock(HOST)
      .post('/orgs/1/teams', { team: { name: 'admins' } })
      .reply(503);
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(teamWrites).createTeam(1, { name: 'admins' }));
    expect(err.ambiguous).toBe(true);
    expect(err.message).toContain('may or may not have been applied');
    expect(client.stats()).toEqual({ requests: 1, writes: 1 });
  });

  it('POST: a dropped connection is ambiguous and not retried', async () => {
    nock(HOST)
      .post('/pipeline-secrets')
      .query({ workspaceId: '34' })
      .replyWithError(socketError('ECONNRESET'));
    const { client } = makeClient();
    const err = await apiErrorOf(
      client.use(pipelineSecretWrites).createPipelineSecret(34, 'LICENSE', 'value'),
    );
    expect(err.kind).toBe('network');
    expect(err.ambiguous).toBe(true);
    expect(client.stats().requests).toBe(1);
  });

  it('POST: a timeout is ambiguous and not retried', async () => {
    nock(HOST).post('/orgs/1/workspaces').delay(200).reply(200, {});
    const { client } = makeClient({ timeoutMs: 20 });
    const err = await apiErrorOf(
      client.use(workspaceWrites).createWorkspace(1, { name: 'ws', fullName: 'WS', visibility: 'PRIVATE' }),
    );
    expect(err.kind).toBe('network');
    expect(err.ambiguous).toBe(true);
    expect(err.message).toMatch(/no response from https:\/\/api\.example\.test within 20 ms/);
  });

  it('PUT …/participants/add and …/members/add are not replayed', async () => {
    nock(HOST)
      .put('/orgs/1/workspaces/2/participants/add', { userNameOrEmail: 'a@example.org' })
      .reply(502)
      .put('/orgs/1/members/add', { user: 'b@example.org' })
      .replyWithError(socketError('ECONNRESET'));
    const { client } = makeClient();
    const a = await apiErrorOf(
      client.use(participantWrites).addParticipant(1, 2, { userNameOrEmail: 'a@example.org' }),
    );
    const b = await apiErrorOf(client.use(memberWrites).addMember(1, 'b@example.org'));
    expect([a.ambiguous, b.ambiguous]).toEqual([true, true]);
    expect(client.stats().requests).toBe(2);
  });

  it('a 409 on …/add is a conflict, with the platform message', async () => {
    nock(HOST)
      .put('/orgs/12/workspaces/34/participants/add')
      .reply(409, { message: 'Participant already exists' });
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(participantWrites).addParticipant(12, 34, { memberId: 5 }));
    expect(err.kind).toBe('conflict');
    expect(err.ambiguous).toBe(false);
    expect(err.platformMessage).toBe('Participant already exists');
    expect(err.message).toBe(
      'PUT /orgs/12/workspaces/34/participants/add failed: 409 Conflict — "Participant already exists"',
    );
  });

  it('POST is retried on 429 (the platform did nothing)', async () => {
    nock(HOST)
      .post('/credentials')
      .query({ workspaceId: '34' })
      .reply(429, '', { 'Retry-After': '1' })
      .post('/credentials')
      .query({ workspaceId: '34' })
      .reply(200, { credentialsId: 'abc' });
    const { client, sleeps } = makeClient();
    expect(await client.use(credentialWrites).createCredentials(34, { name: 'aws', provider: 'aws' })).toBe(
      'abc',
    );
    expect(sleeps).toEqual([1000]);
  });

  it('make-primary (a POST that only sets a flag) is retried', async () => {
    nock(HOST)
      .post('/compute-envs/ce1/primary', {})
      .query({ workspaceId: '34' })
      .reply(503)
      .post('/compute-envs/ce1/primary', {})
      .query({ workspaceId: '34' })
      .reply(204);
    const { client } = makeClient();
    await client.use(computeEnvWrites).makePrimaryComputeEnv(34, 'ce1');
    expect(client.stats().requests).toBe(2);
  });
});
