/** The synthetic estate: counts of the generated files, the loaded desired state and the three platforms. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  benchShape,
  driftedIndices,
  estateFiles,
  estateSeeds,
  estateVarsJson,
  loadEstate,
  ORG_NAME,
  TOKEN_USER,
  writeEstateConfig,
  type EstateShape,
} from '../../../src/bench/estate.js';
import { routeOf } from '../../../src/bench/routes.js';
import { ROUTE } from '../../helpers/bench-routes.js';
import { parseSeed, startEmulator, type EmulatorSeed } from '../../../src/emulator/index.js';
import { parseFingerprintSuffix } from '../../../src/secrets/index.js';
import { runCli } from '../../helpers/cli.js';

const SMALL: EstateShape = {
  workspaces: 10,
  members: 40,
  teams: 4,
  teamSize: 5,
  participants: 6,
  teamParticipants: 2,
  credentials: 2,
  computeEnvs: 2,
  pipelines: 3,
  secrets: 2,
  labels: 4,
  dataLinks: 2,
  datasets: 2,
  roles: 2,
  driftRatio: 0.1,
};

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('estateFiles (the issue shape)', () => {
  const files = estateFiles(benchShape(3));
  const org = parse(files.get(join(ORG_NAME, 'organization.yaml')) ?? '') as {
    members: { email: string; role: string }[];
    teams: { name: string; members: string[] }[];
    roles: { name: string; permissions: string[] }[];
  };

  it('declares two custom roles, each with permissions', () => {
    expect(org.roles.map((r) => r.name)).toEqual(['bench-runner-1', 'bench-reader-2']);
    for (const role of org.roles) expect(role.permissions.length).toBeGreaterThan(0);
  });

  it('writes one organisation with 1,000 members (the token user an owner) and 50 teams', () => {
    // The organisation file, 3 workspace files and each workspace's 2 dataset files.
    expect(files.size).toBe(1 + 3 + 3 * 2);
    expect(org.members).toHaveLength(1000);
    expect(new Set(org.members.map((m) => m.email)).size).toBe(1000);
    expect(org.members).toContainEqual({ email: TOKEN_USER.email, role: 'owner' });
    expect(org.teams).toHaveLength(50);
    for (const team of org.teams) {
      expect(new Set(team.members).size).toBe(20);
      expect(team.members).not.toContain(TOKEN_USER.email);
    }
  });

  it('writes workspaces with 25 participants, 2 credentials, 2 CEs, 5 pipelines and 2 secrets', () => {
    const ws = parse(files.get(join(ORG_NAME, 'ws-0002.yaml')) ?? '') as Record<string, unknown[]>;
    expect(ws.participants).toHaveLength(25);
    expect(
      new Set(ws.participants?.map((p) => JSON.stringify({ ...(p as object), role: undefined }))).size,
    ).toBe(25);
    expect(ws.credentials).toHaveLength(2);
    expect(ws.computeEnvironments).toHaveLength(2);
    expect(ws.pipelines).toHaveLength(5);
    expect(ws.secrets).toHaveLength(2);
  });

  it('writes 2 datasets per workspace, each file beside the workspace file with a header and three rows', () => {
    const ws = parse(files.get(join(ORG_NAME, 'ws-0002.yaml')) ?? '') as {
      labels: { name: string; resource?: boolean }[];
      datasets: { name: string; file: string; header: boolean; labels?: string[] }[];
    };
    expect(ws.datasets).toEqual([
      expect.objectContaining({
        name: 'samplesheet-1',
        file: 'samplesheet-1.csv',
        header: true,
        labels: ['nf-core'],
      }),
      expect.objectContaining({ name: 'samplesheet-2', file: 'samplesheet-2.tsv', header: true }),
    ]);
    expect(ws.datasets[1]?.labels).toBeUndefined();
    // The label is a simple one of the workspace.
    expect(ws.labels).toContainEqual({ name: 'nf-core' });
    const csv = files.get(join(ORG_NAME, 'datasets', 'ws-0002', 'samplesheet-1.csv')) ?? '';
    const tsv = files.get(join(ORG_NAME, 'datasets', 'ws-0002', 'samplesheet-2.tsv')) ?? '';
    expect(csv.split('\n')).toEqual([
      'sample,fastq_1,fastq_2,strandedness',
      expect.stringMatching(/^ws-0002-S1-1,s3:/),
      expect.any(String),
      expect.any(String),
      '',
    ]);
    expect(tsv.split('\n')[0]).toBe('sample\tfastq_1\tfastq_2\tstrandedness');
    expect(tsv.split('\n')).toHaveLength(5);
  });

  it('is deterministic', () => {
    expect(estateFiles(benchShape(3))).toEqual(files);
  });
});

describe('driftedIndices', () => {
  it('picks round(N · ratio) workspaces, at least one, evenly spread', () => {
    expect(driftedIndices(30, 0.1)).toEqual([0, 10, 20]);
    expect(driftedIndices(300, 0.1)).toHaveLength(30);
    expect(driftedIndices(2, 0.1)).toEqual([0]);
    expect(driftedIndices(5, 0)).toEqual([]);
  });
});

describe('loadEstate and estateSeeds (small shape)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-estate-'));
  dirs.push(dir);
  await writeEstateConfig(SMALL, dir);
  const desired = await loadEstate(dir);
  const seeds = await estateSeeds(desired, SMALL);
  const org = desired.orgs[0];

  it('loads with the tool’s loader into a fully managed desired state', () => {
    expect(desired.orgs).toHaveLength(1);
    expect(org?.members).toHaveLength(SMALL.members);
    expect(org?.teams).toHaveLength(SMALL.teams);
    expect(org?.workspaces).toHaveLength(SMALL.workspaces);
    for (const ws of org?.workspaces ?? []) {
      expect(ws.participants).toHaveLength(SMALL.participants);
      expect(ws.participants?.filter((p) => p.type === 'team')).toHaveLength(SMALL.teamParticipants);
      expect(ws.credentials).toHaveLength(SMALL.credentials);
      expect(ws.computeEnvironments?.filter((ce) => ce.primary)).toHaveLength(1);
      expect(ws.pipelines).toHaveLength(SMALL.pipelines);
      expect(ws.secrets).toHaveLength(SMALL.secrets);
      // The dataset files passed the loader's file rules: their size and digest are known.
      expect(ws.datasets?.map((d) => d.name)).toEqual(['samplesheet-1', 'samplesheet-2']);
      for (const d of ws.datasets ?? []) {
        expect(d.size).toBeGreaterThan(0);
        expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(ws.datasets?.[0]?.labels).toEqual(['nf-core']);
    }
  });

  it('holds each declared dataset on the converged platform with one version: its file', async () => {
    const workspaces = seeds.converged.orgs?.[0]?.workspaces ?? [];
    for (const ws of org?.workspaces ?? []) {
      const seeded = workspaces.find((w) => w.name === ws.name)?.datasets ?? [];
      expect(seeded.map((d) => d.name)).toEqual((ws.datasets ?? []).map((d) => d.name));
      for (const d of ws.datasets ?? []) {
        const one = seeded.find((s) => s.name === d.name);
        expect(one?.versions).toEqual([
          { fileName: d.file, content: await readFile(d.path, 'utf8'), header: d.header },
        ]);
        expect(one?.labels).toEqual(d.labels);
      }
    }
    // The drifted platform keeps them; the empty one has no workspace, so none.
    expect(seeds.drifted.orgs?.[0]?.workspaces?.[0]?.datasets).toEqual(workspaces[0]?.datasets);
    expect(seeds.empty.orgs?.[0]?.workspaces).toBeUndefined();
  });

  const saltsOf = (seed: EmulatorSeed): (string | undefined)[] =>
    (seed.orgs?.[0]?.workspaces ?? []).flatMap((ws) =>
      (ws.credentials ?? []).map((c) => parseFingerprintSuffix(c.description).fingerprint?.salt),
    );

  it('builds valid seeds: converged with a keys fingerprint on every credential', async () => {
    for (const seed of [seeds.converged, seeds.drifted, seeds.empty])
      expect(() => parseSeed(seed)).not.toThrow();
    const workspaces = seeds.converged.orgs?.[0]?.workspaces ?? [];
    expect(workspaces).toHaveLength(SMALL.workspaces);
    const salts = saltsOf(seeds.converged);
    expect(salts).toHaveLength(SMALL.workspaces * SMALL.credentials);
    expect(salts.every((s) => s !== undefined)).toBe(true);
    // One salt per distinct set of secret values (aws, ssh) by default; one per credential on request.
    expect(new Set(salts).size).toBe(2);
    const two = { orgs: desired.orgs.map((o) => ({ ...o, workspaces: o.workspaces.slice(0, 2) })) };
    const distinct = saltsOf(
      (await estateSeeds(two, { ...SMALL, workspaces: 2 }, { distinctSalts: true })).converged,
    );
    expect(new Set(distinct).size).toBe(2 * SMALL.credentials);
    // The token user's own owner entry comes on top of the declared participants.
    expect(workspaces[0]?.participants).toHaveLength(SMALL.participants + 1);
  });

  it('drifts 10 % of the workspaces: two roles, one hand-added participant, a CE config, a pipeline revision', () => {
    expect(seeds.driftedWorkspaces).toEqual(['ws-0001']);
    const before = seeds.converged.orgs?.[0]?.workspaces?.[0];
    const after = seeds.drifted.orgs?.[0]?.workspaces?.[0];
    const roles = (ws: typeof before): string[] => (ws?.participants ?? []).map((p) => p.role ?? '');
    expect(after?.participants).toHaveLength((before?.participants?.length ?? 0) + 1);
    const changed = roles(before).filter((role, i) => roles(after)[i] !== role);
    expect(changed).toHaveLength(2);
    expect(after?.computeEnvironments?.at(-1)?.config).not.toEqual(
      before?.computeEnvironments?.at(-1)?.config,
    );
    expect(after?.computeEnvironments?.[0]).toEqual(before?.computeEnvironments?.[0]);
    expect(after?.pipelines?.[0]?.launch.revision).toBe('dev');
    expect(seeds.drifted.orgs?.[0]?.workspaces?.[1]).toEqual(seeds.converged.orgs?.[0]?.workspaces?.[1]);
  });

  it('empties the org down to the token user as its owner, keeping every account', () => {
    expect(seeds.empty.orgs).toEqual([
      {
        name: ORG_NAME,
        fullName: 'Benchmark Organisation',
        description: 'The synthetic organisation of the seqera-sync benchmark.',
        members: [{ email: TOKEN_USER.email, role: 'owner' }],
      },
    ]);
    expect(seeds.empty.users).toEqual(seeds.converged.users);
    expect(seeds.empty.users).toHaveLength(SMALL.members);
  });
});

describe('the converged platform (2 workspaces of the small shape)', async () => {
  const shape: EstateShape = { ...SMALL, workspaces: 2 };
  const dir = await mkdtemp(join(tmpdir(), 'bench-estate-plan-'));
  dirs.push(dir);
  await writeEstateConfig(shape, dir);
  const desired = await loadEstate(dir);
  const { converged } = await estateSeeds(desired, shape);

  const plan = async (
    seed: EmulatorSeed,
  ): Promise<{ code: number; stdout: string; stderr: string; routes: string[] }> => {
    const emulator = await startEmulator({ seed, ceCreateDelayMs: 0 });
    try {
      const result = await runCli(
        [
          'plan',
          '--config-dir',
          dir,
          '--endpoint',
          emulator.endpoint,
          '--max-rps',
          '1000',
          '--detailed-exitcode',
        ],
        {
          env: { SEQERA_SYNC_VARS: estateVarsJson(desired), TOWER_ACCESS_TOKEN: emulator.token },
          cwd: dir,
        },
      );
      return { ...result, routes: emulator.requestLog().map((e) => routeOf(e.method, e.path)) };
    } finally {
      await emulator.stop();
    }
  };

  it(
    'plans no change, datasets included (their latest versions read and compared)',
    { timeout: 20_000 },
    async () => {
      const result = await plan(converged);
      expect(result.stderr).not.toContain('error');
      expect(result.stdout).not.toMatch(/dataset /);
      expect(result.code).toBe(0);
      // Each workspace's list and latest versions, and each dataset's content (same file name and size).
      const count = (route: string): number => result.routes.filter((r) => r === route).length;
      expect(count(ROUTE.datasets)).toBe(2);
      expect(count(ROUTE.datasetVersions)).toBe(2);
      expect(count(ROUTE.datasetDownload)).toBe(2 * 2);
    },
  );

  it('plans a new version where a dataset’s content differs', { timeout: 20_000 }, async () => {
    // Same file name and size, other bytes: only the download tells them apart.
    const changed: EmulatorSeed = {
      ...converged,
      orgs: (converged.orgs ?? []).map((o) => ({
        ...o,
        workspaces: (o.workspaces ?? []).map((ws, i) =>
          i !== 0
            ? ws
            : {
                ...ws,
                datasets: (ws.datasets ?? []).map((d, j) =>
                  j !== 0
                    ? d
                    : {
                        ...d,
                        versions: (d.versions ?? []).map((v) => ({
                          ...v,
                          content: v.content.replace('auto', 'AUTO'),
                        })),
                      },
                ),
              },
        ),
      })),
    };
    const result = await plan(changed);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`~ dataset ${ORG_NAME}/ws-0001/datasets/samplesheet-1`);
    expect(result.stdout).toContain('content differs from the latest version');
    expect(result.stdout).not.toContain('samplesheet-2');
  });
});
