/**
 * Shared setup of the `plan`/`apply` end-to-end tests: the example estate of
 * `workspaces/`, the emulator seeds it is tested against (converged, drifted
 * by hand), distinctive secrets, and a runner for the real CLI in-process
 * over real HTTP.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { seedFromDesired } from '../../../src/demo/seed-from-desired.js';
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/index.js';
import type { EmulatorSeed, OrgSeed, WorkspaceSeed } from '../../../src/emulator/seed.js';
import type { DesiredState } from '../../../src/model/desired.js';
import { keysFingerprint, withFingerprint } from '../../../src/secrets/fingerprint.js';
import { resolveCredentialKeys } from '../../../src/secrets/resolve-secrets.js';
import { runCli, type CliOptions, type CliResult } from '../../helpers/cli.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The example estate (never written to; tests that edit it work on a copy). */
export const ESTATE_DIR = resolve(ROOT, 'workspaces');
export const ORG = 'biocommons';

/** The service account the estate declares as the token user, with a distinctive token. */
export const TOKEN_USER = {
  userName: 'seqera-sync',
  email: 'seqera-sync@biocommons.example.org',
  token: 'tok-Distinctive-9f27c1e4b8',
} as const;

/** Every `${VAR}` the estate's secret fields use, with values nothing may ever print or save. */
export const VARIABLES: Readonly<Record<string, string>> = {
  AUSGEN_GADI_SSH_KEY: 'ssh-Distinctive-Secret-5c81d2',
  AUSGEN_SENTIEON_LICENSE: 'sentieon-Distinctive-Secret-77aa0f',
  BIOCOMMONS_AWS_SECRET_KEY: 'aws-Distinctive-Secret-3e9b44',
};

/** The estate's workspaces, as `SEQERA_SYNC_VARS` keys them. */
export const ESTATE_WORKSPACES = [
  'biocommons/ausgen',
  'biocommons/community-pipelines',
  'biocommons/marine-omics',
];

/** `SEQERA_SYNC_VARS` giving `values` to every workspace of the estate. */
export function varsJson(values: Readonly<Record<string, string>> = VARIABLES): string {
  return JSON.stringify(Object.fromEntries(ESTATE_WORKSPACES.map((key) => [key, values])));
}

/** Fast compute-environment lifecycle, so CE waits cost one poll. */
export const FAST_CE: EmulatorOptions = { ceCreateDelayMs: 50, ceDeleteDelayMs: 50 };

/** The drift `driftedSeed` adds, as the people who made it by hand would describe it. */
export const DRIFT = {
  /** Added in the web UI to the shared workspace; the estate prunes participants. */
  handAdded: 'former.student@example.edu.au',
  /** Raised from maintain to admin in the web UI. */
  roleChanged: 'pipeline.curator@example.org',
  /** Its forge maxCpus was lowered from 512 to 256 in the web UI. */
  computeEnvironment: 'aws-sydney-spot',
  /** The shared workspace the drift above happened in (its SHARED visibility must survive). */
  sharedWorkspace: 'community-pipelines',
  /** A private workspace made shared by hand. */
  madeShared: 'marine-omics',
  /** An org member made an owner of the organisation by hand (an org-level change). */
  madeOwner: 'kelp.analyst@example.edu.au',
} as const;

export async function loadEstate(configDir: string = ESTATE_DIR): Promise<DesiredState> {
  const loaded = await loadDesiredState(configDir);
  if (!loaded.ok) throw new Error(`the estate in ${configDir} is invalid`);
  return loaded.value;
}

/** A variable's test value (any `${VAR}` the estate adds later gets a distinctive one too). */
export function variableValue(name: string): string {
  return VARIABLES[name] ?? `${name.toLowerCase()}-Distinctive-Secret`;
}

/**
 * The platform a perfect apply of `desired` leaves: `seedFromDesired` plus
 * the keys fingerprint a real apply writes into each credential's
 * description (src/secrets/fingerprint.ts), so a plan with the variables set is empty too.
 */
export async function convergedSeed(desired: DesiredState): Promise<EmulatorSeed> {
  const seed = seedFromDesired(desired, { tokenUser: TOKEN_USER, secretValue: variableValue });
  const variables = new Map(Object.entries(VARIABLES));
  const orgs: OrgSeed[] = [];
  for (const org of seed.orgs ?? []) {
    const workspaces: WorkspaceSeed[] = [];
    for (const ws of org.workspaces ?? []) {
      const declared = desired.orgs
        .find((o) => o.name === org.name)
        ?.workspaces.find((w) => w.name === ws.name);
      const credentials = await Promise.all(
        (ws.credentials ?? []).map(async (credential) => {
          const keys = declared?.credentials?.find((c) => c.name === credential.name)?.keys ?? {};
          const resolved = resolveCredentialKeys(keys, variables);
          if (!resolved.ok) return credential;
          const fingerprint = await keysFingerprint(resolved.value.secretValues);
          return { ...credential, description: withFingerprint(credential.description, fingerprint) };
        }),
      );
      workspaces.push({ ...ws, credentials });
    }
    orgs.push({ ...org, workspaces });
  }
  return { ...seed, orgs };
}

/** Applies `edit` to one workspace of the seed. */
export function editWorkspace(
  seed: EmulatorSeed,
  name: string,
  edit: (ws: WorkspaceSeed) => WorkspaceSeed,
): EmulatorSeed {
  return {
    ...seed,
    orgs: (seed.orgs ?? []).map((org) => ({
      ...org,
      workspaces: (org.workspaces ?? []).map((ws) => (ws.name === name ? edit(ws) : ws)),
    })),
  };
}

