/**
 * The benchmark's synthetic estate: one organisation with
 * `members` members (the token user among them, as an owner) and `teams`
 * teams of `teamSize`, and N workspaces, each with `participants`
 * participants (`teamParticipants` of them teams), `credentials`
 * credentials, `computeEnvs` compute environments (the first primary),
 * `pipelines` pipelines, `secrets` pipeline secrets and `labels` workspace
 * labels (resource and simple, alternately; compute environments carry the
 * resource ones, pipelines the first of each), and `dataLinks` custom data
 * links (on the first credential when it is an aws one, else public),
 * `actions` pipeline actions, and `datasets` datasets (sample sheets, CSV
 * and TSV in turn, each a header and three rows, written under
 * `<org>/datasets/<workspace>/`; the first carries the first simple label);
 * the organisation declares `roles` custom roles (no participant holds
 * one). Every collection is managed, and so are its Studios settings (two
 * fields; the third left unmanaged).
 * Everything is a pure function of the shape (no randomness), so a
 * size gives the same estate on every run.
 *
 * The estate is written as YAML files (`writeEstateConfig`), the way users
 * keep it, and loaded back with the tool's own loader (`loadEstate`), which
 * also checks that the generated files are valid. From the desired state,
 * three platforms (emulator seeds) are derived:
 * - `converged`: what a perfect apply leaves (`seedFromDesired`, each
 *   dataset with one version holding its file, plus the declared custom
 *   roles and the
 *   keys fingerprint the applier writes into each credential's description,
 *   so that the tool verifies every credential's keys as it would after a
 *   real apply). A real apply draws one salt per credential; by default the
 *   seed reuses one salt per distinct set of secret values, which costs the
 *   benchmark one scrypt per set instead of one per credential (about 70 ms
 *   each on this machine). The tool has no fingerprint cache, so it still
 *   hashes every credential; `distinctSalts` restores one salt each (and the
 *   benchmark's cost) should a cache keyed on the salt ever be added;
 * - `drifted`: `converged` with, on `driftRatio` of the workspaces, two
 *   participant roles changed, one participant added by hand, the last
 *   compute environment's config changed and the first pipeline's revision
 *   changed;
 * - `empty`: only the organisation, with the token user as its owner (every
 *   person still has an account; no workspace, so no dataset).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { loadDesiredState } from '../config/load-desired-state.js';
import { scopeKey } from '../secrets/variables.js';
import type { WrittenOrganization, WrittenWorkspace } from '../formats/written.js';
import type { WrittenAction } from '../kinds/actions/model.js';
import type { WrittenComputeEnvironment } from '../kinds/compute-environments/model.js';
import type { WrittenCredential } from '../kinds/credentials/model.js';
import type { WrittenDataLink } from '../kinds/data-links/model.js';
import type { WrittenDataset } from '../kinds/datasets/model.js';
import type { WrittenLabel } from '../kinds/labels/model.js';
import type { WrittenParticipant } from '../kinds/participants/model.js';
import type { WrittenPipeline } from '../kinds/pipelines/model.js';
import type { WrittenRole } from '../kinds/roles/model.js';
import type { WrittenSecret } from '../kinds/secrets/model.js';
import { seedFromDesired } from '../demo/seed-from-desired.js';
import type {
  ComputeEnvSeed,
  CredentialSeed,
  EmulatorSeed,
  OrgSeed,
  ParticipantSeed,
  PipelineSeed,
  WorkspaceSeed,
} from '../emulator/seed.js';
import { MAX_CUSTOM_ROLES } from '../emulator/settings.js';
import type { KeysFingerprint } from '../model/actual.js';
import { DATASETS_FOLDER } from '../model/dataset-folder.js';
import type { DesiredState } from '../model/desired.js';
import type { WorkspaceRole } from '../model/resources.js';
import { keysFingerprint, resolveCredentialKeys, withFingerprint } from '../secrets/index.js';

/** The counts of the estate. */
export interface EstateShape {
  readonly workspaces: number;
  /** Org members, the token user included. */
  readonly members: number;
  readonly teams: number;
  /** Members per team. */
  readonly teamSize: number;
  /** Participants per workspace (users and teams; the token user's own owner entry is extra). */
  readonly participants: number;
  /** How many of a workspace's participants are teams. */
  readonly teamParticipants: number;
  readonly credentials: number;
  readonly computeEnvs: number;
  readonly pipelines: number;
  readonly secrets: number;
  /** Workspace labels per workspace. */
  readonly labels: number;
  /** Custom data links per workspace. */
  readonly dataLinks: number;
  /** Pipeline actions per workspace (scheduled and launched through their endpoint, in turn; default 0). */
  readonly actions?: number;
  /** Datasets per workspace (a CSV or TSV file each, beside the workspace file; default 0). */
  readonly datasets?: number;
  /** Custom roles of the organisation (declared in its file; default 0, at most `MAX_CUSTOM_ROLES`). */
  readonly roles?: number;
  /** Share of the workspaces drifted in the `drifted` platform (0..1). */
  readonly driftRatio: number;
}

