import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { makeClient } from './client-fixture.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { workspaceReads } from '../../../src/kinds/workspace/api.js';
import { userReads } from '../../../src/api/user-operations.js';

useNockGuard();

describe('base URL with a path (Enterprise)', () => {
  it('sends every request under the path prefix and shows paths relative to the API root', async () => {
    nock('https://platform.example.org')
      .get('/api/user-info')
      .reply(200, { user: { id: 1, userName: 'svc', email: 'svc@example.org' } })
      .get('/api/orgs/3/workspaces')
      .reply(200, { workspaces: [] });
    const { client, logs } = makeClient({ endpoint: 'https://platform.example.org/api/' });
    expect(client.endpoint).toBe('https://platform.example.org/api');
    expect((await client.use(userReads).getUserInfo()).user.email).toBe('svc@example.org');
    expect(await client.use(workspaceReads).listWorkspaces(3)).toEqual([]);
    expect(logs).toEqual(['GET /user-info → 200 (0 ms)', 'GET /orgs/3/workspaces → 200 (0 ms)']);
  });

  it('encodes string ids in path segments', async () => {
    nock('https://platform.example.org')
      .get('/api/compute-envs/a%2Fb')
      .query({ workspaceId: '1', attributes: 'labels' })
      .reply(200, {
        computeEnv: { id: 'a/b', name: 'x', platform: 'aws-batch', status: 'AVAILABLE', config: {} },
      });
    const { client } = makeClient({ endpoint: 'https://platform.example.org/api' });
    expect((await client.use(computeEnvReads).describeComputeEnv(1, 'a/b')).id).toBe('a/b');
  });
});
