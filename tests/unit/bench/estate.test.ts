/** The synthetic estate: counts of the generated files, the loaded desired state and the three platforms. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  benchShape,
  driftedIndices,
  estateFiles,
  estateSeeds,
  loadEstate,
  ORG_NAME,
  TOKEN_USER,
  writeEstateConfig,
  type EstateShape,
} from '../../../src/bench/estate.js';
import { parseSeed, type EmulatorSeed } from '../../../src/emulator/index.js';
import { parseFingerprintSuffix } from '../../../src/secrets/index.js';

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
    expect(files.size).toBe(1 + 3);
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
    }
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