/** The estate for N workspaces. */
export function benchShape(workspaces: number): EstateShape {
  return {
    workspaces,
    members: 1000,
    teams: 50,
    teamSize: 20,
    participants: 25,
    teamParticipants: 3,
    credentials: 2,
    computeEnvs: 2,
    pipelines: 5,
    secrets: 2,
    labels: 4,
    dataLinks: 2,
    actions: 2,
    datasets: 2,
    roles: 2,
    driftRatio: 0.1,
  };
}

export const ORG_NAME = 'bench-org';

/** The service account whose token the tool uses. */
export const TOKEN_USER = {
  userName: 'bench-sync-bot',
  email: 'sync-bot@bench.example.org',
  token: 'bench-token-0123456789',
} as const;

/** Variables each workspace's `${VAR}` references need (the values are synthetic). */
export const ESTATE_VARIABLES: Readonly<Record<string, string>> = {
  BENCH_AWS_SECRET_KEY: 'bench-aws-secret-key-value',
  BENCH_SSH_PRIVATE_KEY: 'bench-ssh-private-key-value',
  BENCH_PIPELINE_SECRET: 'bench-pipeline-secret-value',
};

/** `SEQERA_SYNC_VARS` for the estate: `ESTATE_VARIABLES` under every declared workspace's key. */
export function estateVarsJson(desired: DesiredState): string {
  const scopes: Record<string, Readonly<Record<string, string>>> = {};
  for (const org of desired.orgs)
    for (const ws of org.workspaces) scopes[scopeKey(org.name, ws.name)] = ESTATE_VARIABLES;
  return JSON.stringify(scopes);
}

const ROLE_CYCLE: readonly WorkspaceRole[] = ['maintain', 'launch', 'view', 'admin', 'launch'];
const PIPELINE_REPOS = ['rnaseq', 'sarek', 'ampliseq', 'mag', 'fetchngs', 'chipseq', 'atacseq'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function userEmail(index: number): string {
  return index === 0 ? TOKEN_USER.email : `user-${pad(index, 4)}@bench.example.org`;
}

export function teamName(index: number): string {
  return `team-${pad(index + 1, 2)}`;
}

export function workspaceName(index: number): string {
  return `ws-${pad(index + 1, 4)}`;
}

function checkShape(shape: EstateShape): void {
  const whole = (name: string, value: number, min: number): void => {
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(`estate ${name} must be a whole number >= ${min}, got ${value}`);
    }
  };
  whole('workspaces', shape.workspaces, 0);
  whole('members', shape.members, 1);
  whole('teams', shape.teams, 0);
  whole('teamSize', shape.teamSize, 0);
  whole('participants', shape.participants, 0);
  whole('teamParticipants', shape.teamParticipants, 0);
  for (const key of ['credentials', 'computeEnvs', 'pipelines', 'secrets', 'labels', 'dataLinks'] as const)
    whole(key, shape[key], 0);
  whole('actions', shape.actions ?? 0, 0);
  whole('datasets', shape.datasets ?? 0, 0);
  whole('roles', shape.roles ?? 0, 0);
  if ((shape.roles ?? 0) > MAX_CUSTOM_ROLES)
    throw new RangeError(`estate roles exceed the platform's ${MAX_CUSTOM_ROLES} custom roles`);
  const people = shape.members - 1;
  if (shape.teamSize > people)
    throw new RangeError('estate teamSize exceeds the members besides the token user');
  if (shape.teamParticipants > shape.teams) throw new RangeError('estate teamParticipants exceeds the teams');
  if (shape.teamParticipants > shape.participants) {
    throw new RangeError('estate teamParticipants exceeds the participants');
  }
  if (shape.participants - shape.teamParticipants + 1 > people) {
    throw new RangeError(
      'estate participants (plus one hand-added) exceed the members besides the token user',
    );
  }
  if (shape.computeEnvs > 0 && shape.credentials === 0) {
    throw new RangeError('estate compute environments need at least one credential');
  }
  if (!(shape.driftRatio >= 0 && shape.driftRatio <= 1))
    throw new RangeError('estate driftRatio must be 0..1');
}

