import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { HOST, makeClient, rejectionOf, socketError } from './client-fixture.js';
import { credentialReads } from '../../../src/kinds/credentials/api.js';
import { computeEnvWrites } from '../../../src/kinds/compute-environments/api.js';
import { pipelineWrites } from '../../../src/kinds/pipelines/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { teamWrites } from '../../../src/kinds/teams/api.js';
import { participantReads } from '../../../src/kinds/participants/api.js';
import { userReads } from '../../../src/api/user-operations.js';

useNockGuard();

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const err = await rejectionOf(promise);
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('error mapping', () => {
  it('401 anywhere: the token is invalid or expired', async () => {
    nock(HOST).get('/orgs').reply(401);
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toBe(
      'GET /orgs failed: 401 Unauthorized — the access token (TOWER_ACCESS_TOKEN) is invalid or expired',
    );
  });

  it('403 on GET /user-info: the token is invalid or expired', async () => {
    nock(HOST).get('/user-info').reply(403);
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(userReads).getUserInfo());
    expect(err.kind).toBe('unauthorized');
    expect(err.message).toContain('the access token (TOWER_ACCESS_TOKEN) is invalid or expired');
  });

  it('403 elsewhere: the token’s user lacks permission, naming the org and workspace', async () => {
    nock(HOST)
      .get('/orgs/12/workspaces/34/participants')
      .query(true)
      .reply(403)
      .get('/credentials')
      .query({ workspaceId: '34' })
      .reply(403, { message: 'Forbidden' });
    const { client } = makeClient();
    const a = await apiErrorOf(client.use(participantReads).listParticipants(12, 34));
    expect(a.kind).toBe('forbidden');
    expect(a.message).toBe(
      "GET /orgs/12/workspaces/34/participants?max=100&offset=0 failed: 403 Forbidden — the token's user lacks permission on organisation 12, workspace 34 (it must be an owner of every managed organisation)",
    );
    const b = await apiErrorOf(client.use(credentialReads).listCredentials(34));
    expect(b.message).toContain('"Forbidden"');
    expect(b.message).toContain('lacks permission on workspace 34');
  });

  it('a network error names the endpoint it cannot reach', async () => {
    nock('https://platform.example.org').get('/api/orgs').replyWithError(socketError('ENOTFOUND'));
    const { client } = makeClient({ endpoint: 'https://platform.example.org/api' });
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    expect(err.kind).toBe('network');
    expect(err.status).toBeUndefined();
    expect(err.message).toBe('GET /orgs failed: cannot reach https://platform.example.org/api: ENOTFOUND');
  });

  it('a 404 keeps the platform message', async () => {
    nock(HOST)
      .delete('/pipelines/9')
      .query({ workspaceId: '34' })
      .reply(404, { message: 'Pipeline not found' });
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(pipelineWrites).deletePipeline(34, 9));
    expect(err.kind).toBe('not-found');
    expect(err.path).toBe('/pipelines/9?workspaceId=34');
    expect(err.message).toBe(
      'DELETE /pipelines/9?workspaceId=34 failed: 404 Not Found — "Pipeline not found"',
    );
  });

  it('an HTML error page has no platform message', async () => {
    nock(HOST).get('/orgs').reply(400, '<html>Bad</html>', { 'Content-Type': 'text/html' });
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    expect(err.platformMessage).toBeUndefined();
    expect(err.message).toBe('GET /orgs failed: 400 Bad Request');
  });

  it('a redirect is not followed and hints at the endpoint', async () => {
    nock(HOST).get('/orgs').reply(301, '', { Location: 'https://api.example.test/api/orgs' });
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    expect(err.message).toContain('unexpected redirect');
  });
});

describe('invalid responses are ApiErrors, never TypeErrors', () => {
  it.each([
    ['a missing list key', { orgs: [] }, "'organizations' is not a list"],
    ['a list that is not an array', { organizations: { a: 1 } }, "'organizations' is not a list"],
    [
      'an item without a required field',
      { organizations: [{ orgId: 1, fullName: 'X' }] },
      "'organizations[0].name' is not a string (found absent)",
    ],
    [
      'an item with a wrong type',
      { organizations: [{ orgId: '1', name: 'x', fullName: 'X' }] },
      "'organizations[0].orgId' is not a number (found string)",
    ],
    ['a body that is not an object', [1, 2], 'the body is not an object'],
  ])('%s', async (_label, body, expected) => {
    nock(HOST).get('/orgs').reply(200, body);
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(organizationReads).listOrganizations());
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toContain(expected);
  });

  it('a body that is not JSON', async () => {
    nock(HOST).get('/user-info').reply(200, 'not json');
    const { client } = makeClient();
    const err = await apiErrorOf(client.use(userReads).getUserInfo());
    expect(err.message).toBe('GET /user-info failed: unexpected response (200): the body is not JSON');
  });

  it('a write that needs no body succeeds whatever body comes back', async () => {
    nock(HOST).put('/orgs/1/teams/3').reply(200, 'OK', { 'Content-Type': 'text/plain' });
    const { client } = makeClient();
    await expect(client.use(teamWrites).updateTeam(1, 3, { name: 't' })).resolves.toBeUndefined();
  });

  it('a create response without the new id', async () => {
    nock(HOST).post('/compute-envs').query({ workspaceId: '34' }).reply(200, {});
    const { client } = makeClient();
    const err = await apiErrorOf(
      client.use(computeEnvWrites).createComputeEnv(34, {
        name: 'ce',
        platform: 'aws-batch',
        config: { discriminator: 'aws-batch' },
      }),
    );
    expect(err.kind).toBe('invalid-response');
    expect(err.message).toContain("no string 'computeEnvId'");
  });

  it('an empty 200 where a body is needed', async () => {
    nock(HOST).get('/user-info').reply(200, '');
    const { client } = makeClient();
    expect((await apiErrorOf(client.use(userReads).getUserInfo())).message).toContain(
      'the body is not an object',
    );
  });
});
