import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSeedFile,
  parseSeed,
  SeedError,
  startEmulator,
  type EmulatorSeed,
  type WorkspaceSeed,
} from '../../../src/emulator/index.js';
import { apiCaller, exampleSeed } from '../../helpers/emulator.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'emulator-seed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seedError(run: () => Promise<unknown>): Promise<SeedError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof SeedError) return err;
    throw err;
  }
  throw new Error('expected a SeedError');
}

describe('emulator seed files', () => {
  it('loads a YAML seed file', async () => {
    const file = path.join(dir, 'ok.yaml');
    await writeFile(
      file,
      [
        'users:',
        '  - { userName: sync-bot, email: bot@example.org, token: t1 }',
        'orgs:',
        '  - name: biocommons',
        '    members: [{ email: bot@example.org, role: owner }]',
        '    workspaces:',
        '      - { name: ausgen, visibility: shared }',
      ].join('\n'),
    );
    const seed = await loadSeedFile(file);
    const emu = await startEmulator({ seed });
    try {
      const api = apiCaller(emu.endpoint, 't1');
      const orgId = (await api('GET', '/orgs')).body.organizations[0].orgId;
      expect((await api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces).toEqual([
        expect.objectContaining({ name: 'ausgen', fullName: 'ausgen', visibility: 'SHARED' }),
      ]);
    } finally {
      await emu.stop();
    }
  });

  it('reports every shape problem with its path', async () => {
    const file = path.join(dir, 'bad-shape.yaml');
    await writeFile(
      file,
      'users:\n  - { userName: x }\norgs:\n  - name: o\n    colour: blue\n    members: [{ email: a, role: admin }]\n',
    );
    const err = await seedError(() => loadSeedFile(file));
    expect(err.message).toContain(file);
    expect(err.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^users\.0: must have required property 'email'/),
        "orgs.0: unknown field 'colour'",
        expect.stringMatching(/^orgs\.0\.members\.0\.role: must be one of owner, member, collaborator/),
      ]),
    );
  });

  it('reports unreadable files and invalid YAML clearly', async () => {
    expect((await seedError(() => loadSeedFile(path.join(dir, 'missing.yaml')))).problems[0]).toMatch(
      /cannot read the file/,
    );
    const file = path.join(dir, 'broken.yaml');
    await writeFile(file, 'orgs: [unclosed');
    expect((await seedError(() => loadSeedFile(file))).problems[0]).toMatch(/not valid YAML/);
  });

  it('reports every reference problem together', async () => {
    const seed: EmulatorSeed = {
      users: [{ userName: 'bot', email: 'bot@example.org', token: 't' }],
      orgs: [
        {
          name: 'org1',
          members: [{ email: 'ghost@example.org' }],
          teams: [{ name: 't1', members: ['bot@example.org', 'ghost@example.org'] }],
          workspaces: [
            {
              name: 'ws1',
              participants: [
                { email: 'ghost@example.org' },
                { team: 'nope' },
                { email: 'bot@example.org', role: 'boss' },
              ],
              credentials: [
                { name: 'c', provider: 'aws' },
                { name: 'c', provider: 'nope' },
              ],
              computeEnvironments: [
                { name: 'ce', platform: 'aws-batch', credentials: 'missing', primary: true },
                { name: 'ce2', platform: 'aws-batch', primary: true },
              ],
              pipelines: [
                { name: 'p', launch: { pipeline: 'https://x', computeEnv: 'absent', headJobCpus: 'two' } },
              ],
              secrets: [{ name: 'bad-name', value: 'v' }],
            },
            { name: 'ws1' },
          ],
        },
      ],
    };
    const err = await seedError(() => startEmulator({ seed }));
    const text = err.problems.join('\n');
    for (const expected of [
      "orgs[0].members[0]: 'ghost@example.org' is not a registered user",
      "orgs[0].teams[0].members: 'ghost@example.org' is not a member",
      "participants[1]: team 'nope' is not a team",
      "participants[2].role: unknown role 'boss'",
      "duplicate credentials 'c'",
      "unknown provider 'nope'",
      "no credentials named 'missing'",
      "no compute environment named 'absent'",
      'headJobCpus must be an integer',
      "invalid pipeline secret name 'bad-name'",
      "duplicate workspace 'ws1'",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('rejects a non-object seed', () => {
    expect(() => parseSeed(['a'])).toThrow(SeedError);
  });
});

describe('emulator snapshot', () => {
  it('round-trips: a snapshot loads back into the same state', async () => {
    const first = await startEmulator({ seed: exampleSeed(), ceCreateDelayMs: 0 });
    let snapshot: EmulatorSeed;
    try {
      const api = apiCaller(first.endpoint, first.token);
      const orgs = (await api('GET', '/orgs')).body.organizations;
      const orgId = orgs.find((o: { name: string }) => o.name === 'biocommons').orgId;
      const wsId = (await api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces[0].id;
      await api('PUT', `/orgs/${orgId}/workspaces/${wsId}/participants/add`, {
        body: { userNameOrEmail: 'alice' },
      });
      const pipeline = (await api('GET', '/pipelines', { query: { workspaceId: wsId } })).body.pipelines[0];
      const computeEnvId = (await api('GET', '/compute-envs', { query: { workspaceId: wsId } })).body
        .computeEnvs[0].id;
      const updated = await api('PUT', `/pipelines/${pipeline.pipelineId}`, {
        query: { workspaceId: wsId },
        body: {
          name: 'rnaseq',
          launch: {
            pipeline: 'https://github.com/nf-core/rnaseq',
            revision: 'dev',
            computeEnvId,
            workDir: 's3://w',
          },
        },
      });
      expect(updated.status).toBe(200);
      snapshot = first.snapshot();
    } finally {
      await first.stop();
    }
    const ausgen = snapshot.orgs?.[0]?.workspaces?.[0] as WorkspaceSeed;
    expect(ausgen.participants).toContainEqual({ email: 'alice.outsider@example.com', role: 'launch' });
    expect(ausgen.pipelines?.[0]?.versions).toEqual([
      {
        launch: {
          pipeline: 'https://github.com/nf-core/rnaseq',
          revision: 'dev',
          computeEnv: 'aws-sydney',
          workDir: 's3://w',
        },
      },
    ]);
    expect(ausgen.computeEnvironments?.[0]?.config).toMatchObject({
      discriminator: 'aws-batch',
      computeQueue: expect.any(String),
    });
    const second = await startEmulator({ seed: snapshot });
    try {
      expect(second.snapshot()).toEqual(snapshot);
    } finally {
      await second.stop();
    }
  });
});

describe('emulator at benchmark scale', () => {
  it('loads 1,000 workspaces and 1,000 org members quickly and answers lists fast', async () => {
    const members = Array.from({ length: 1000 }, (_, i) => ({
      userName: `u${i}`,
      email: `u${i}@example.org`,
    }));
    const workspace = (w: number): WorkspaceSeed => ({
      name: `ws-${w}`,
      participants: Array.from({ length: 25 }, (_, i) => ({
        email: `u${(w + i) % 1000}@example.org`,
        role: 'launch',
      })),
      credentials: [
        { name: 'aws', provider: 'aws', keys: { accessKey: 'A', secretKey: 'S' } },
        { name: 'gh', provider: 'github', keys: { username: 'u', password: 'p' } },
      ],
      computeEnvironments: [
        {
          name: 'ce1',
          platform: 'aws-batch',
          credentials: 'aws',
          primary: true,
          config: { region: 'r', workDir: 's3://b/w', forge: { type: 'SPOT' } },
        },
        {
          name: 'ce2',
          platform: 'aws-batch',
          credentials: 'aws',
          config: { region: 'r', workDir: 's3://b/w' },
        },
      ],
      pipelines: Array.from({ length: 5 }, (_, p) => ({
        name: `p${p}`,
        launch: { pipeline: `https://github.com/x/p${p}`, computeEnv: 'ce1', workDir: 's3://b/w' },
      })),
      secrets: [
        { name: 'S_ONE', value: 'v' },
        { name: 'S_TWO', value: 'v' },
      ],
    });
    const seed: EmulatorSeed = {
      users: [{ userName: 'bot', email: 'bot@example.org', token: 't' }, ...members],
      orgs: [
        {
          name: 'bench',
          members: [{ email: 'bot@example.org', role: 'owner' }, ...members.map((m) => ({ email: m.email }))],
          workspaces: Array.from({ length: 1000 }, (_, w) => workspace(w)),
        },
      ],
    };
    const started = Date.now();
    const emu = await startEmulator({ seed, logBodies: false });
    try {
      expect(Date.now() - started).toBeLessThan(10_000);
      const api = apiCaller(emu.endpoint, 't');
      const orgId = (await api('GET', '/orgs')).body.organizations[0].orgId;
      const t0 = Date.now();
      const workspaces = (await api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces;
      expect(workspaces).toHaveLength(1000);
      const last = workspaces[999].id;
      const participants = (
        await api('GET', `/orgs/${orgId}/workspaces/${last}/participants`, { query: { max: 100 } })
      ).body;
      expect(participants.totalSize).toBe(25);
      const memberPage = (await api('GET', `/orgs/${orgId}/members`, { query: { max: 100, offset: 900 } }))
        .body;
      expect(memberPage.totalSize).toBe(1001);
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      await emu.stop();
    }
  });
});
