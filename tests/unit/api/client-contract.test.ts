/**
 * Contract: every request the client sends — method, path, query and body —
 * validates against the official OpenAPI spec. Each client method is
 * called once with a realistic payload; nock captures the request and answers
 * with a minimal valid response. Skips (saying why) when the spec is absent,
 * unless SEQERA_OPENAPI_SPEC is set (CI), where a missing file fails.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/api/api-client.js';
import { labelWrites } from '../../../src/kinds/labels/api.js';
import { labelReads } from '../../../src/kinds/labels/api.js';
import { loadContractChecker } from '../../helpers/openapi-contract.js';
import { HOST, makeClient } from './client-fixture.js';
import { everyOperations } from '../../helpers/every-operations.js';
import { dataLinkReads } from '../../../src/kinds/data-links/api.js';
import { dataLinkWrites } from '../../../src/kinds/data-links/api.js';
import { studiosReads } from '../../../src/kinds/studios/api.js';
import { studiosWrites } from '../../../src/kinds/studios/api.js';
import { roleReads } from '../../../src/kinds/roles/api.js';
import { roleWrites } from '../../../src/kinds/roles/api.js';
import { datasetReads } from '../../../src/kinds/datasets/api.js';
import { datasetWrites } from '../../../src/kinds/datasets/api.js';
import { actionReads } from '../../../src/kinds/actions/api.js';
import { actionWrites } from '../../../src/kinds/actions/api.js';
import { credentialReads } from '../../../src/kinds/credentials/api.js';
import { credentialWrites } from '../../../src/kinds/credentials/api.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { computeEnvWrites } from '../../../src/kinds/compute-environments/api.js';
import { pipelineReads, pipelineWrites } from '../../../src/kinds/pipelines/api.js';
import { pipelineSecretReads, pipelineSecretWrites } from '../../../src/kinds/secrets/api.js';
import { organizationReads, organizationWrites } from '../../../src/kinds/organization/api.js';
import { memberReads, memberWrites } from '../../../src/kinds/members/api.js';
import { teamReads, teamWrites } from '../../../src/kinds/teams/api.js';
import { workspaceReads, workspaceWrites } from '../../../src/kinds/workspace/api.js';
import { participantReads, participantWrites } from '../../../src/kinds/participants/api.js';
import { userReads } from '../../../src/api/user-operations.js';
import { quotaReads } from '../../../src/api/quota-operations.js';

const loaded = loadContractChecker();
const skipReason = 'skipReason' in loaded ? loaded.skipReason : undefined;
if (skipReason !== undefined) console.warn(skipReason);

interface Captured {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

const member = { memberId: 5, userId: 50, userName: 'jane', email: 'jane@example.org', role: 'member' };
const pipeline = { pipelineId: 9, name: 'rnaseq', workspaceId: 2 };

/** A minimal valid response per operation (status, body). */
function respond(method: string, path: string): [number, unknown?] {
  const routes: [string, RegExp, number, unknown?][] = [
    ['GET', /^\/user-info$/, 200, { user: { id: 1, userName: 'bot', email: 'bot@example.org' } }],
    ['GET', /^\/orgs$/, 200, { organizations: [], totalSize: 0 }],
    ['POST', /^\/orgs$/, 200, { organization: { orgId: 1, name: 'bio', fullName: 'Bio' } }],
    ['GET', /^\/orgs\/\d+\/(members|teams\/\d+\/members)$/, 200, { members: [], totalSize: 0 }],
    ['PUT', /^\/orgs\/\d+\/members\/add$/, 200, { member }],
    ['POST', /^\/orgs\/\d+\/teams\/\d+\/members$/, 200, { member }],
    ['GET', /^\/orgs\/\d+\/teams$/, 200, { teams: [], totalSize: 0 }],
    ['POST', /^\/orgs\/\d+\/teams$/, 200, { team: { teamId: 3, name: 'admins' } }],
    ['GET', /^\/orgs\/\d+\/workspaces$/, 200, { workspaces: [] }],
    [
      'POST',
      /^\/orgs\/\d+\/workspaces$/,
      200,
      { workspace: { id: 2, name: 'ws', fullName: 'WS', visibility: 'PRIVATE' } },
    ],
    [
      'PUT',
      /^\/orgs\/\d+\/workspaces\/\d+$/,
      200,
      { workspace: { id: 2, name: 'ws', fullName: 'WS', visibility: 'SHARED' } },
    ],
    ['GET', /^\/orgs\/\d+\/workspaces\/\d+\/participants$/, 200, { participants: [], totalSize: 0 }],
    [
      'PUT',
      /^\/orgs\/\d+\/workspaces\/\d+\/participants\/add$/,
      200,
      {
        participant: {
          participantId: 7,
          type: 'MEMBER',
          memberId: 5,
          email: 'jane@example.org',
          wspRole: 'launch',
        },
      },
    ],
    ['GET', /^\/credentials$/, 200, { credentials: [] }],
    ['POST', /^\/credentials$/, 200, { credentialsId: 'c1' }],
    [
      'GET',
      /^\/credentials\/[^/]+$/,
      200,
      { credentials: { id: 'c1', name: 'azure', provider: 'azure', keys: { batchName: 'b' } } },
    ],
    ['GET', /^\/compute-envs$/, 200, { computeEnvs: [] }],
    ['POST', /^\/compute-envs$/, 200, { computeEnvId: 'ce1' }],
    [
      'GET',
      /^\/compute-envs\/[^/]+$/,
      200,
      {
        computeEnv: {
          id: 'ce1',
          name: 'sydney',
          platform: 'aws-batch',
          status: 'AVAILABLE',
          config: { discriminator: 'aws-batch' },
        },
      },
    ],
    ['GET', /^\/pipelines$/, 200, { pipelines: [], totalSize: 0 }],
    ['POST', /^\/pipelines$/, 200, { pipeline }],
    ['PUT', /^\/pipelines\/\d+$/, 200, { pipeline }],
    ['GET', /^\/pipelines\/\d+\/launch$/, 200, { launch: { pipeline: 'https://github.com/nf-core/rnaseq' } }],
    ['GET', /^\/pipelines\/\d+\/versions$/, 200, { versions: [], totalSize: 0 }],
    ['GET', /^\/pipeline-secrets$/, 200, { pipelineSecrets: [], totalSize: 0 }],
    ['POST', /^\/pipeline-secrets$/, 200, { secretId: 4 }],
    ['GET', /^\/labels$/, 200, { labels: [], totalSize: 0 }],
    ['POST', /^\/labels$/, 200, { id: 5, name: 'project', value: 'ausgen', resource: true, isDefault: true }],
    ['GET', /^\/data-links$/, 200, { dataLinks: [] }],
    [
      'POST',
      /^\/data-links$/,
      200,
      { id: 'v1-user-1', name: 'refs', provider: 'aws', resourceRef: 's3://refs' },
    ],
    ['GET', /^\/roles$/, 200, { roles: [], totalSize: 0 }],
    ['GET', /^\/roles\/permissions$/, 200, { permissions: [{ name: 'dataset:write', category: 'dataset' }] }],
    [
      'GET',
      /^\/roles\/[^/]+$/,
      200,
      {
        role: { name: 'runner', description: 'Runs', isPredefined: false, permissions: ['pipeline:execute'] },
      },
    ],
    ['POST', /^\/roles$/, 201, { name: 'runner', description: 'Runs', permissions: ['pipeline:execute'] }],
    [
      'GET',
      /^\/orgs\/\d+\/workspaces\/\d+\/settings\/studios$/,
      200,
      { orgId: 1, wspId: 2, lifespanHours: 8, privateStudioByDefault: false, containerRepository: null },
    ],
    ['GET', /^\/orgs\/\d+\/quotas$/, 200, { quotas: { maxWorkspaces: 10, maxMembers: null } }],
    ['GET', /^\/datasets$/, 200, { datasets: [] }],
    ['GET', /^\/datasets\/versions$/, 200, { versions: [] }],
    ['POST', /^\/datasets$/, 200, { dataset: { id: 'd1', name: 'samples' } }],
    [
      'POST',
      /^\/datasets\/[^/]+\/upload$/,
      200,
      { version: { datasetId: 'd1', version: 1, fileName: 'samples.csv', hasHeader: true } },
    ],
    ['GET', /^\/datasets\/[^/]+\/v\/\d+\/n\/[^/]+$/, 200, 'a,b\n1,2\n'],
    ['GET', /^\/actions$/, 200, { actions: [] }],
    ['POST', /^\/actions$/, 200, { actionId: 'a1' }],
    [
      'GET',
      /^\/actions\/[^/]+$/,
      200,
      { action: { id: 'a1', name: 'nightly', source: 'cron', config: { discriminator: 'cron' } } },
    ],
  ];
  const match = routes.find(([m, re]) => m === method && re.test(path));
  return match === undefined ? [204] : [match[2], match[3]];
}

