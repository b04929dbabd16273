import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { HOST, makeClient } from './client-fixture.js';
import { credentialReads } from '../../../src/kinds/credentials/api.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { pipelineReads } from '../../../src/kinds/pipelines/api.js';
import { pipelineSecretReads } from '../../../src/kinds/secrets/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { memberReads } from '../../../src/kinds/members/api.js';
import { teamReads } from '../../../src/kinds/teams/api.js';
import { workspaceReads } from '../../../src/kinds/workspace/api.js';
import { participantReads } from '../../../src/kinds/participants/api.js';

useNockGuard();

const member = (i: number) => ({
  memberId: i,
  userId: 1000 + i,
  userName: `user${i}`,
  email: `user${i}@example.org`,
  role: 'member',
});
const members = (from: number, count: number) => Array.from({ length: count }, (_, k) => member(from + k));

describe('paged lists', () => {
  it('pages org members to the end with max=100 and offset', async () => {
    nock(HOST)
      .get('/orgs/12/members')
      .query({ max: '100', offset: '0' })
      .reply(200, { members: members(0, 100), totalSize: 250 })
      .get('/orgs/12/members')
      .query({ max: '100', offset: '100' })
      .reply(200, { members: members(100, 100), totalSize: 250 })
      .get('/orgs/12/members')
      .query({ max: '100', offset: '200' })
      .reply(200, { members: members(200, 50), totalSize: 250 });
    const { client } = makeClient();
    const list = await client.use(memberReads).listMembers(12);
    expect(list).toHaveLength(250);
    expect(list.map((m) => m.memberId)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(client.stats()).toEqual({ requests: 3, writes: 0 });
  });

  it('stops after one request when the list fits in a page, exactly full included', async () => {
    nock(HOST)
      .get('/orgs/12/teams')
      .query({ max: '100', offset: '0' })
      .reply(200, {
        teams: Array.from({ length: 100 }, (_, i) => ({ teamId: i, name: `t${i}` })),
        totalSize: 100,
      });
    const { client } = makeClient();
    expect(await client.use(teamReads).listTeams(12)).toHaveLength(100);
    expect(client.stats().requests).toBe(1);
  });

  it('an empty list is one request', async () => {
    nock(HOST)
      .get('/orgs/12/workspaces/34/participants')
      .query({ max: '100', offset: '0' })
      .reply(200, { participants: [], totalSize: 0 });
    const { client } = makeClient();
    expect(await client.use(participantReads).listParticipants(12, 34)).toEqual([]);
  });

  it('stops on a short page when the server sends no totalSize', async () => {
    nock(HOST)
      .get('/orgs/12/teams/7/members')
      .query({ max: '100', offset: '0' })
      .reply(200, { members: members(0, 100) })
      .get('/orgs/12/teams/7/members')
      .query({ max: '100', offset: '100' })
      .reply(200, { members: members(100, 3) });
    const { client } = makeClient();
    expect(await client.use(teamReads).listTeamMembers(12, 7)).toHaveLength(103);
  });

  it('stops on an empty page even if totalSize promised more', async () => {
    nock(HOST)
      .get('/orgs/12/members')
      .query({ max: '100', offset: '0' })
      .reply(200, { members: members(0, 100), totalSize: 150 })
      .get('/orgs/12/members')
      .query({ max: '100', offset: '100' })
      .reply(200, { members: [], totalSize: 100 });
    const { client } = makeClient();
    expect(await client.use(memberReads).listMembers(12)).toHaveLength(100);
  });

  it('keeps going when a server caps pages below max (advances by what came back)', async () => {
    nock(HOST)
      .get('/orgs/12/members')
      .query({ max: '100', offset: '0' })
      .reply(200, { members: members(0, 50), totalSize: 120 })
      .get('/orgs/12/members')
      .query({ max: '100', offset: '50' })
      .reply(200, { members: members(50, 50), totalSize: 120 })
      .get('/orgs/12/members')
      .query({ max: '100', offset: '100' })
      .reply(200, { members: members(100, 20), totalSize: 120 });
    const { client } = makeClient();
    expect(await client.use(memberReads).listMembers(12)).toHaveLength(120);
  });

  it('pages pipelines with attributes=labels,computeEnv and keeps only the workspace’s own', async () => {
    const pipeline = (id: number, workspaceId: number) => ({ pipelineId: id, name: `p${id}`, workspaceId });
    nock(HOST)
      .get('/pipelines')
      .query({ workspaceId: '34', attributes: 'labels,computeEnv', max: '100', offset: '0' })
      .reply(200, {
        pipelines: [...Array.from({ length: 99 }, (_, i) => pipeline(i, 34)), pipeline(500, 99)],
        totalSize: 101,
      })
      .get('/pipelines')
      .query({ workspaceId: '34', attributes: 'labels,computeEnv', max: '100', offset: '100' })
      .reply(200, { pipelines: [pipeline(99, 34)], totalSize: 101 });
    const { client } = makeClient();
    const list = await client.use(pipelineReads).listPipelines(34);
    expect(list).toHaveLength(100);
    expect(list.some((p) => p.pipelineId === 500)).toBe(false);
  });

  it('pages pipeline versions', async () => {
    nock(HOST)
      .get('/pipelines/5/versions')
      .query({ workspaceId: '34', max: '100', offset: '0' })
      .reply(200, { versions: [{ pipelineId: 5, name: 'rnaseq', version: { id: 'v1' } }], totalSize: 1 });
    const { client } = makeClient();
    expect(await client.use(pipelineReads).listPipelineVersions(34, 5)).toHaveLength(1);
  });
});

describe('unpaged lists', () => {
  it('fetch orgs, workspaces, credentials, compute envs and secrets once, without max/offset', async () => {
    const noPaging = (q: Record<string, unknown>) => !('max' in q) && !('offset' in q);
    nock(HOST)
      .get('/orgs')
      .query(noPaging)
      .reply(200, { organizations: [{ orgId: 12, name: 'bio', fullName: 'Bio' }], totalSize: 1 })
      .get('/orgs/12/workspaces')
      .query(noPaging)
      .reply(200, { workspaces: [{ id: 34, name: 'ws', fullName: 'WS', visibility: 'PRIVATE' }] })
      .get('/credentials')
      .query({ workspaceId: '34' })
      .reply(200, { credentials: [{ id: 'c1', name: 'aws', provider: 'aws' }] })
      .get('/compute-envs')
      .query({ workspaceId: '34' })
      .reply(200, {
        computeEnvs: [{ id: 'ce1', name: 'sydney', platform: 'aws-batch', status: 'AVAILABLE' }],
      })
      .get('/pipeline-secrets')
      .query({ workspaceId: '34' })
      .reply(200, { pipelineSecrets: [{ id: 3, name: 'LICENSE' }], totalSize: 1 });
    const { client } = makeClient();
    expect(await client.use(organizationReads).listOrganizations()).toHaveLength(1);
    expect(await client.use(workspaceReads).listWorkspaces(12)).toHaveLength(1);
    expect(await client.use(credentialReads).listCredentials(34)).toHaveLength(1);
    expect(await client.use(computeEnvReads).listComputeEnvs(34)).toHaveLength(1);
    expect(await client.use(pipelineSecretReads).listPipelineSecrets(34)).toHaveLength(1);
    expect(client.stats()).toEqual({ requests: 5, writes: 0 });
  });

  it('describes a compute environment with attributes=labels', async () => {
    nock(HOST)
      .get('/compute-envs/ce1')
      .query({ workspaceId: '34', attributes: 'labels' })
      .reply(200, {
        computeEnv: {
          id: 'ce1',
          name: 'sydney',
          platform: 'aws-batch',
          status: 'AVAILABLE',
          config: { discriminator: 'aws-batch', region: 'ap-southeast-2' },
          labels: [{ id: 9, name: 'team' }],
        },
      });
    const { client } = makeClient();
    const ce = await client.use(computeEnvReads).describeComputeEnv(34, 'ce1');
    expect(ce.config.region).toBe('ap-southeast-2');
  });
});
