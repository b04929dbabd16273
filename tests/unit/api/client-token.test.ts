import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { HOST, TOKEN, makeClient, socketError } from './client-fixture.js';
import { credentialWrites } from '../../../src/kinds/credentials/api.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { pipelineSecretReads, pipelineSecretWrites } from '../../../src/kinds/secrets/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { memberReads, memberWrites } from '../../../src/kinds/members/api.js';
import { teamWrites } from '../../../src/kinds/teams/api.js';
import { userReads } from '../../../src/api/user-operations.js';

useNockGuard();

describe('the token', () => {
  it('is sent as a bearer token', async () => {
    nock(HOST, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/orgs')
      .reply(200, { organizations: [] });
    const { client } = makeClient();
    expect(await client.use(organizationReads).listOrganizations()).toEqual([]);
  });

  it('never appears in an error message or a --verbose line, whatever goes wrong', async () => {
    const echo = { message: `token ${TOKEN} rejected` };
    nock(HOST)
      .get('/user-info')
      .reply(401, echo)
      .get('/orgs')
      .reply(403, echo)
      .get('/orgs/1/members')
      .query(true)
      .reply(503, echo)
      .get('/orgs/1/members')
      .query(true)
      .reply(500, echo)
      .post('/orgs/1/teams')
      .replyWithError(socketError('ECONNRESET', `reset while sending ${TOKEN}`))
      .put('/orgs/1/members/add')
      .reply(409, echo)
      .post('/credentials')
      .query(true)
      .reply(400, echo)
      .get('/compute-envs')
      .query(true)
      .reply(200, { computeEnvs: 'nope' })
      .get('/pipeline-secrets')
      .query(true)
      .reply(200, `<${TOKEN}>`);
    const { client, logs } = makeClient();
    const calls: Promise<unknown>[] = [
      client.use(userReads).getUserInfo(),
      client.use(organizationReads).listOrganizations(),
      client.use(memberReads).listMembers(1),
      client.use(teamWrites).createTeam(1, { name: 'x' }),
      client.use(memberWrites).addMember(1, 'a@example.org'),
      client
        .use(credentialWrites)
        .createCredentials(1, { name: 'c', provider: 'aws', keys: { secretKey: 'k' } }),
      client.use(computeEnvReads).listComputeEnvs(1),
      client.use(pipelineSecretReads).listPipelineSecrets(1),
    ];
    const results = await Promise.allSettled(calls);
    const errors = results.map((r) => {
      expect(r.status).toBe('rejected');
      const reason: unknown = r.status === 'rejected' ? r.reason : undefined;
      expect(reason).toBeInstanceOf(ApiError);
      return reason as ApiError;
    });
    const text = [
      ...errors.flatMap((e) => [e.message, e.path, e.platformMessage ?? '', String(e), JSON.stringify(e)]),
      ...logs,
    ].join('\n');
    expect(logs.length).toBeGreaterThanOrEqual(9);
    expect(errors.some((e) => e.platformMessage === 'token *** rejected')).toBe(true);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('Bearer');
    expect(text).not.toMatch(/authorization/i);
  });
});

describe('--verbose', () => {
  it('logs one line per attempt: method, path with safe query, status, time', async () => {
    nock(HOST)
      .get('/orgs/12/members')
      .query({ max: '100', offset: '0' })
      .reply(200, { members: [], totalSize: 0 });
    const { client, logs } = makeClient();
    await client.use(memberReads).listMembers(12);
    expect(logs).toEqual(['GET /orgs/12/members?max=100&offset=0 → 200 (0 ms)']);
  });

  it('logs nothing when verbose is off', async () => {
    nock(HOST).get('/orgs').reply(200, { organizations: [] });
    const { client, logs } = makeClient({ verbose: false });
    await client.use(organizationReads).listOrganizations();
    expect(logs).toEqual([]);
  });

  it('never logs request bodies (secret values)', async () => {
    nock(HOST).post('/pipeline-secrets').query({ workspaceId: '7' }).reply(200, { secretId: 4 });
    const { client, logs } = makeClient();
    expect(
      await client.use(pipelineSecretWrites).createPipelineSecret(7, 'LICENSE', 'sup3r-s3cret-value'),
    ).toBe(4);
    expect(logs).toEqual(['POST /pipeline-secrets?workspaceId=7 → 200 (0 ms)']);
    expect(client.stats()).toEqual({ requests: 1, writes: 1 });
  });
});
