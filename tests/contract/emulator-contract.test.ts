/**
 * Contract test of the emulator: drives every operation the API
 * client uses over real HTTP and validates every request sent and every
 * response returned (from the emulator's request log) against the official
 * OpenAPI spec. Skips, saying why, where the spec is absent; fails when
 * SEQERA_OPENAPI_SPEC names a missing file (CI).
 */
import { describe, expect, it } from 'vitest';
import {
  servedRouter,
  startEmulator,
  type RequestLogEntry,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import {
  apiCaller,
  eventually,
  exampleIds,
  exampleSeed,
  MEMBER_TOKEN,
  type ApiCall,
} from '../helpers/emulator.js';
import { loadContractChecker, type ContractChecker } from '../helpers/openapi-contract.js';

const loaded = loadContractChecker();
const skipReason = 'skipReason' in loaded ? loaded.skipReason : undefined;
if (skipReason !== undefined) console.warn(skipReason);

/** Every operation of the API client (the kinds' `api.ts`, `src/api/*-operations.ts`), plus the describes the emulator also serves. */
const CLIENT_OPERATIONS = [
  'UserInfo',
  'ListOrganizations',
  'CreateOrganization',
  'DescribeOrganization',
  'UpdateOrganization',
  'ListOrganizationMembers',
  'ListOrganizationCollaborators',
  'CreateOrganizationMember',
  'UpdateOrganizationMemberRole',
  'DeleteOrganizationMember',
  'ListOrganizationTeams',
  'CreateOrganizationTeam',
  'DescribeOrganizationTeam',
  'UpdateOrganizationTeam',
  'DeleteOrganizationTeam',
  'ListOrganizationTeamMembers',
  'CreateOrganizationTeamMember',
  'DeleteOrganizationTeamMember',
  'FindDataStudiosWorkspaceSettings',
  'UpdateDataStudiosWorkspaceSettings',
  'DescribeOrganizationQuotas',
  'ListWorkspaces',
  'CreateWorkspace',
  'DescribeWorkspace',
  'UpdateWorkspace',
  'DeleteWorkspace',
  'ListWorkspaceParticipants',
  'CreateWorkspaceParticipant',
  'UpdateWorkspaceParticipantRole',
  'DeleteWorkspaceParticipant',
  'ListCredentials',
  'CreateCredentials',
  'DescribeCredentials',
  'UpdateCredentials',
  'DeleteCredentials',
  'ListComputeEnvs',
  'CreateComputeEnv',
  'DescribeComputeEnv',
  'UpdateComputeEnv',
  'DeleteComputeEnv',
  'UpdateComputeEnvPrimary',
  'ListPipelines',
  'CreatePipeline',
  'DescribePipeline',
  'DescribePipelineLaunch',
  'UpdatePipeline',
  'ListPipelineVersions',
  'ManagePipelineVersion',
  'DeletePipeline',
  'ApplyLabelsToPipelines',
  'ListPipelineSecrets',
  'CreatePipelineSecret',
  'DescribePipelineSecret',
  'UpdatePipelineSecret',
  'DeletePipelineSecret',
  'ListLabels',
  'CreateLabel',
  'UpdateLabel',
  'DeleteLabel',
  'ListDataLinks',
  'CreateCustomDataLink',
  'UpdateCustomDataLink',
  'DeleteCustomDataLink',
  'ListRoles',
  'CreateRole',
  'ListRolePermissions',
  'DescribeRole',
  'UpdateRole',
  'DeleteRole',
  'ListDatasetsV2',
  'ListLatestDatasetVersionsV2',
  'CreateDatasetV2',
  'UpdateDatasetV2',
  'DeleteDatasetV2',
  'UploadDatasetV2',
  'DownloadDatasetV2',
  'ApplyLabelsToDatasets',
  'ListActions',
  'CreateAction',
  'DescribeAction',
  'UpdateAction',
  'DeleteAction',
  'ApplyLabelsToActions',
];

/** Drives every operation (and the error statuses) once; returns the indexes of deliberately invalid requests. */
async function driveEverything(emu: RunningEmulator, api: ApiCall): Promise<Set<number>> {
  const invalid = new Set<number>();
  const expectStatus = async (
    status: number,
    method: string,
    path: string,
    options: Parameters<ApiCall>[2] = {},
  ): Promise<Awaited<ReturnType<ApiCall>>> => {
    const res = await api(method, path, options);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
    return res;
  };
  const markInvalid = async (
    status: number,
    method: string,
    path: string,
    options: Parameters<ApiCall>[2] = {},
  ) => {
    invalid.add(emu.requestLog().length);
    await expectStatus(status, method, path, options);
  };

  await expectStatus(200, 'GET', '/user-info');
  const { orgId, wsId, sharedWsId } = await exampleIds(api);
  // Organisations
  const org = await expectStatus(200, 'POST', '/orgs', {
    body: {
      organization: {
        name: 'contract-org',
        fullName: 'Contract Org',
        description: 'x',
        website: 'https://example.org',
      },
    },
  });
  const newOrgId: number = org.body.organization.orgId;
  await expectStatus(200, 'GET', `/orgs/${newOrgId}`);
  await expectStatus(204, 'PUT', `/orgs/${newOrgId}`, {
    body: { name: 'contract-org', fullName: 'Contract Org 2', description: 'y', location: 'Melbourne' },
  });
  await expectStatus(200, 'GET', '/orgs', { query: { role: 'owner' } });
  // Members and collaborators
  const added = await expectStatus(200, 'PUT', `/orgs/${newOrgId}/members/add`, {
    body: { user: 'jane.citizen@example.edu.au' },
  });
  await expectStatus(204, 'PUT', `/orgs/${newOrgId}/members/${added.body.member.memberId}/role`, {
    body: { role: 'owner' },
  });
  await expectStatus(200, 'GET', `/orgs/${newOrgId}/members`, {
    query: { max: 100, offset: 0, search: 'jane' },
  });
  await expectStatus(204, 'DELETE', `/orgs/${newOrgId}/members/${added.body.member.memberId}`);
  await expectStatus(200, 'GET', `/orgs/${orgId}/collaborators`, { query: { max: 100, offset: 0 } });
  // Teams
  const team = await expectStatus(200, 'POST', `/orgs/${orgId}/teams`, {
    body: { team: { name: 'contract-team', description: 'd' } },
  });
  const teamId: number = team.body.team.teamId;
  await expectStatus(200, 'GET', `/orgs/${orgId}/teams`, { query: { max: 100, offset: 0 } });
  await expectStatus(200, 'GET', `/orgs/${orgId}/teams/${teamId}`);
  await expectStatus(204, 'PUT', `/orgs/${orgId}/teams/${teamId}`, {
    body: { name: 'contract-team', description: 'e' },
  });
  const teamMember = await expectStatus(200, 'POST', `/orgs/${orgId}/teams/${teamId}/members`, {
    body: { userNameOrEmail: 'john.member@example.edu.au' },
  });
  await expectStatus(409, 'POST', `/orgs/${orgId}/teams/${teamId}/members`, {
    body: { userNameOrEmail: 'john' },
  });
  await expectStatus(200, 'GET', `/orgs/${orgId}/teams/${teamId}/members`, {
    query: { max: 100, offset: 0 },
  });
  // Workspaces and participants
  const ws = await expectStatus(200, 'POST', `/orgs/${orgId}/workspaces`, {
    body: {
      workspace: { name: 'contract-ws', fullName: 'Contract WS', description: 'd', visibility: 'PRIVATE' },
    },
  });
  const newWsId: number = ws.body.workspace.id;
  await expectStatus(200, 'GET', `/orgs/${orgId}/workspaces`);
  await expectStatus(200, 'GET', `/orgs/${orgId}/workspaces/${newWsId}`);
  await expectStatus(200, 'PUT', `/orgs/${orgId}/workspaces/${newWsId}`, {
    body: { name: 'contract-ws', fullName: 'Contract WS', description: 'e', visibility: 'SHARED' },
  });
  const pPath = `/orgs/${orgId}/workspaces/${newWsId}/participants`;
  const byEmail = await expectStatus(200, 'PUT', `${pPath}/add`, {
    body: { userNameOrEmail: 'jane.citizen@example.edu.au' },
  });
  await expectStatus(200, 'PUT', `${pPath}/add`, { body: { userNameOrEmail: 'alice.outsider@example.com' } });
  await expectStatus(200, 'PUT', `${pPath}/add`, { body: { teamId } });
  await expectStatus(200, 'PUT', `${pPath}/add`, { body: { memberId: teamMember.body.member.memberId } });
  await expectStatus(409, 'PUT', `${pPath}/add`, { body: { memberId: teamMember.body.member.memberId } });
  await expectStatus(204, 'PUT', `${pPath}/${byEmail.body.participant.participantId}/role`, {
    body: { role: 'maintain' },
  });
  await expectStatus(200, 'GET', pPath, { query: { max: 100, offset: 0 } });
  await expectStatus(204, 'DELETE', `${pPath}/${byEmail.body.participant.participantId}`);
  await expectStatus(
    204,
    'DELETE',
    `/orgs/${orgId}/teams/${teamId}/members/${teamMember.body.member.memberId}/delete`,
  );
  await expectStatus(204, 'DELETE', `/orgs/${orgId}/teams/${teamId}`);
  // Credentials
  const q = { workspaceId: wsId };
  const cred = await expectStatus(200, 'POST', '/credentials', {
    query: q,
    body: {
      credentials: {
        name: 'aws-contract',
        provider: 'aws',
        description: 'd',
        keys: { discriminator: 'aws', accessKey: 'AKIA', secretKey: 'SECRET' },
      },
    },
  });
  const credId: string = cred.body.credentialsId;
  await expectStatus(200, 'POST', '/credentials', {
    query: q,
    body: {
      credentials: { name: 'hpc-ssh', provider: 'ssh', keys: { discriminator: 'ssh', privateKey: 'KEY' } },
    },
  });
  await expectStatus(409, 'POST', '/credentials', {
    query: q,
    body: {
      credentials: { name: 'aws-contract', provider: 'aws', keys: { discriminator: 'aws', accessKey: 'A' } },
    },
  });
  await expectStatus(200, 'GET', '/credentials', { query: q });
  await expectStatus(200, 'GET', `/credentials/${credId}`, { query: q });
  await expectStatus(204, 'PUT', `/credentials/${credId}`, {
    query: q,
    body: {
      credentials: {
        id: credId,
        name: 'aws-contract',
        provider: 'aws',
        description: 'rotated',
        keys: { discriminator: 'aws', accessKey: 'AKIA2', secretKey: 'SECRET2' },
      },
    },
  });
  // Compute environments
  const ce = await expectStatus(200, 'POST', '/compute-envs', {
    query: q,
    body: {
      computeEnv: {
        name: 'contract-ce',
        platform: 'aws-batch',
        credentialsId: credId,
        description: 'd',
        config: {
          discriminator: 'aws-batch',
          region: 'ap-southeast-2',
          workDir: 's3://bucket/work',
          forge: { type: 'SPOT', maxCpus: 10, allowBuckets: ['s3://data'] },
        },
      },
      labelIds: [],
    },
  });
  const ceId: string = ce.body.computeEnvId;
  await expectStatus(409, 'POST', '/compute-envs', {
    query: q,
    body: {
      computeEnv: {
        name: 'contract-ce',
        platform: 'aws-batch',
        credentialsId: credId,
        config: { discriminator: 'aws-batch', region: 'ap-southeast-2', workDir: 's3://bucket/work' },
      },
    },
  });
  await expectStatus(200, 'GET', `/compute-envs/${ceId}`, { query: { ...q, attributes: 'labels' } });
  await eventually(async () => {
    const res = await api('GET', `/compute-envs/${ceId}`, { query: { ...q, attributes: 'labels' } });
    return res.body.computeEnv.status === 'AVAILABLE' ? true : undefined;
  });
  await expectStatus(200, 'GET', '/compute-envs', { query: { ...q, attributes: 'labels' } });
  await expectStatus(204, 'PUT', `/compute-envs/${ceId}`, {
    query: q,
    body: { name: 'contract-ce', description: 'e', credentialsId: credId },
  });
  await expectStatus(204, 'POST', `/compute-envs/${ceId}/primary`, { query: q, body: {} });
  // Pipelines and versions
  const pipe = await expectStatus(200, 'POST', '/pipelines', {
    query: q,
    body: {
      name: 'contract-pipe',
      description: 'd',
      labelIds: [],
      launch: {
        pipeline: 'https://github.com/nf-core/demo',
        revision: '1.0',
        computeEnvId: ceId,
        workDir: 's3://bucket/work',
        configProfiles: ['test'],
        paramsText: '{}',
      },
    },
  });
  const pipelineId: number = pipe.body.pipeline.pipelineId;
  await expectStatus(200, 'GET', '/pipelines', {
    query: { ...q, max: 100, offset: 0, attributes: 'labels', visibility: 'all' },
  });
  await expectStatus(200, 'GET', `/pipelines/${pipelineId}`, { query: q });
  await expectStatus(200, 'GET', `/pipelines/${pipelineId}/launch`, { query: q });
  const updated = await expectStatus(200, 'PUT', `/pipelines/${pipelineId}`, {
    query: q,
    body: {
      name: 'contract-pipe',
      description: 'd',
      labelIds: [],
      launch: {
        pipeline: 'https://github.com/nf-core/demo',
        revision: '1.1',
        computeEnvId: ceId,
        workDir: 's3://bucket/work',
      },
    },
  });
  await expectStatus(200, 'GET', `/pipelines/${pipelineId}/versions`, {
    query: { ...q, max: 100, offset: 0 },
  });
  await expectStatus(
    204,
    'PUT',
    `/pipelines/${pipelineId}/versions/${updated.body.pipeline.version.id}/manage`,
    {
      query: q,
      body: { name: 'v1-1', isDefault: true },
    },
  );
  // Pipeline labels: apply replaces the set; an unknown label changes nothing
  const tag = await expectStatus(200, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-tag', resource: false, isDefault: false },
  });
  await expectStatus(204, 'POST', '/pipelines/labels/apply', {
    query: q,
    body: { pipelineIds: [pipelineId], labelIds: [tag.body.id] },
  });
  await expectStatus(404, 'POST', '/pipelines/labels/apply', {
    query: q,
    body: { pipelineIds: [pipelineId], labelIds: [987654] },
  });
  // add and remove change the set by the labels given (the API serves them; the client applies sets)
  await expectStatus(204, 'POST', '/pipelines/labels/remove', {
    query: q,
    body: { pipelineIds: [pipelineId], labelIds: [tag.body.id] },
  });
  await expectStatus(204, 'POST', '/pipelines/labels/add', {
    query: q,
    body: { pipelineIds: [pipelineId], labelIds: [tag.body.id] },
  });
  {
    const listed = await api('GET', '/pipelines', { query: { ...q, attributes: 'labels' } });
    const row = listed.body.pipelines.find((p: { pipelineId: number }) => p.pipelineId === pipelineId);
    expect(row.labels.map((l: { name: string }) => l.name)).toEqual(['contract-tag']);
  }
  await expectStatus(204, 'DELETE', `/pipelines/${pipelineId}`, { query: q });
  await expectStatus(204, 'DELETE', `/labels/${tag.body.id}`, { query: q });
  // Pipeline secrets
  const secret = await expectStatus(200, 'POST', '/pipeline-secrets', {
    query: q,
    body: { name: 'CONTRACT_SECRET', value: 'v' },
  });
  await expectStatus(200, 'GET', '/pipeline-secrets', { query: q });
  await expectStatus(200, 'GET', `/pipeline-secrets/${secret.body.secretId}`, { query: q });
  await expectStatus(204, 'PUT', `/pipeline-secrets/${secret.body.secretId}`, {
    query: q,
    body: { value: 'w' },
  });
  await expectStatus(409, 'POST', '/pipeline-secrets', {
    query: q,
    body: { name: 'CONTRACT_SECRET', value: 'v' },
  });
  await expectStatus(204, 'DELETE', `/pipeline-secrets/${secret.body.secretId}`, { query: q });
  // Labels: a create of an existing name and value answers the same label
  const simple = await expectStatus(200, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-simple', resource: false, isDefault: false },
  });
  const resource = await expectStatus(200, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-res', value: 'v1', resource: true, isDefault: true },
  });
  const again = await expectStatus(200, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-res', value: 'v1', resource: true, isDefault: true },
  });
  expect(again.body.id).toBe(resource.body.id);
  await expectStatus(400, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-res', value: 'v2', resource: true, isDefault: false },
  });
  await expectStatus(400, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-bad', value: 'x1', resource: false, isDefault: false },
  });
  await expectStatus(200, 'GET', '/labels', { query: { ...q, type: 'all', max: 100, offset: 0 } });
  await expectStatus(200, 'PUT', `/labels/${resource.body.id}`, {
    query: q,
    body: { name: 'contract-res', value: 'v2', isDefault: false },
  });
  await expectStatus(204, 'DELETE', `/labels/${simple.body.id}`, { query: q });
  await expectStatus(204, 'DELETE', `/labels/${resource.body.id}`, { query: q });
  await expectStatus(404, 'DELETE', `/labels/${resource.body.id}`, { query: q });
  // Data links: the aws credentials made above start a bucket discovery (one 202 answer, see the options)
  const fetching = await expectStatus(202, 'GET', '/data-links', { query: { ...q, max: 100, offset: 0 } });
  expect(fetching.body.dataLinks).toEqual([]);
  await expectStatus(200, 'GET', '/data-links', { query: { ...q, max: 100, offset: 0 } });
  const link = await expectStatus(200, 'POST', '/data-links', {
    query: q,
    body: {
      name: 'contract-link',
      provider: 'aws',
      resourceRef: 's3://contract-bucket',
      type: 'bucket',
      publicAccessible: false,
      description: 'd',
      credentialsId: credId,
    },
  });
  await expectStatus(400, 'POST', '/data-links', {
    query: q,
    body: { name: 'contract-link', provider: 'aws', resourceRef: 's3://other', type: 'bucket' },
  });
  await markInvalid(400, 'POST', '/data-links', {
    query: q,
    body: { name: 'contract-ftp', provider: 'ftp', resourceRef: 'ftp://x', type: 'bucket' },
  });
  await expectStatus(200, 'GET', `/data-links/${link.body.id}`, { query: q });
  await expectStatus(200, 'PUT', `/data-links/${link.body.id}`, {
    query: q,
    body: { name: 'contract-link', description: 'e', credentialsId: credId },
  });
  await expectStatus(204, 'DELETE', `/data-links/${link.body.id}`, { query: q });
  await expectStatus(404, 'DELETE', `/data-links/${link.body.id}`, { query: q });
  // Custom roles: named by name; the list carries no permissions, a describe does
  const roleQuery = { orgId };
  await expectStatus(201, 'POST', '/roles', {
    query: roleQuery,
    body: { name: 'contract-role', description: 'Contract', permissions: ['dataset:write'] },
  });
  await expectStatus(409, 'POST', '/roles', {
    query: roleQuery,
    body: { name: 'contract-role', description: 'Again', permissions: [] },
  });
  await expectStatus(400, 'POST', '/roles', {
    query: roleQuery,
    body: { name: 'contract-bad', description: 'Bad', permissions: ['dataset:writ'] },
  });
  await expectStatus(200, 'GET', '/roles', { query: { ...roleQuery, type: 'custom', max: 100, offset: 0 } });
  await expectStatus(200, 'GET', '/roles/permissions', { query: roleQuery });
  await expectStatus(200, 'GET', '/roles/contract-role', { query: roleQuery });
  await expectStatus(204, 'PUT', '/roles/contract-role', {
    query: roleQuery,
    body: { name: 'contract-role', description: 'Contract', permissions: ['dataset:read'] },
  });
  await expectStatus(204, 'DELETE', '/roles/contract-role', { query: roleQuery });
  await expectStatus(404, 'GET', '/roles/contract-role', { query: roleQuery });
  // Studios settings: the update changes only the fields it sends and answers 204
  const studios = `/orgs/${orgId}/workspaces/${newWsId}/settings/studios`;
  await expectStatus(200, 'GET', studios);
  await expectStatus(204, 'PUT', studios, {
    body: { lifespanHours: 12, containerRepository: 'cr.example.org/contract/studios' },
  });
  const settings = await expectStatus(200, 'GET', studios);
  expect(settings.body).toMatchObject({
    lifespanHours: 12,
    containerRepository: 'cr.example.org/contract/studios',
  });
  await markInvalid(400, 'PUT', studios, { body: { nameStrategy: 'sideways' } });
  // The organisation's quotas
  await expectStatus(200, 'GET', `/orgs/${orgId}/quotas`);
  // Datasets: create, a multipart upload (a new version), the latest versions, a download, labels, rename
  const dataset = await expectStatus(200, 'POST', '/datasets', {
    query: q,
    body: { name: 'contract-sheet', description: 'Samples' },
  });
  const datasetId = String(dataset.body.dataset.id);
  await expectStatus(409, 'POST', '/datasets', { query: q, body: { name: 'contract-sheet' } });
  const form = new FormData();
  form.append('file', new Blob(['sample\nS1\n'], { type: 'text/csv' }), 'samples.csv');
  const uploaded = await fetch(
    `${emu.endpoint}/datasets/${datasetId}/upload?workspaceId=${String(q.workspaceId)}&header=true`,
    { method: 'POST', headers: { Authorization: `Bearer ${emu.token}` }, body: form },
  );
  expect(uploaded.status).toBe(200);
  await expectStatus(200, 'GET', '/datasets/versions', { query: { ...q, max: 100, offset: 0 } });
  const downloaded = await fetch(
    `${emu.endpoint}/datasets/${datasetId}/v/1/n/samples.csv?workspaceId=${String(q.workspaceId)}`,
    { headers: { Authorization: `Bearer ${emu.token}` } },
  );
  expect(await downloaded.text()).toBe('sample\nS1\n');
  const sheetLabel = await expectStatus(200, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-sheet-label', resource: false, isDefault: false },
  });
  await expectStatus(204, 'POST', '/datasets/labels/apply', {
    query: q,
    body: { datasetIds: [datasetId], labelIds: [sheetLabel.body.id] },
  });
  await expectStatus(200, 'GET', '/datasets', { query: { ...q, attributes: 'labels', max: 100, offset: 0 } });
  await expectStatus(200, 'GET', `/datasets/${datasetId}/metadata`, {
    query: { ...q, attributes: 'labels' },
  });
  await expectStatus(200, 'GET', `/datasets/${datasetId}/versions`, { query: q });
  await expectStatus(204, 'PUT', `/datasets/${datasetId}`, {
    query: q,
    body: { name: 'contract-sheet', description: 'More samples' },
  });
  await expectStatus(204, 'DELETE', `/datasets/${datasetId}`, { query: q });
  await expectStatus(204, 'DELETE', `/labels/${sheetLabel.body.id}`, { query: q });
  // Pipeline actions: a GitHub one gets its hook; names are unique; labels are applied as a set
  const actionLaunch = {
    pipeline: 'https://github.com/nf-core/rnaseq',
    computeEnvId: ceId,
    workDir: 's3://w',
  };
  const cron = await expectStatus(200, 'POST', '/actions', {
    query: q,
    body: {
      name: 'contract-cron',
      source: 'cron',
      cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
      launch: actionLaunch,
    },
  });
  const github = await expectStatus(200, 'POST', '/actions', {
    query: q,
    body: { name: 'contract-github', source: 'github', launch: actionLaunch },
  });
  await expectStatus(400, 'POST', '/actions', {
    query: q,
    body: { name: 'contract-github', source: 'tower', launch: actionLaunch },
  });
  await expectStatus(400, 'POST', '/actions', {
    query: q,
    body: { name: 'contract-nocron', source: 'cron', launch: actionLaunch },
  });
  const actionLabel = await expectStatus(200, 'POST', '/labels', {
    query: q,
    body: { name: 'contract-action', resource: false, isDefault: false },
  });
  await expectStatus(204, 'POST', '/actions/labels/apply', {
    query: q,
    body: { actionIds: [cron.body.actionId], labelIds: [actionLabel.body.id] },
  });
  await expectStatus(204, 'POST', '/actions/labels/remove', {
    query: q,
    body: { actionIds: [cron.body.actionId], labelIds: [actionLabel.body.id] },
  });
  await expectStatus(204, 'POST', '/actions/labels/add', {
    query: q,
    body: { actionIds: [cron.body.actionId], labelIds: [actionLabel.body.id] },
  });
  await expectStatus(200, 'GET', '/actions', { query: q });
  await expectStatus(200, 'GET', '/actions', { query: { ...q, attributes: 'labels' } });
  const described = await expectStatus(200, 'GET', `/actions/${github.body.actionId}`, {
    query: { ...q, attributes: 'labels' },
  });
  expect(described.body.action.hookUrl).toMatch(
    /^https:\/\/api\.github\.com\/repos\/nf-core\/rnaseq\/hooks\//,
  );
  await expectStatus(204, 'PUT', `/actions/${cron.body.actionId}`, {
    query: q,
    body: {
      name: 'contract-cron',
      cron: { expression: '30 3 * * *' },
      launch: { ...actionLaunch, revision: 'dev' },
    },
  });
  await expectStatus(204, 'DELETE', `/actions/${github.body.actionId}`, { query: q });
  await expectStatus(404, 'GET', `/actions/${github.body.actionId}`, { query: q });
  await expectStatus(204, 'DELETE', `/actions/${cron.body.actionId}`, { query: q });
  await expectStatus(204, 'DELETE', `/labels/${actionLabel.body.id}`, { query: q });
  // Deletions in the platform's order: CE, then credentials, then the workspace
  await expectStatus(204, 'DELETE', `/compute-envs/${ceId}`, { query: q });
  await expectStatus(204, 'DELETE', `/credentials/${credId}`, { query: q });
  await expectStatus(204, 'DELETE', `/orgs/${orgId}/workspaces/${newWsId}`);
  // Error statuses the platform sends
  await expectStatus(401, 'GET', '/user-info', { token: null });
  await expectStatus(403, 'GET', `/orgs/${orgId}/workspaces/${sharedWsId}/participants`, {
    token: MEMBER_TOKEN,
  });
  await expectStatus(404, 'GET', `/orgs/${orgId}/workspaces/999999`);
  await expectStatus(404, 'PUT', `/orgs/${orgId}/members/add`, {
    body: { user: 'never.signed.in@example.org' },
  });
  await expectStatus(409, 'POST', `/orgs/${orgId}/workspaces`, {
    body: { workspace: { name: 'ausgen', fullName: 'dup', visibility: 'PRIVATE' } },
  });
  await markInvalid(400, 'POST', `/orgs/${orgId}/workspaces`, {
    body: { workspace: { name: 'bad name!', fullName: 'x', visibility: 'PRIVATE' } },
  });
  await markInvalid(400, 'PUT', `/orgs/${orgId}/workspaces/${wsId}`, { body: { visibility: 'public' } });
  return invalid;
}