/** Member index (1..members-1) of user participant `k` of workspace `w`. */
function participantUser(shape: EstateShape, w: number, k: number): number {
  const people = shape.members - 1;
  const users = shape.participants - shape.teamParticipants;
  return ((w * users + k) % people) + 1;
}

function credentialFile(w: number, c: number): WrittenCredential {
  return c % 2 === 0
    ? {
        name: c === 0 ? 'aws-main' : `aws-${c}`,
        provider: 'aws',
        description: `AWS account of ${workspaceName(w)}`,
        keys: { accessKey: `AKIABENCH${pad(w + 1, 4)}${c}`, secretKey: '${BENCH_AWS_SECRET_KEY}' },
      }
    : {
        name: c === 1 ? 'hpc-ssh' : `hpc-ssh-${c}`,
        provider: 'ssh',
        description: `Service user of ${workspaceName(w)} on the HPC login node`,
        keys: { privateKey: '${BENCH_SSH_PRIVATE_KEY}' },
      };
}

/** Workspace label `l`: even ones are resource labels (the first names the workspace), odd ones simple. */
function labelFile(w: number, l: number): WrittenLabel {
  if (l === 0) return { name: 'project', value: workspaceName(w), resource: true };
  if (l === 1) return { name: 'nf-core' };
  return l % 2 === 0 ? { name: `cost-${l}`, value: 'bench', resource: true } : { name: `tag-${l}` };
}

/** How a compute environment or a pipeline names a label. */
function labelRef(label: WrittenLabel): string {
  return label.value === undefined ? label.name : `${label.name}=${label.value}`;
}

/** The resource labels a compute environment carries: all of them. */
function computeEnvLabels(shape: EstateShape, w: number): { labels?: string[] } {
  const refs = Array.from({ length: shape.labels }, (_, l) => labelFile(w, l))
    .filter((label) => label.resource === true)
    .map(labelRef);
  return refs.length === 0 ? {} : { labels: refs };
}

/** The labels a pipeline carries: the first resource and the first simple label. */
function pipelineLabels(shape: EstateShape, w: number): { labels?: string[] } {
  const refs = Array.from({ length: Math.min(2, shape.labels) }, (_, l) => labelRef(labelFile(w, l)));
  return refs.length === 0 ? {} : { labels: refs };
}

function computeEnvFile(shape: EstateShape, w: number, i: number): WrittenComputeEnvironment {
  const c = i % shape.credentials;
  const credential = credentialFile(w, c);
  const ws = workspaceName(w);
  if (credential.provider === 'aws') {
    return {
      name: i === 0 ? 'aws-spot' : `aws-spot-${i}`,
      platform: 'aws-batch',
      credentials: credential.name,
      ...(i === 0 ? { primary: true } : {}),
      description: 'Batch Forge on Spot',
      ...computeEnvLabels(shape, w),
      config: {
        region: 'ap-southeast-2',
        workDir: `s3://bench-${ws}/work`,
        fusion2Enabled: true,
        waveEnabled: true,
        forge: { type: 'SPOT', minCpus: 0, maxCpus: 256, instanceTypes: ['c6id', 'm6id'] },
      },
    };
  }
  return {
    name: i === 1 ? 'hpc-slurm' : `hpc-slurm-${i}`,
    platform: 'slurm-platform',
    credentials: credential.name,
    ...(i === 0 ? { primary: true } : {}),
    description: "Slurm 'work' partition",
    ...computeEnvLabels(shape, w),
    config: {
      hostName: 'login.hpc.example.org',
      port: 22,
      userName: `${ws}-svc`,
      workDir: `/scratch/${ws}/work`,
      launchDir: `/scratch/${ws}/launch`,
      headQueue: 'work',
      computeQueue: 'work',
      maxQueueSize: 100,
    },
  };
}

