import { describe, expect, it } from 'vitest';
import {
  apiCaller,
  eventually,
  exampleIds,
  exampleSeed,
  MEMBER_TOKEN,
  useEmulator,
  type ApiCall,
} from '../../helpers/emulator.js';

const awsConfig = {
  discriminator: 'aws-batch',
  region: 'ap-southeast-2',
  workDir: 's3://ausgen-work/scratch',
  fusion2Enabled: true,
  waveEnabled: true,
  forge: { type: 'SPOT', maxCpus: 100, instanceTypes: ['c6id'], allowBuckets: ['s3://ausgen-data'] },
};

/** The parts of a described compute environment the tests read. */
interface DescribedCe {
  readonly status: string;
  readonly message?: string;
  readonly config: {
    readonly region?: string;
    readonly forge: { readonly allowBuckets: string[] };
    readonly forgedResources?: unknown[];
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

async function setup(api: ApiCall) {
  const { wsId } = await exampleIds(api);
  const q = { workspaceId: wsId };
  const credentialsId: string = (await api('GET', '/credentials', { query: q })).body.credentials[0].id;
  const create = (name: string, extra: Record<string, unknown> = {}) =>
    api('POST', '/compute-envs', {
      query: q,
      body: { computeEnv: { name, platform: 'aws-batch', credentialsId, config: awsConfig, ...extra } },
    });
  const describe = async (id: string): Promise<DescribedCe> => {
    const ce: DescribedCe = (
      await api('GET', `/compute-envs/${id}`, { query: { ...q, attributes: 'labels' } })
    ).body.computeEnv;
    return ce;
  };
  return { q, credentialsId, create, describe };
}

describe('emulator: compute environments', () => {
  const fx = useEmulator({ seed: exampleSeed(), ceCreateDelayMs: 150, ceDeleteDelayMs: 150 });

  it('creates asynchronously: CREATING at first, AVAILABLE after the delay, with server-filled fields', async () => {
    const { create, describe } = await setup(fx.api);
    const res = await create('aws-new', { description: 'new' });
    expect(res.status).toBe(200);
    const id: string = res.body.computeEnvId;
    const creating = await describe(id);
    expect(creating.status).toBe('CREATING');
    expect(creating.config.forgedResources).toBeUndefined();
    const available = await eventually(async () => {
      const ce = await describe(id);
      return ce.status === 'AVAILABLE' ? ce : undefined;
    });
    expect(available.config).toMatchObject({
      discriminator: 'aws-batch',
      computeQueue: `TowerForge-${id}-work`,
      headQueue: `TowerForge-${id}-head`,
    });
    expect(available.config.forge.allowBuckets).toEqual(['s3://ausgen-data', 's3://ausgen-work/scratch']);
    expect(available.config.forgedResources?.length).toBeGreaterThan(0);
    // As the platform describes a CE: primary is null (only the list says which is primary).
    expect(available).toMatchObject({ primary: null, labels: [] });
    expect(typeof available.dateCreated).toBe('string');
    expect(typeof available.lastUpdated).toBe('string');
  });

  it('ends ERRORED when the name contains "errored"', async () => {
    const { create, describe } = await setup(fx.api);
    const id: string = (await create('will-be-errored')).body.computeEnvId;
    const errored = await eventually(async () => {
      const ce = await describe(id);
      return ce.status === 'CREATING' ? undefined : ce;
    });
    expect(errored.status).toBe('ERRORED');
    expect(errored.message).toMatch(/Emulated failure/);
  });

  it('lists without config, with list-only fields, and filters by status', async () => {
    const { q, create } = await setup(fx.api);
    await create('listed');
    const list = (await fx.api('GET', '/compute-envs', { query: { ...q, attributes: 'labels' } })).body
      .computeEnvs;
    const seeded = list.find((ce: { name: string }) => ce.name === 'aws-sydney');
    expect(seeded).not.toHaveProperty('config');
    expect(seeded).toMatchObject({
      platform: 'aws-batch',
      status: 'AVAILABLE',
      primary: true,
      message: null,
      lastUsed: null,
      visibility: 'PRIVATE',
      workspaceName: 'ausgen',
      labels: [expect.objectContaining({ name: 'cost-centre', value: 'ausgen', resource: true })],
    });
    const available = (await fx.api('GET', '/compute-envs', { query: { ...q, status: 'AVAILABLE' } })).body
      .computeEnvs;
    expect(available.map((ce: { name: string }) => ce.name)).toEqual(['aws-sydney']);
  });

  it('deletes asynchronously: DELETING keeps the name taken, then it is gone', async () => {
    const { q, create, describe } = await setup(fx.api);
    const ce = (await fx.api('GET', '/compute-envs', { query: q })).body.computeEnvs[0];
    expect((await fx.api('DELETE', `/compute-envs/${ce.id}`, { query: q })).status).toBe(204);
    expect((await describe(ce.id)).status).toBe('DELETING');
    const taken = await create('aws-sydney');
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/being deleted/);
    await eventually(async () =>
      (await fx.api('GET', `/compute-envs/${ce.id}`, { query: q })).status === 404 ? true : undefined,
    );
    expect((await create('aws-sydney')).status).toBe(200);
  });

  it('updates name, description and credentials in place; config is not updatable', async () => {
    const { q, credentialsId, describe } = await setup(fx.api);
    const ce = (await fx.api('GET', '/compute-envs', { query: q })).body.computeEnvs[0];
    const res = await fx.api('PUT', `/compute-envs/${ce.id}`, {
      query: q,
      body: { name: 'aws-renamed', description: 'changed', credentialsId, config: { region: 'us-east-1' } },
    });
    expect(res.status).toBe(204);
    const after = await describe(ce.id);
    expect(after).toMatchObject({ name: 'aws-renamed', description: 'changed', credentialsId });
    expect(after.config.region).toBe('ap-southeast-2');
    const wrongCreds = (await fx.api('GET', '/credentials', { query: q })).body.credentials.find(
      (c: { provider: string }) => c.provider === 'github',
    );
    const incompatible = await fx.api('PUT', `/compute-envs/${ce.id}`, {
      query: q,
      body: { credentialsId: wrongCreds.id },
    });
    expect(incompatible.status).toBe(400);
  });

  it('moves primary to an AVAILABLE CE only', async () => {
    const { q, create } = await setup(fx.api);
    const id: string = (await create('next-primary')).body.computeEnvId;
    const early = await fx.api('POST', `/compute-envs/${id}/primary`, { query: q, body: {} });
    expect(early.status).toBe(400);
    expect(early.body.message).toMatch(/CREATING/);
    await eventually(async () => {
      const res = await fx.api('POST', `/compute-envs/${id}/primary`, { query: q, body: {} });
      return res.status === 204 ? true : undefined;
    });
    const list = (await fx.api('GET', '/compute-envs', { query: q })).body.computeEnvs;
    expect(list.filter((ce: { primary: boolean }) => ce.primary).map((ce: { id: string }) => ce.id)).toEqual([
      id,
    ]);
  });

  it('400s bad create requests with a message naming the problem', async () => {
    const { q, credentialsId } = await setup(fx.api);
    const create = (computeEnv: Record<string, unknown>) =>
      fx.api('POST', '/compute-envs', { query: q, body: { computeEnv } });
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { name: 'x', platform: 'aws-batch', credentialsId, config: { region: 'r', workDir: 's3://b' } },
        /discriminator/,
      ],
      [
        { name: 'x', platform: 'aws-batch', credentialsId, config: { discriminator: 'aws-batch' } },
        /workDir/,
      ],
      [{ name: 'x', platform: 'aws-batch', config: awsConfig }, /credentialsId is required/],
      [{ name: 'x', platform: 'aws-batch', credentialsId: 'nope', config: awsConfig }, /not found/],
      [
        { name: 'bad name', platform: 'aws-batch', credentialsId, config: awsConfig },
        /Invalid compute environment name/,
      ],
      [
        { name: 'x', platform: 'mainframe', config: { discriminator: 'mainframe', workDir: '/w' } },
        /Unknown compute platform/,
      ],
      [
        {
          name: 'x',
          platform: 'aws-batch',
          credentialsId,
          config: { ...awsConfig, preRunScript: 'x'.repeat(1025) },
        },
        /1024/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const labels = await fx.api('POST', '/compute-envs', {
      query: q,
      body: {
        computeEnv: { name: 'x', platform: 'aws-batch', credentialsId, config: awsConfig },
        labelIds: [999],
      },
    });
    expect(labels.status).toBe(400);
    const simple = await fx.api('POST', '/labels', { query: q, body: { name: 'tag', resource: false } });
    expect(simple.status).toBe(200);
    const withSimple = await fx.api('POST', '/compute-envs', {
      query: q,
      body: {
        computeEnv: { name: 'x', platform: 'aws-batch', credentialsId, config: awsConfig },
        labelIds: [(simple.body as { id: number }).id],
      },
    });
    expect(withSimple.status).toBe(400);
    expect(withSimple.body.message).toMatch(/not a resource label/);
  });

  it('needs admin in the workspace to create', async () => {
    const { q } = await setup(fx.api);
    const res = await apiCaller(fx.emu.endpoint, MEMBER_TOKEN)('POST', '/compute-envs', {
      query: q,
      body: {
        computeEnv: {
          name: 'x',
          platform: 'local-platform',
          config: { discriminator: 'local-platform', workDir: '/w' },
        },
      },
    });
    expect(res.status).toBe(403);
  });
});

describe('emulator: compute environment failure option', () => {
  const fx = useEmulator({
    seed: exampleSeed(),
    ceCreateDelayMs: 0,
    failComputeEnvs: (name) => name.startsWith('bad-'),
  });

  it('fails the CEs the predicate selects, immediately with a zero delay', async () => {
    const { create, describe } = await setup(fx.api);
    expect((await describe((await create('bad-one')).body.computeEnvId)).status).toBe('ERRORED');
    expect((await describe((await create('good-one')).body.computeEnvId)).status).toBe('AVAILABLE');
  });
});