/** `seed` changed by hand in the web UI as `DRIFT` describes. */
export function driftedSeed(seed: EmulatorSeed): EmulatorSeed {
  const shared = editWorkspace(seed, DRIFT.sharedWorkspace, (ws) => ({
    ...ws,
    participants: [
      ...(ws.participants ?? []).map((p) => (p.email === DRIFT.roleChanged ? { ...p, role: 'admin' } : p)),
      { email: DRIFT.handAdded, role: 'launch' },
    ],
    computeEnvironments: (ws.computeEnvironments ?? []).map((ce) => {
      if (ce.name !== DRIFT.computeEnvironment) return ce;
      const config = ce.config ?? {};
      return { ...ce, config: { ...config, forge: { ...(config.forge as object), maxCpus: 256 } } };
    }),
  }));
  const drifted = editWorkspace(shared, DRIFT.madeShared, (ws) => ({ ...ws, visibility: 'shared' }));
  return {
    orgs: (drifted.orgs ?? []).map((org) => ({
      ...org,
      members: (org.members ?? []).map((m) => (m.email === DRIFT.madeOwner ? { ...m, role: 'owner' } : m)),
    })),
    users: [...(drifted.users ?? []), { userName: 'former-student', email: DRIFT.handAdded }],
  };
}

/** Two registered people the tests add by hand to the shared workspace (whose participants are pruned). */
export const EXTRAS = ['extra.one@example.org', 'extra.two@example.org'] as const;

/** `seed` with `emails` registered and added by hand as viewers of the shared workspace. */
export function withHandAddedParticipants(seed: EmulatorSeed, emails: readonly string[]): EmulatorSeed {
  const edited = editWorkspace(seed, DRIFT.sharedWorkspace, (ws) => ({
    ...ws,
    participants: [...(ws.participants ?? []), ...emails.map((email) => ({ email, role: 'view' }))],
  }));
  const users = emails.map((email) => ({ userName: email.split('@')[0] ?? email, email }));
  return { ...edited, users: [...(edited.users ?? []), ...users] };
}

/** The environment of a CI job pointed at `emu`, with every variable set. */
export function cliEnv(emu: RunningEmulator): Record<string, string> {
  return {
    TOWER_API_ENDPOINT: emu.endpoint,
    TOWER_ACCESS_TOKEN: emu.token,
    SEQERA_SYNC_VARS: varsJson(),
  };
}

export interface SyncOptions extends Omit<CliOptions, 'env'> {
  /** Merged over `cliEnv(emu)`; an `undefined` value unsets a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default: the example estate. */
  readonly configDir?: string;
}

const TALKS_TO_PLATFORM = new Set(['plan', 'apply', 'export']);

/**
 * Runs `seqera-sync ARGV` against `emu` with the estate, the token and the
 * variables, as CI would; requests are not throttled (`--max-rps`, for the
 * commands that take it).
 */
export function sync(
  emu: RunningEmulator,
  argv: readonly string[],
  options: SyncOptions = {},
): Promise<CliResult> {
  const { configDir, env, ...rest } = options;
  // Only the commands that talk to the platform take --max-rps; the others refuse it.
  const unthrottled = TALKS_TO_PLATFORM.has(argv[0] ?? '') ? ['--max-rps', '1000'] : [];
  return runCli([...argv, '--config-dir', configDir ?? ESTATE_DIR, ...unthrottled], {
    ...rest,
    env: { ...cliEnv(emu), ...env },
  });
}

/** `METHOD /path` of every write request the emulator received. */
export function writes(emu: RunningEmulator): string[] {
  return emu
    .requestLog()
    .filter((entry) => entry.write)
    .map((entry) => `${entry.method} ${entry.path}`);
}

/** A fresh temporary directory per test (the CLI's cwd, copies of the estate), removed afterwards. */
export function useTempDir(): { readonly path: string } {
  let current: string | undefined;
  beforeEach(async () => {
    current = await mkdtemp(join(tmpdir(), 'seqera-sync-cli-'));
  });
  afterEach(async () => {
    if (current !== undefined) await rm(current, { recursive: true, force: true });
    current = undefined;
  });
  return {
    get path() {
      if (current === undefined) throw new Error('the temporary directory exists only inside a test');
      return current;
    },
  };
}

/**
 * Copies the estate into `dir/workspaces` and applies text edits to its
 * files (`{ 'biocommons/organization.yaml': (text) => … }`); returns the copy.
 */
export async function estateCopy(
  dir: string,
  edits: Readonly<Record<string, (text: string) => string>> = {},
): Promise<string> {
  const target = join(dir, 'workspaces');
  await cp(ESTATE_DIR, target, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(target, file);
    const before = await readFile(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    await writeFile(path, after, 'utf8');
  }
  return target;
}

/** The JSON plan document `plan --format json` printed. */
export interface PrintedPlan {
  readonly actions: readonly {
    readonly address: string;
    readonly type: string;
    readonly kind: string;
    readonly changes: readonly { readonly field: string; readonly from?: unknown; readonly to?: unknown }[];
    readonly forcedBy?: readonly string[];
    readonly repoint?: readonly { readonly name: string }[];
    readonly movesPrimary?: boolean;
  }[];
  readonly unmanaged: readonly { readonly address: string }[];
  readonly blocked: readonly { readonly rule: string }[];
}

export function parsePrintedPlan(stdout: string): PrintedPlan {
  return JSON.parse(stdout) as PrintedPlan;
}