function dataLinkFile(shape: EstateShape, w: number, l: number): WrittenDataLink {
  const ws = workspaceName(w);
  const credential = shape.credentials > 0 ? credentialFile(w, 0) : undefined;
  return {
    name: `${ws}-data-${l + 1}`,
    provider: 'aws',
    resourceRef: `s3://bench-${ws}-data-${l + 1}`,
    ...(credential === undefined ? { publicAccessible: true } : { credentials: credential.name }),
    description: `Input data ${l + 1} of ${ws}`,
  };
}

/** Dataset `d`'s file name: CSV and TSV in turn. */
function datasetFileName(d: number): string {
  return `samplesheet-${d + 1}.${d % 2 === 0 ? 'csv' : 'tsv'}`;
}

/** Dataset `d` of workspace `w`: the first carries the workspace's first simple label, if it has one. */
function datasetFile(shape: EstateShape, w: number, d: number): WrittenDataset {
  const simple = Array.from({ length: shape.labels }, (_, l) => labelFile(w, l)).find(
    (label) => label.resource !== true,
  );
  return {
    name: `samplesheet-${d + 1}`,
    description: `Sample sheet ${d + 1} of ${workspaceName(w)}`,
    file: datasetFileName(d),
    header: true,
    ...(d === 0 && simple !== undefined ? { labels: [simple.name] } : {}),
  };
}

/** The content of dataset `d`'s file in workspace `w`: a header and three rows (UTF-8, a final newline). */
function datasetText(w: number, d: number): string {
  const ws = workspaceName(w);
  const separator = d % 2 === 0 ? ',' : '\t';
  const rows = [
    ['sample', 'fastq_1', 'fastq_2', 'strandedness'],
    ...Array.from({ length: 3 }, (_, r) => {
      const sample = `S${d + 1}-${r + 1}`;
      return [
        `${ws}-${sample}`,
        `s3://bench-${ws}/fastq/${sample}_R1.fastq.gz`,
        `s3://bench-${ws}/fastq/${sample}_R2.fastq.gz`,
        r % 2 === 0 ? 'auto' : 'reverse',
      ];
    }),
  ];
  return rows.map((row) => row.join(separator)).join('\n') + '\n';
}

function workspaceWorkDir(ce: WrittenComputeEnvironment): string {
  const workDir = ce.config.workDir;
  return typeof workDir === 'string' ? workDir : '/scratch/work';
}

