/**
 * The emulator sends what the real platform sends: for every endpoint the
 * tool uses, the emulator's response has the shape of the recorded platform
 * response (../shared/seqera-api/recorded/): the same keys, recursively, and
 * `null` where the platform sends null. Any difference fails unless it is
 * listed, with its reason, in recorded-shape-allowlist.ts. The emulator is
 * seeded with an estate like the recorded one (empty descriptions where the
 * recording has null, the same kinds of rows), so that data does not decide
 * the shape. Skips outside CI when the recordings are absent.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../src/emulator/index.js';
import { apiCaller, useEmulator, type ApiCall } from '../helpers/emulator.js';
import { readRecorded, recordedOrSkip } from '../helpers/recorded.js';
import { RECORDED_SHAPE_ALLOWLIST } from './recorded-shape-allowlist.js';
import { shapeDifferences } from './recorded-shape.js';

const { dir, skipReason } = recordedOrSkip();
const TOKEN = 'shape-token';

function seed(): EmulatorSeed {
  return {
    users: [
      { userName: 'jfernandez74', email: 'jfernandez74@example.org', token: TOKEN },
      { userName: 'julio', email: 'julio@example.org' },
      { userName: 'julio2', email: 'julio2@example.org' },
      { userName: 'newbie', email: 'newbie@example.org' },
    ],
    orgs: [
      {
        name: 'org-jfernandez',
        fullName: 'org-jfernandez',
        members: [
          { email: 'jfernandez74@example.org', role: 'owner' },
          { email: 'julio@example.org', role: 'member' },
          { email: 'julio2@example.org', role: 'member' },
        ],
        teams: [
          { name: 'team1', description: 'Team 1', members: ['julio2@example.org'] },
          { name: 'team-test-2', description: 'a new team' },
        ],
        workspaces: [
          {
            name: 'workspace1',
            fullName: 'workspace 1',
            description: 'Workspace description',
            visibility: 'private',
            // As recorded: a repository in Seqera's own registry and the tagPrefix naming strategy.
            studios: {
              lifespanHours: 8,
              privateStudioByDefault: false,
              containerRepository: '195996028523.dkr.ecr.eu-west-1.amazonaws.com/studios',
              nameStrategy: 'tagPrefix',
            },
            participants: [
              { email: 'jfernandez74@example.org', role: 'owner' },
              { email: 'julio@example.org', role: 'admin' },
              { team: 'team-test-2', role: 'launch' },
            ],
            credentials: [
              { name: 'ssh', provider: 'ssh', keys: { privateKey: 'KEY' } },
              {
                name: 'aws',
                provider: 'aws',
                keys: { mode: 'role', assumeRoleArn: 'arn:aws:iam::123456789012:role/MyRole' },
              },
            ],
            computeEnvironments: [
              {
                name: 'demo',
                platform: 'aws-batch',
                credentials: 'aws',
                primary: true,
                config: {
                  region: 'eu-west-1',
                  workDir: 's3://nextflow-ci/jordeu',
                  forge: { type: 'SPOT', minCpus: 0, maxCpus: 123 },
                },
              },
              // The recorded list marks several CEs primary; the emulator keeps what its data says.
              {
                name: 'ce1',
                platform: 'aws-batch',
                credentials: 'aws',
                primary: true,
                config: { region: 'eu-west-1', workDir: 's3://nextflow-ci/julio' },
              },
            ],
            pipelines: [
              {
                name: 'sleep_one_minute',
                launch: {
                  pipeline: 'https://github.com/pditommaso/nf-sleep',
                  computeEnv: 'demo',
                  workDir: 's3://nextflow-ci/jordeu',
                  paramsText: 'timeout: 60\n',
                },
              },
            ],
            secrets: [{ name: 'name01', value: 'v' }],
            labels: [
              { name: 'awesome-label' },
              { name: 'l1' },
              { name: 'res-label', value: 'aaaa', resource: true },
            ],
            dataLinks: [
              {
                name: 'a-test-bucket-eend-us-east-1',
                provider: 'aws',
                resourceRef: 's3://a-test-bucket-eend-us-east-1',
                credentials: 'aws',
                region: 'us-east-1',
                discovered: true,
              },
            ],
            datasets: [
              {
                name: 'dataset1',
                versions: [
                  { fileName: 'transaciones.csv', content: 'a,b\n1,2\n' },
                  { fileName: 'transaciones.csv', content: 'a,b\n1,3\n' },
                ],
              },
              { name: 'dataset2' },
            ],
            actions: [
              {
                name: 'hello',
                source: 'github',
                launch: {
                  pipeline: 'https://github.com/pditommaso/hello',
                  computeEnv: 'demo',
                  workDir: 's3://nextflow-ci/jordeu',
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

interface Case {
  /** The endpoint, as the allowlist names it. */
  readonly endpoint: string;
  readonly fixture: string;
  /** The emulator's response body for the same endpoint. */
  readonly call: (api: ApiCall, ids: Ids) => Promise<unknown>;
}