/** Every operation of the client, with the payloads the applier sends. */
const calls: readonly [string, (c: ApiClient) => Promise<unknown>][] = [
  ['getUserInfo', (c) => c.use(userReads).getUserInfo()],
  ['listOrganizations', (c) => c.use(organizationReads).listOrganizations()],
  [
    'createOrganization',
    (c) =>
      c
        .use(organizationWrites)
        .createOrganization({ name: 'bio', fullName: 'Bio', description: 'Life sciences' }),
  ],
  [
    'updateOrganization',
    (c) =>
      c.use(organizationWrites).updateOrganization(1, { name: 'bio', fullName: 'Bio', description: 'd' }),
  ],
  ['listMembers', (c) => c.use(memberReads).listMembers(1)],
  ['addMember', (c) => c.use(memberWrites).addMember(1, 'jane@example.org')],
  ['updateMemberRole', (c) => c.use(memberWrites).updateMemberRole(1, 5, 'owner')],
  ['deleteMember', (c) => c.use(memberWrites).deleteMember(1, 5)],
  ['listTeams', (c) => c.use(teamReads).listTeams(1)],
  ['createTeam', (c) => c.use(teamWrites).createTeam(1, { name: 'admins', description: 'Admins' })],
  ['updateTeam', (c) => c.use(teamWrites).updateTeam(1, 3, { name: 'admins', description: 'All admins' })],
  ['deleteTeam', (c) => c.use(teamWrites).deleteTeam(1, 3)],
  ['listTeamMembers', (c) => c.use(teamReads).listTeamMembers(1, 3)],
  ['addTeamMember', (c) => c.use(teamWrites).addTeamMember(1, 3, 'jane@example.org')],
  ['deleteTeamMember', (c) => c.use(teamWrites).deleteTeamMember(1, 3, 5)],
  ['listWorkspaces', (c) => c.use(workspaceReads).listWorkspaces(1)],
  [
    'createWorkspace',
    (c) =>
      c
        .use(workspaceWrites)
        .createWorkspace(1, { name: 'ws', fullName: 'WS', description: 'd', visibility: 'PRIVATE' }),
  ],
  [
    'updateWorkspace',
    (c) =>
      c
        .use(workspaceWrites)
        .updateWorkspace(1, 2, { name: 'ws', fullName: 'WS', description: 'd', visibility: 'SHARED' }),
  ],
  ['deleteWorkspace', (c) => c.use(workspaceWrites).deleteWorkspace(1, 2)],
  ['listParticipants', (c) => c.use(participantReads).listParticipants(1, 2)],
  [
    'addParticipant (email)',
    (c) => c.use(participantWrites).addParticipant(1, 2, { userNameOrEmail: 'jane@example.org' }),
  ],
  ['addParticipant (team)', (c) => c.use(participantWrites).addParticipant(1, 2, { teamId: 3 })],
  ['updateParticipantRole', (c) => c.use(participantWrites).updateParticipantRole(1, 2, 7, 'maintain')],
  ['deleteParticipant', (c) => c.use(participantWrites).deleteParticipant(1, 2, 7)],
  ['listCredentials', (c) => c.use(credentialReads).listCredentials(2)],
  ['describeCredentials', (c) => c.use(credentialReads).describeCredentials(2, 'c1')],
  [
    'createCredentials',
    (c) =>
      c.use(credentialWrites).createCredentials(2, {
        name: 'aws-main',
        provider: 'aws',
        description: 'Main [seqera-sync:v1:c2FsdA:aGFzaA]',
        keys: { discriminator: 'aws', accessKey: 'AKIA', secretKey: 'secret' },
      }),
  ],
  [
    'updateCredentials',
    (c) =>
      c.use(credentialWrites).updateCredentials(2, 'c1', {
        id: 'c1',
        name: 'github',
        provider: 'github',
        baseUrl: 'https://github.com',
        keys: { discriminator: 'github', username: 'bot', password: 'pw' },
      }),
  ],
  ['deleteCredentials', (c) => c.use(credentialWrites).deleteCredentials(2, 'c1')],
  ['listComputeEnvs', (c) => c.use(computeEnvReads).listComputeEnvs(2)],
  ['describeComputeEnv', (c) => c.use(computeEnvReads).describeComputeEnv(2, 'ce1')],
  [
    'createComputeEnv',
    (c) =>
      c.use(computeEnvWrites).createComputeEnv(
        2,
        {
          name: 'aws-sydney',
          platform: 'aws-batch',
          credentialsId: 'c1',
          description: 'Spot',
          config: {
            discriminator: 'aws-batch',
            region: 'ap-southeast-2',
            workDir: 's3://bucket/work',
            forge: { type: 'SPOT', maxCpus: 100, instanceTypes: ['c6id'], allowBuckets: ['s3://data'] },
          },
        },
        [11, 12],
      ),
  ],
  [
    'updateComputeEnv',
    (c) =>
      c
        .use(computeEnvWrites)
        .updateComputeEnv(2, 'ce1', { name: 'aws-sydney', description: 'd', credentialsId: 'c2' }),
  ],
  ['deleteComputeEnv', (c) => c.use(computeEnvWrites).deleteComputeEnv(2, 'ce1')],
  ['makePrimaryComputeEnv', (c) => c.use(computeEnvWrites).makePrimaryComputeEnv(2, 'ce1')],
  ['listPipelines', (c) => c.use(pipelineReads).listPipelines(2)],
  ['describePipelineLaunch', (c) => c.use(pipelineReads).describePipelineLaunch(2, 9)],
  [
    'createPipeline',
    (c) =>
      c.use(pipelineWrites).createPipeline(2, {
        name: 'rnaseq',
        description: 'nf-core/rnaseq',
        labelIds: [11],
        launch: {
          pipeline: 'https://github.com/nf-core/rnaseq',
          revision: '3.14.0',
          computeEnvId: 'ce1',
          workDir: 's3://bucket/work',
          configProfiles: ['test'],
          paramsText: '{"outdir":"s3://out"}',
          headJobCpus: 2,
        },
        version: { name: 'v-abc123' },
      }),
  ],
  [
    'updatePipeline',
    (c) =>
      c.use(pipelineWrites).updatePipeline(2, 9, {
        name: 'rnaseq',
        description: 'd',
        labelIds: [11],
        launch: {
          pipeline: 'https://github.com/nf-core/rnaseq',
          computeEnvId: 'ce2',
          workDir: 's3://bucket/work',
        },
      }),
  ],
  ['listPipelineVersions', (c) => c.use(pipelineReads).listPipelineVersions(2, 9)],
  [
    'managePipelineVersion',
    (c) => c.use(pipelineWrites).managePipelineVersion(2, 9, 'v1', { name: 'v-abc123', isDefault: true }),
  ],
  ['deletePipeline', (c) => c.use(pipelineWrites).deletePipeline(2, 9)],
  ['applyPipelineLabels', (c) => c.use(pipelineWrites).applyPipelineLabels(2, [9], [11, 12])],
  ['listPipelineSecrets', (c) => c.use(pipelineSecretReads).listPipelineSecrets(2)],
  ['createPipelineSecret', (c) => c.use(pipelineSecretWrites).createPipelineSecret(2, 'LICENSE', 'value')],
  ['updatePipelineSecret', (c) => c.use(pipelineSecretWrites).updatePipelineSecret(2, 4, 'new-value')],
  ['deletePipelineSecret', (c) => c.use(pipelineSecretWrites).deletePipelineSecret(2, 4)],
  ['listLabels', (c) => c.use(labelReads).listLabels(2)],
  [
    'createLabel',
    (c) =>
      c
        .use(labelWrites)
        .createLabel(2, { name: 'project', value: 'ausgen', resource: true, isDefault: true }),
  ],
  [
    'updateLabel',
    (c) => c.use(labelWrites).updateLabel(2, 5, { name: 'project', value: 'genomics', isDefault: false }),
  ],
  ['deleteLabel', (c) => c.use(labelWrites).deleteLabel(2, 5)],
  ['listDatasets', (c) => c.use(datasetReads).listDatasets(2)],
  ['listLatestDatasetVersions', (c) => c.use(datasetReads).listLatestDatasetVersions(2)],
  [
    'createDataset',
    (c) => c.use(datasetWrites).createDataset(2, { name: 'samples', description: 'Samples' }),
  ],
  [
    'updateDataset',
    (c) => c.use(datasetWrites).updateDataset(2, 'd1', { name: 'samples', description: 'Samples' }),
  ],
  ['deleteDataset', (c) => c.use(datasetWrites).deleteDataset(2, 'd1')],
  [
    'uploadDatasetVersion',
    (c) =>
      c
        .use(datasetWrites)
        .uploadDatasetVersion(
          2,
          'd1',
          { name: 'samples.csv', content: new TextEncoder().encode('a,b\n1,2\n'), mediaType: 'text/csv' },
          true,
        ),
  ],
  ['downloadDatasetVersion', (c) => c.use(datasetReads).downloadDatasetVersion(2, 'd1', 1, 'samples.csv')],
  ['applyDatasetLabels', (c) => c.use(datasetWrites).applyDatasetLabels(2, 'd1', [11])],
  ['listDataLinks', (c) => c.use(dataLinkReads).listDataLinks(2)],
  [
    'createDataLink',
    (c) =>
      c.use(dataLinkWrites).createDataLink(2, {
        name: 'refs',
        provider: 'aws',
        resourceRef: 's3://refs',
        type: 'bucket',
        publicAccessible: false,
        description: 'Reference genomes',
        credentialsId: 'c1',
      }),
  ],
  [
    'updateDataLink',
    (c) =>
      c
        .use(dataLinkWrites)
        .updateDataLink(2, 'v1-user-1', { name: 'refs', description: 'Genomes', credentialsId: 'c2' }),
  ],
  ['deleteDataLink', (c) => c.use(dataLinkWrites).deleteDataLink(2, 'v1-user-1')],
  ['listCustomRoles', (c) => c.use(roleReads).listCustomRoles(1)],
  ['describeRole', (c) => c.use(roleReads).describeRole(1, 'runner')],
  ['listRolePermissions', (c) => c.use(roleReads).listRolePermissions(1)],
  [
    'createRole',
    (c) =>
      c
        .use(roleWrites)
        .createRole(1, { name: 'runner', description: 'Runs', permissions: ['pipeline:execute'] }),
  ],
  [
    'updateRole',
    (c) =>
      c
        .use(roleWrites)
        .updateRole(1, 'runner', { name: 'runner', description: 'Runs', permissions: ['pipeline:read'] }),
  ],
  ['deleteRole', (c) => c.use(roleWrites).deleteRole(1, 'runner')],
  ['getStudiosSettings', (c) => c.use(studiosReads).getStudiosSettings(1, 2)],
  [
    'updateStudiosSettings',
    (c) =>
      c
        .use(studiosWrites)
        .updateStudiosSettings(1, 2, { lifespanHours: 24, containerRepository: 'cr.example.org/s' }),
  ],
  ['getOrganizationQuotas', (c) => c.use(quotaReads).getOrganizationQuotas(1)],
  ['listActions', (c) => c.use(actionReads).listActions(2)],
  ['describeAction', (c) => c.use(actionReads).describeAction(2, 'a1')],
  [
    'createAction',
    (c) =>
      c.use(actionWrites).createAction(2, {
        name: 'nightly',
        source: 'cron',
        cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
        launch: { pipeline: 'https://github.com/nf-core/rnaseq', computeEnvId: 'ce1', workDir: 's3://w' },
      }),
  ],
  [
    'updateAction',
    (c) =>
      c.use(actionWrites).updateAction(2, 'a1', {
        name: 'nightly',
        cron: { expression: '0 3 * * *' },
        launch: { pipeline: 'https://github.com/nf-core/rnaseq', revision: '3.15.0' },
      }),
  ],
  ['deleteAction', (c) => c.use(actionWrites).deleteAction(2, 'a1')],
  ['applyActionLabels', (c) => c.use(actionWrites).applyActionLabels(2, ['a1'], [5, 6])],
];