function workspaceFile(shape: EstateShape, w: number): WrittenWorkspace {
  const users = shape.participants - shape.teamParticipants;
  const participants: WrittenParticipant[] = [];
  for (let k = 0; k < users; k++) {
    participants.push({
      email: userEmail(participantUser(shape, w, k)),
      role: ROLE_CYCLE[(w + k) % ROLE_CYCLE.length] ?? 'launch',
    });
  }
  for (let k = 0; k < shape.teamParticipants; k++) {
    participants.push({
      team: teamName((w * shape.teamParticipants + k) % shape.teams),
      role: ROLE_CYCLE[(w + users + k) % ROLE_CYCLE.length] ?? 'launch',
    });
  }
  const computeEnvs = Array.from({ length: shape.computeEnvs }, (_, i) => computeEnvFile(shape, w, i));
  const pipelines: WrittenPipeline[] = Array.from({ length: shape.pipelines }, (_, p) => {
    const repo = PIPELINE_REPOS[p % PIPELINE_REPOS.length] ?? 'rnaseq';
    const ce = computeEnvs[p % Math.max(1, computeEnvs.length)];
    return {
      name: p < PIPELINE_REPOS.length ? `nf-core-${repo}` : `nf-core-${repo}-${p}`,
      description: `nf-core/${repo} for ${workspaceName(w)}`,
      url: `https://github.com/nf-core/${repo}`,
      revision: `3.${p}.0`,
      ...(ce === undefined ? {} : { computeEnvironment: ce.name, workDir: workspaceWorkDir(ce) }),
      params: { outdir: `results/${repo}`, genome: 'GRCh38' },
      ...pipelineLabels(shape, w),
    };
  });
  const actions: WrittenAction[] = Array.from({ length: shape.actions ?? 0 }, (_, a) => {
    const repo = PIPELINE_REPOS[a % PIPELINE_REPOS.length] ?? 'rnaseq';
    const ce = computeEnvs[a % Math.max(1, computeEnvs.length)];
    return {
      name: `${repo}-${a % 2 === 0 ? 'nightly' : 'on-demand'}-${a + 1}`,
      ...(a % 2 === 0
        ? { source: 'cron' as const, cron: { expression: `0 ${a % 24} * * *`, timezone: 'Australia/Sydney' } }
        : { source: 'tower' as const }),
      url: `https://github.com/nf-core/${repo}`,
      revision: `3.${a}.0`,
      ...(ce === undefined ? {} : { computeEnvironment: ce.name, workDir: workspaceWorkDir(ce) }),
      params: { outdir: `results/${repo}-action` },
    };
  });
  const secrets: WrittenSecret[] = Array.from({ length: shape.secrets }, (_, s) => ({
    name: `BENCH_SECRET_${s + 1}`,
    value: '${BENCH_PIPELINE_SECRET}',
  }));
  return {
    name: workspaceName(w),
    fullName: `Bench workspace ${pad(w + 1, 4)}`,
    description: 'A synthetic workspace of the seqera-sync benchmark.',
    visibility: 'private',
    maintainers: [`@bench/${workspaceName(w)}`],
    ...(shape.labels === 0
      ? {}
      : { labels: Array.from({ length: shape.labels }, (_, l) => labelFile(w, l)) }),
    participants,
    credentials: Array.from({ length: shape.credentials }, (_, c) => credentialFile(w, c)),
    computeEnvironments: computeEnvs,
    pipelines,
    secrets,
    dataLinks: Array.from({ length: shape.dataLinks }, (_, l) => dataLinkFile(shape, w, l)),
    studios: { lifespanHours: 12 + (w % 3) * 12, privateStudioByDefault: w % 2 === 0 },
    ...(actions.length === 0 ? {} : { actions }),
    ...((shape.datasets ?? 0) === 0
      ? {}
      : { datasets: Array.from({ length: shape.datasets ?? 0 }, (_, d) => datasetFile(shape, w, d)) }),
  };
}

/** Custom role `r`: pipeline runners and data readers, in turn (permissions the platform knows). */
function roleFile(r: number): WrittenRole {
  return r % 2 === 0
    ? {
        name: `bench-runner-${r + 1}`,
        description: 'Runs pipelines and reads their runs',
        permissions: ['pipeline:read', 'pipeline:execute', 'workflow:read'],
      }
    : {
        name: `bench-reader-${r + 1}`,
        description: 'Reads data links, datasets and labels',
        permissions: ['data_link:read', 'dataset:read', 'label:read'],
      };
}

function organizationFile(shape: EstateShape): WrittenOrganization {
  const members = Array.from({ length: shape.members }, (_, i) => ({
    email: userEmail(i),
    role: i === 0 || i % 25 === 0 ? ('owner' as const) : ('member' as const),
  }));
  const people = shape.members - 1;
  const teams = Array.from({ length: shape.teams }, (_, t) => ({
    name: teamName(t),
    description: `Synthetic team ${t + 1}`,
    members: Array.from({ length: shape.teamSize }, (_, k) =>
      userEmail(((t * shape.teamSize + k) % people) + 1),
    ),
  }));
  return {
    name: ORG_NAME,
    fullName: 'Benchmark Organisation',
    description: 'The synthetic organisation of the seqera-sync benchmark.',
    members,
    teams,
    ...((shape.roles ?? 0) === 0
      ? {}
      : { roles: Array.from({ length: shape.roles ?? 0 }, (_, r) => roleFile(r)) }),
    policy: {
      prune: { participants: true },
      maxDeletions: 1_000_000,
      protectedUsers: [TOKEN_USER.email],
    },
  };
}

/**
 * The files of the estate: relative path → text. The YAML files, and each
 * workspace's dataset files under `<org>/datasets/<workspace>/`.
 */
export function estateFiles(shape: EstateShape): Map<string, string> {
  checkShape(shape);
  const files = new Map<string, string>();
  files.set(join(ORG_NAME, 'organization.yaml'), stringify(organizationFile(shape)));
  for (let w = 0; w < shape.workspaces; w++) {
    files.set(join(ORG_NAME, `${workspaceName(w)}.yaml`), stringify(workspaceFile(shape, w)));
    for (let d = 0; d < (shape.datasets ?? 0); d++) {
      files.set(join(ORG_NAME, DATASETS_FOLDER, workspaceName(w), datasetFileName(d)), datasetText(w, d));
    }
  }
  return files;
}