describe.skipIf(skipReason !== undefined)('emulator contract against the official OpenAPI spec', () => {
  const checker = (): ContractChecker => {
    if ('skipReason' in loaded) throw new Error(loaded.skipReason);
    return loaded.checker;
  };

  it('every request and response of every client operation conforms to the spec', async () => {
    const emu = await startEmulator({
      seed: exampleSeed(),
      ceCreateDelayMs: 20,
      ceDeleteDelayMs: 20,
      dataLinkFetchAnswers: 1,
    });
    try {
      const invalid = await driveEverything(emu, apiCaller(emu.endpoint, emu.token));
      const log = emu.requestLog();
      const violations = log.flatMap((entry: RequestLogEntry, index) =>
        invalid.has(index)
          ? checker().checkResponse(entry.method, entry.path, entry.status, entry.responseBody)
          : checker().checkExchange(entry),
      );
      expect(violations).toEqual([]);
      // The deliberately invalid requests are caught by the checker.
      for (const index of invalid) {
        const entry = log[index]!;
        expect(checker().checkRequest(entry.method, entry.path, entry.query, entry.body)).not.toEqual([]);
      }
      const seen = new Set(log.map((entry) => checker().operationId(entry.method, entry.path)));
      expect(CLIENT_OPERATIONS.filter((op) => !seen.has(op))).toEqual([]);
      // Every route the emulator serves was driven (and so held to the spec): a new kind's
      // routes fail here until they are driven above.
      const router = servedRouter();
      const driven = new Set(
        log.flatMap((entry) => {
          const match = router.match(entry.method, entry.path);
          return match.kind === 'found' ? [`${match.route.method} ${match.route.pattern}`] : [];
        }),
      );
      const served = router.routes().map((route) => `${route.method} ${route.pattern}`);
      expect(served.filter((route) => !driven.has(route))).toEqual([]);
      expect(new Set(log.map((e) => e.status))).toEqual(
        new Set([200, 201, 202, 204, 400, 401, 403, 404, 409]),
      );
    } finally {
      await emu.stop();
    }
  });

  it('injected faults and the rate limit answer with spec-conformant error bodies', async () => {
    const emu = await startEmulator({ faultRate: 1, faultKinds: ['5xx', '429'], faultSeed: 7 });
    try {
      const api = apiCaller(emu.endpoint, emu.token);
      for (let i = 0; i < 6; i++) await api('GET', '/orgs');
      emu.setFaults({ faultRate: 0 });
      const limited = await startEmulator({ rateLimit: 1 });
      try {
        const limitedApi = apiCaller(limited.endpoint, limited.token);
        await limitedApi('GET', '/user-info');
        expect((await limitedApi('GET', '/user-info')).status).toBe(429);
        for (const entry of limited.requestLog()) expect(checker().checkExchange(entry)).toEqual([]);
      } finally {
        await limited.stop();
      }
      const statuses = emu.requestLog().map((e) => e.status);
      expect(statuses.every((s) => [429, 502, 503, 504].includes(s))).toBe(true);
      for (const entry of emu.requestLog()) expect(checker().checkExchange(entry)).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  it('a member token sees 403 with an ErrorResponse body where the spec declares 403 without one', async () => {
    const emu = await startEmulator({ seed: exampleSeed() });
    try {
      const { orgId } = await exampleIds(apiCaller(emu.endpoint, emu.token));
      await apiCaller(emu.endpoint, MEMBER_TOKEN)('POST', `/orgs/${orgId}/teams`, {
        body: { team: { name: 'nope' } },
      });
      const entry = emu.requestLog().at(-1)!;
      expect(entry.status).toBe(403);
      expect(checker().checkExchange(entry)).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});