describe.skipIf(skipReason !== undefined)(
  `client requests vs the official OpenAPI spec${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    const captured: Captured[] = [];

    beforeAll(() => {
      nock.disableNetConnect();
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        nock(HOST)
          .persist()
          .intercept(() => true, method)
          .reply(function (uri, body) {
            const url = new URL(uri, HOST);
            const path = url.pathname;
            captured.push({
              method,
              path,
              query: Object.fromEntries(url.searchParams),
              body: body === '' ? undefined : body,
            });
            return respond(method, path);
          });
      }
    });

    afterAll(() => {
      nock.cleanAll();
      nock.enableNetConnect();
    });

    it.each(calls)('%s', async (name, call) => {
      if (!('checker' in loaded)) throw new Error('unreachable: skipped without a spec');
      const { client } = makeClient();
      captured.length = 0;
      await call(client);
      expect(captured).toHaveLength(1);
      const request = captured[0]!;
      expect(loaded.checker.operationId(request.method, request.path)).toBeDefined();
      // The checker knows JSON bodies only; a dataset upload is multipart (its file part checked here).
      const multipart = name === 'uploadDatasetVersion';
      if (multipart) expect(String(request.body)).toContain('name="file"; filename="samples.csv"');
      expect(
        loaded.checker.checkRequest(
          request.method,
          request.path,
          request.query,
          multipart ? undefined : request.body,
        ),
      ).toEqual([]);
    });

    it('covers every endpoint method of every kind and of src/api', async () => {
      const { client } = makeClient();
      const found = await everyOperations();
      expect(found.length).toBeGreaterThan(20);
      // Each method with the area of the set that declares it, so a failure names where it is.
      const methods = found.flatMap((ops) =>
        Object.keys(client.use(ops)).map((name) => `${ops.area}: ${name}`),
      );
      const nameOf = (method: string): string => method.slice(method.indexOf(': ') + 2);
      // A name declared twice would leave one of the two without its own case here.
      expect(methods.filter((m, i, all) => all.findIndex((o) => nameOf(o) === nameOf(m)) !== i)).toEqual([]);
      const covered = new Set(calls.map(([name]) => name.split(' ')[0]));
      expect(methods.filter((m) => !covered.has(nameOf(m)))).toEqual([]);
    });
  },
);