/** The workspace whose file a pull request of the `plan-pr` scenario changes. */
export const PR_WORKSPACE = workspaceName(0);

/**
 * The estate as a pull request leaves it: one workspace file changed (its
 * first participant's role), every other file as it was.
 */
export function prEstateFiles(shape: EstateShape): Map<string, string> {
  const files = estateFiles(shape);
  const changed = workspaceFile(shape, 0);
  const [first, ...rest] = changed.participants ?? [];
  if (first === undefined || !('email' in first))
    throw new RangeError('the PR scenario needs a user participant');
  const role = first.role === 'view' ? 'launch' : 'view';
  files.set(
    join(ORG_NAME, `${PR_WORKSPACE}.yaml`),
    stringify({ ...changed, participants: [{ ...first, role }, ...rest] }),
  );
  return files;
}

/** Writes the estate's config dir under `dir` (created) and returns its path. */
export async function writeEstateConfig(
  shape: EstateShape,
  dir: string,
  files: ReadonlyMap<string, string> = estateFiles(shape),
): Promise<string> {
  const folders = new Set<string>();
  for (const [path, text] of files) {
    const folder = dirname(join(dir, path));
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** Loads a written estate with the tool's loader (as `plan` does); throws with the first diagnostics if invalid. */
export async function loadEstate(configDir: string): Promise<DesiredState> {
  const loaded = await loadDesiredState(configDir);
  if (!loaded.ok) {
    const first = loaded.diagnostics
      .slice(0, 5)
      .map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)
      .join('\n');
    throw new Error(`the generated estate is invalid:\n${first}`);
  }
  return loaded.value;
}

/** The three platforms of the benchmark. */
export interface EstateSeeds {
  readonly converged: EmulatorSeed;
  readonly drifted: EmulatorSeed;
  readonly empty: EmulatorSeed;
  /** Names of the drifted workspaces. */
  readonly driftedWorkspaces: readonly string[];
}

/** Indices of the drifted workspaces: `round(N · ratio)` of them (at least one when ratio > 0), evenly spread. */
export function driftedIndices(workspaces: number, ratio: number): number[] {
  const count = Math.min(workspaces, Math.max(ratio > 0 ? 1 : 0, Math.round(workspaces * ratio)));
  return Array.from({ length: count }, (_, i) => Math.floor((i * workspaces) / count));
}

/** Adds the keys fingerprint a real apply writes to every credential with secret keys. */
async function withFingerprints(
  seed: EmulatorSeed,
  desired: DesiredState,
  distinctSalts: boolean,
): Promise<EmulatorSeed> {
  const variables = new Map(Object.entries(ESTATE_VARIABLES));
  const shared = new Map<string, Promise<KeysFingerprint>>();
  const fingerprintOf = (values: Readonly<Record<string, string>>): Promise<KeysFingerprint> => {
    if (distinctSalts) return keysFingerprint(values);
    const key = JSON.stringify(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));
    let found = shared.get(key);
    if (found === undefined) {
      found = keysFingerprint(values);
      shared.set(key, found);
    }
    return found;
  };
  const orgs = await Promise.all(
    (seed.orgs ?? []).map(async (org): Promise<OrgSeed> => {
      const desiredOrg = desired.orgs.find((o) => o.name === org.name);
      const workspaces = await Promise.all(
        (org.workspaces ?? []).map(async (ws): Promise<WorkspaceSeed> => {
          const desiredWs = desiredOrg?.workspaces.find((w) => w.name === ws.name);
          const credentials = await Promise.all(
            (ws.credentials ?? []).map(async (c): Promise<CredentialSeed> => {
              const declared = desiredWs?.credentials?.find((d) => d.name === c.name);
              if (declared === undefined) return c;
              const resolved = resolveCredentialKeys(declared.keys, variables);
              if (!resolved.ok) throw new Error(`estate variables missing: ${resolved.missing.join(', ')}`);
              if (Object.keys(resolved.value.secretValues).length === 0) return c;
              const fingerprint = await fingerprintOf(resolved.value.secretValues);
              return { ...c, description: withFingerprint(c.description, fingerprint) };
            }),
          );
          return { ...ws, credentials };
        }),
      );
      return { ...org, workspaces };
    }),
  );
  return { ...seed, orgs };
}