interface Ids {
  readonly orgId: number;
  readonly wsId: number;
  readonly teamId: number;
  readonly ceId: string;
  readonly pipelineId: number;
  readonly credentialsId: string;
  readonly actionId: string;
}

const ok = async (api: ApiCall, method: string, path: string, options = {}): Promise<unknown> => {
  const res = await api(method, path, options);
  if (res.status !== 200)
    throw new Error(`${method} ${path}: ${String(res.status)} ${JSON.stringify(res.body)}`);
  return res.body as unknown;
};

/** Every endpoint the tool reads or whose response it decodes, with its recording. */
const CASES: readonly Case[] = [
  { endpoint: 'GET /user-info', fixture: 'user-info.json', call: (api) => ok(api, 'GET', '/user-info') },
  { endpoint: 'GET /orgs', fixture: 'orgs.json', call: (api) => ok(api, 'GET', '/orgs') },
  {
    endpoint: 'GET /orgs/{orgId}/members',
    fixture: 'org-members.json',
    call: (api, ids) => ok(api, 'GET', `/orgs/${ids.orgId}/members`),
  },
  {
    endpoint: 'PUT /orgs/{orgId}/members/add',
    fixture: 'member-add-response.json',
    call: (api, ids) =>
      ok(api, 'PUT', `/orgs/${ids.orgId}/members/add`, { body: { user: 'newbie@example.org' } }),
  },
  {
    endpoint: 'GET /orgs/{orgId}/teams',
    fixture: 'teams.json',
    call: (api, ids) => ok(api, 'GET', `/orgs/${ids.orgId}/teams`),
  },
  {
    endpoint: 'POST /orgs/{orgId}/teams',
    fixture: 'team-add-response.json',
    call: (api, ids) =>
      ok(api, 'POST', `/orgs/${ids.orgId}/teams`, {
        body: { team: { name: 'team-test-3', description: 'AAAAAA' } },
      }),
  },
  {
    endpoint: 'GET /orgs/{orgId}/teams/{teamId}/members',
    fixture: 'team-members.json',
    call: (api, ids) => ok(api, 'GET', `/orgs/${ids.orgId}/teams/${ids.teamId}/members`),
  },
  {
    endpoint: 'POST /orgs/{orgId}/teams/{teamId}/members',
    fixture: 'team-member-add-response.json',
    call: (api, ids) =>
      ok(api, 'POST', `/orgs/${ids.orgId}/teams/${ids.teamId}/members`, {
        body: { userNameOrEmail: 'julio@example.org' },
      }),
  },
  {
    endpoint: 'GET /orgs/{orgId}/workspaces',
    fixture: 'workspace-view.json',
    // The recorded item is reused in the workspaces list.
    call: async (api, ids) => {
      const body = (await ok(api, 'GET', `/orgs/${ids.orgId}/workspaces`)) as { workspaces: unknown[] };
      return { workspace: body.workspaces[0] };
    },
  },
  {
    endpoint: 'POST /orgs/{orgId}/workspaces',
    fixture: 'workspace-add-response.json',
    call: (api, ids) =>
      ok(api, 'POST', `/orgs/${ids.orgId}/workspaces`, {
        body: {
          workspace: {
            name: 'wspNew',
            fullName: 'wsp-new',
            description: 'workspace description',
            visibility: 'PRIVATE',
          },
        },
      }),
  },
  {
    endpoint: 'PUT /orgs/{orgId}/workspaces/{workspaceId}',
    fixture: 'workspace-update-response.json',
    call: (api, ids) =>
      ok(api, 'PUT', `/orgs/${ids.orgId}/workspaces/${ids.wsId}`, {
        body: {
          name: 'workspace1',
          fullName: 'workspace-1',
          description: 'workspace description',
          visibility: 'PRIVATE',
        },
      }),
  },
  {
    endpoint: 'GET /orgs/{orgId}/workspaces/{workspaceId}/participants',
    fixture: 'participants.json',
    call: (api, ids) => ok(api, 'GET', `/orgs/${ids.orgId}/workspaces/${ids.wsId}/participants`),
  },
  {
    endpoint: 'PUT /orgs/{orgId}/workspaces/{workspaceId}/participants/add',
    fixture: 'participant-add.json',
    call: (api, ids) =>
      ok(api, 'PUT', `/orgs/${ids.orgId}/workspaces/${ids.wsId}/participants/add`, {
        body: { userNameOrEmail: 'julio2@example.org' },
      }),
  },
  {
    endpoint: 'PUT /orgs/{orgId}/workspaces/{workspaceId}/participants/add',
    fixture: 'participant-team-add.json',
    call: (api, ids) =>
      ok(api, 'PUT', `/orgs/${ids.orgId}/workspaces/${ids.wsId}/participants/add`, {
        body: { teamId: ids.teamId },
      }),
  },
  {
    endpoint: 'GET /credentials',
    fixture: 'credentials.json',
    call: (api, ids) => ok(api, 'GET', '/credentials', { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /credentials/{credentialsId}',
    fixture: 'credential-aws-role.json',
    call: (api, ids) =>
      ok(api, 'GET', `/credentials/${ids.credentialsId}`, { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /compute-envs',
    fixture: 'compute-envs.json',
    call: (api, ids) => ok(api, 'GET', '/compute-envs', { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /compute-envs/{computeEnvId}',
    fixture: 'ce-aws-forge-demo.json',
    // As recorded: without `attributes=labels` (with it, `labels` is added).
    call: (api, ids) => ok(api, 'GET', `/compute-envs/${ids.ceId}`, { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /pipelines',
    fixture: 'pipelines-labels-null.json',
    call: (api, ids) =>
      ok(api, 'GET', '/pipelines', { query: { workspaceId: ids.wsId, attributes: 'labels,computeEnv' } }),
  },
  {
    endpoint: 'GET /pipelines/{pipelineId}/launch',
    fixture: 'pipeline-launch-sleep.json',
    call: (api, ids) =>
      ok(api, 'GET', `/pipelines/${ids.pipelineId}/launch`, { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /pipeline-secrets',
    fixture: 'pipeline-secrets.json',
    call: (api, ids) => ok(api, 'GET', '/pipeline-secrets', { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /labels',
    fixture: 'labels.json',
    call: (api, ids) =>
      ok(api, 'GET', '/labels', { query: { workspaceId: ids.wsId, type: 'all', max: 100, offset: 0 } }),
  },
  {
    endpoint: 'GET /labels',
    fixture: 'labels-search-isdefault.json',
    call: (api, ids) =>
      ok(api, 'GET', '/labels', { query: { workspaceId: ids.wsId, type: 'simple', search: 'l1' } }),
  },
  {
    endpoint: 'GET /orgs/{orgId}/workspaces/{workspaceId}/settings/studios',
    fixture: 'studios-settings.json',
    call: (api, ids) => ok(api, 'GET', `/orgs/${ids.orgId}/workspaces/${ids.wsId}/settings/studios`),
  },
  {
    endpoint: 'GET /datasets',
    fixture: 'datasets.json',
    call: (api, ids) => ok(api, 'GET', '/datasets', { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /datasets/{datasetId}/versions',
    fixture: 'dataset-versions.json',
    call: async (api, ids) => {
      const listed = (await ok(api, 'GET', '/datasets', { query: { workspaceId: ids.wsId } })) as {
        datasets: { id: string; name: string }[];
      };
      const id = listed.datasets.find((d) => d.name === 'dataset1')?.id ?? '';
      return ok(api, 'GET', `/datasets/${id}/versions`, { query: { workspaceId: ids.wsId } });
    },
  },
  {
    endpoint: 'POST /datasets',
    fixture: 'dataset-add-response.json',
    call: (api, ids) =>
      ok(api, 'POST', '/datasets', {
        query: { workspaceId: ids.wsId },
        body: { name: 'dataset3', description: 'Dataset 3 description.' },
      }),
  },
  {
    endpoint: 'POST /labels',
    fixture: 'label-add-response.json',
    call: (api, ids) =>
      ok(api, 'POST', '/labels', {
        query: { workspaceId: ids.wsId },
        body: { name: 'test_label1', resource: false, isDefault: false },
      }),
  },
  {
    endpoint: 'GET /data-links',
    fixture: 'data-links.json',
    call: (api, ids) =>
      ok(api, 'GET', '/data-links', { query: { workspaceId: ids.wsId, max: 100, offset: 0 } }),
  },
  {
    endpoint: 'GET /data-links/{dataLinkId}',
    fixture: 'data-link-view.json',
    call: async (api, ids) => {
      const listed = (await ok(api, 'GET', '/data-links', { query: { workspaceId: ids.wsId } })) as {
        dataLinks: { id: string }[];
      };
      return ok(api, 'GET', `/data-links/${listed.dataLinks[0]?.id ?? ''}`, {
        query: { workspaceId: ids.wsId },
      });
    },
  },
  {
    endpoint: 'GET /actions',
    fixture: 'actions.json',
    call: (api, ids) => ok(api, 'GET', '/actions', { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'GET /actions/{actionId}',
    fixture: 'action-view.json',
    call: (api, ids) => ok(api, 'GET', `/actions/${ids.actionId}`, { query: { workspaceId: ids.wsId } }),
  },
  {
    endpoint: 'POST /actions',
    fixture: 'action-add-response.json',
    call: (api, ids) =>
      ok(api, 'POST', '/actions', {
        query: { workspaceId: ids.wsId },
        body: {
          name: 'added',
          source: 'tower',
          launch: {
            pipeline: 'https://github.com/pditommaso/hello',
            computeEnvId: ids.ceId,
            workDir: 's3://nextflow-ci/jordeu',
          },
        },
      }),
  },
];

async function idsOf(api: ApiCall): Promise<Ids> {
  const orgs = (await ok(api, 'GET', '/orgs')) as { organizations: { orgId: number }[] };
  const orgId = orgs.organizations[0]?.orgId ?? 0;
  const wss = (await ok(api, 'GET', `/orgs/${orgId}/workspaces`)) as { workspaces: { id: number }[] };
  const wsId = wss.workspaces[0]?.id ?? 0;
  const teams = (await ok(api, 'GET', `/orgs/${orgId}/teams`)) as {
    teams: { teamId: number; name: string }[];
  };
  const ces = (await ok(api, 'GET', '/compute-envs', { query: { workspaceId: wsId } })) as {
    computeEnvs: { id: string }[];
  };
  const pipelines = (await ok(api, 'GET', '/pipelines', { query: { workspaceId: wsId } })) as {
    pipelines: { pipelineId: number }[];
  };
  const creds = (await ok(api, 'GET', '/credentials', { query: { workspaceId: wsId } })) as {
    credentials: { id: string; name: string }[];
  };
  const actions = (await ok(api, 'GET', '/actions', { query: { workspaceId: wsId } })) as {
    actions: { id: string }[];
  };
  return {
    orgId,
    wsId,
    teamId: teams.teams.find((t) => t.name === 'team1')?.teamId ?? 0,
    ceId: ces.computeEnvs[0]?.id ?? '',
    pipelineId: pipelines.pipelines[0]?.pipelineId ?? 0,
    credentialsId: creds.credentials.find((c) => c.name === 'aws')?.id ?? '',
    actionId: actions.actions[0]?.id ?? '',
  };
}

const covers = (allowed: string, path: string): boolean =>
  path === allowed || path.startsWith(`${allowed}.`) || path.startsWith(`${allowed}[`);

describe.skipIf(skipReason !== undefined)('emulator responses have the recorded platform shapes', () => {
  const fixture = useEmulator(() => ({ seed: seed() }));

  it('matches every recorded endpoint the tool uses, but for the allowlisted differences', async () => {
    const api = apiCaller(fixture.emu.endpoint, TOKEN);
    const ids = await idsOf(api);
    const found: string[] = [];
    const used = new Set<string>();
    for (const c of CASES) {
      const recorded = readRecorded(dir ?? '', c.fixture);
      const emulated = await c.call(api, ids);
      for (const d of shapeDifferences(recorded, emulated)) {
        const entry = RECORDED_SHAPE_ALLOWLIST.find(
          (a) => a.endpoint === c.endpoint && a.paths.some((p) => covers(p, d.path)),
        );
        if (entry === undefined) found.push(`${c.endpoint} (${c.fixture}) ${d.path}: ${d.what}`);
        else for (const p of entry.paths) if (covers(p, d.path)) used.add(`${c.endpoint} ${p}`);
      }
    }
    expect(found).toEqual([]);
    // A path that no longer matches any difference is stale: remove it.
    const stale = RECORDED_SHAPE_ALLOWLIST.flatMap((a) =>
      a.paths.map((p) => `${a.endpoint} ${p}`).filter((key) => !used.has(key)),
    );
    expect(stale).toEqual([]);
  });
});