/** Adds the declared custom roles (as an apply creates them) to their organisations. */
function withRoles(seed: EmulatorSeed, desired: DesiredState): EmulatorSeed {
  return {
    ...seed,
    orgs: (seed.orgs ?? []).map((org): OrgSeed => {
      const roles = desired.orgs.find((o) => o.name === org.name)?.roles ?? [];
      if (roles.length === 0) return org;
      const declared = roles.map((r) => ({
        name: r.name,
        description: r.description,
        permissions: [...r.permissions],
      }));
      return { ...org, customRoles: [...(org.customRoles ?? []), ...declared] };
    }),
  };
}

function otherRole(role: string | undefined): string {
  return role === 'view' ? 'maintain' : 'view';
}

function driftWorkspace(ws: WorkspaceSeed, members: readonly string[]): WorkspaceSeed {
  const participants: ParticipantSeed[] = [...(ws.participants ?? [])];
  // Two role changes (user participants other than the token user's own entry).
  let changed = 0;
  for (let i = 0; i < participants.length && changed < 2; i++) {
    const p = participants[i];
    if (p?.email === undefined || p.email === TOKEN_USER.email) continue;
    participants[i] = { ...p, role: otherRole(p.role) };
    changed++;
  }
  // One participant added by hand: the first org member not yet in the workspace.
  const present = new Set(participants.flatMap((p) => (p.email === undefined ? [] : [p.email])));
  const extra = members.find((email) => !present.has(email));
  if (extra !== undefined) participants.push({ email: extra, role: 'view' });
  const computeEnvironments: ComputeEnvSeed[] = [...(ws.computeEnvironments ?? [])];
  const last = computeEnvironments.length - 1;
  const ce = computeEnvironments[last];
  if (ce !== undefined) {
    const config = ce.config ?? {};
    const queue = config.maxQueueSize;
    computeEnvironments[last] =
      typeof queue === 'number'
        ? { ...ce, config: { ...config, maxQueueSize: queue + 50 } }
        : { ...ce, config: { ...config, nextflowConfig: 'process.maxRetries = 3' } };
  }
  const pipelines: PipelineSeed[] = [...(ws.pipelines ?? [])];
  const first = pipelines[0];
  if (first !== undefined) pipelines[0] = { ...first, launch: { ...first.launch, revision: 'dev' } };
  return { ...ws, participants, computeEnvironments, pipelines };
}

export interface EstateSeedOptions {
  /** One fingerprint salt per credential, as a real apply draws them (slow: one scrypt each). */
  readonly distinctSalts?: boolean;
}

/** The three platforms for a loaded estate. */
export async function estateSeeds(
  desired: DesiredState,
  shape: EstateShape,
  options: EstateSeedOptions = {},
): Promise<EstateSeeds> {
  const plain = seedFromDesired(desired, {
    tokenUser: TOKEN_USER,
    secretValue: (variable) => ESTATE_VARIABLES[variable] ?? '',
  });
  const converged = withRoles(
    await withFingerprints(plain, desired, options.distinctSalts === true),
    desired,
  );
  const drifted = new Set(driftedIndices(shape.workspaces, shape.driftRatio).map(workspaceName));
  const driftedSeed: EmulatorSeed = {
    ...converged,
    orgs: (converged.orgs ?? []).map((org) => {
      const members = (org.members ?? []).map((m) => m.email).filter((e) => e !== TOKEN_USER.email);
      return {
        ...org,
        workspaces: (org.workspaces ?? []).map((ws) =>
          drifted.has(ws.name) ? driftWorkspace(ws, members) : ws,
        ),
      };
    }),
  };
  const empty: EmulatorSeed = {
    ...(converged.users === undefined ? {} : { users: converged.users }),
    orgs: (converged.orgs ?? []).map((org) => ({
      name: org.name,
      ...(org.fullName === undefined ? {} : { fullName: org.fullName }),
      ...(org.description === undefined ? {} : { description: org.description }),
      members: [{ email: TOKEN_USER.email, role: 'owner' as const }],
    })),
  };
  return { converged, drifted: driftedSeed, empty, driftedWorkspaces: [...drifted].sort() };
}
