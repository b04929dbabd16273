/**
 * The platform side of the workflow tests: the example estate of
 * `workspaces/`, secret values for its `${VAR}`s (planted, so the tests can
 * check none is printed or posted), and emulators seeded from it, either
 * converged (a first apply records the credential fingerprints, so the plan is
 * empty) or with the demo's hand-made drift.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDesiredState } from '../../../../src/config/load-desired-state.js';
import { applyDemoDrift, DEMO_DRIFT } from '../../../../src/demo/drift.js';
import { seedFromDesired } from '../../../../src/demo/seed-from-desired.js';
import type { EmulatorSeed } from '../../../../src/emulator/seed.js';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator/start-emulator.js';
import type { DesiredState } from '../../../../src/model/desired.js';
import { isSecretRef } from '../../../../src/model/resources.js';
import { runCli, type CliResult } from '../../../helpers/cli.js';
import { REPO_ROOT } from '../../../unit/workflows/workflow-files.js';
import { varsJsonFor } from '../../../helpers/variables.js';

export const ESTATE_DIR = join(REPO_ROOT, 'workspaces');
export const TOKEN_USER = {
  userName: 'seqera-sync',
  email: 'seqera-sync@biocommons.example.org',
  token: 'wf-test-Tower-Token-7f3a9c',
} as const;

export async function loadEstate(dir: string = ESTATE_DIR): Promise<DesiredState> {
  const loaded = await loadDesiredState(dir);
  if (!loaded.ok) {
    throw new Error(`the estate in ${dir} is invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  }
  return loaded.value;
}

/** A planted value for every `${VAR}` of a secret field in the estate. */
export function plantedVariables(desired: DesiredState): Record<string, string> {
  const vars: Record<string, string> = {};
  const plant = (name: string): void => {
    vars[name] = `planted-${name.toLowerCase()}-Secret-42x`;
  };
  for (const ws of desired.orgs.flatMap((o) => o.workspaces)) {
    for (const cred of ws.credentials ?? []) {
      for (const value of Object.values(cred.keys)) if (isSecretRef(value)) plant(value.secretRef);
    }
    for (const secret of ws.secrets ?? []) plant(secret.value.secretRef);
  }
  return vars;
}

export interface Platform {
  readonly emulator: RunningEmulator;
  readonly variables: Readonly<Record<string, string>>;
  /** `SEQERA_SYNC_VARS`: `variables` under every workspace's `org/workspace` key. */
  readonly varsJson: string;
  /** TOWER_* and SEQERA_SYNC_VARS for an in-process CLI run. */
  readonly cliEnv: Readonly<Record<string, string>>;
  /** `seqera-sync ARGS` in process against this emulator. */
  cli(args: readonly string[], cwd?: string): Promise<CliResult>;
  /** Raw API call as the token user. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

export interface PlatformOptions {
  /** `converged`: the estate as a perfect apply leaves it; `drifted`: the demo's drift on top. */
  readonly state: 'converged' | 'drifted';
}

/** Starts an emulator holding the estate. The caller stops `emulator`. */
export async function startPlatform(desired: DesiredState, options: PlatformOptions): Promise<Platform> {
  const variables = plantedVariables(desired);
  const base = seedFromDesired(desired, {
    tokenUser: TOKEN_USER,
    secretValue: (name) => variables[name] ?? 'unset',
  });
  // The demo's hand-added participant is a registered user either way, so a test can add them by hand.
  const seed: EmulatorSeed =
    options.state === 'drifted'
      ? applyDemoDrift(base)
      : {
          ...base,
          users: [
            ...(base.users ?? []),
            { userName: 'former-student', email: DEMO_DRIFT.handAddedParticipant },
          ],
        };
  const emulator = await startEmulator({ seed, ceCreateDelayMs: 50, ceDeleteDelayMs: 50 });
  const cliEnv = {
    TOWER_API_ENDPOINT: emulator.endpoint,
    TOWER_ACCESS_TOKEN: emulator.token,
    SEQERA_SYNC_VARS: varsJsonFor(desired, variables),
  };
  const platform: Platform = {
    emulator,
    variables,
    varsJson: cliEnv.SEQERA_SYNC_VARS,
    cliEnv,
    cli: (args, cwd = REPO_ROOT) => runCli(args, { env: cliEnv, cwd }),
    async api(method, path, body) {
      const res = await fetch(`${emulator.endpoint}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${emulator.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    },
  };
  if (options.state === 'converged') {
    // The seed has no credential fingerprints: one apply records them, then the plan is empty
    // (the tests check that: the PR plan shows only the PR's change, the first drift check exits 0).
    const applied = await platform.cli(['apply', '--yes']);
    if (applied.code !== 0) throw new Error(`converging apply failed:\n${applied.stdout}\n${applied.stderr}`);
  }
  return platform;
}

/** Copies the estate to `dir/workspaces` and edits one file (`edit` gets and returns its text). */
export async function estateCopy(
  dir: string,
  edit?: { readonly file: string; readonly change: (text: string) => string },
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await cp(ESTATE_DIR, join(dir, 'workspaces'), { recursive: true });
  if (edit !== undefined) {
    const path = join(dir, 'workspaces', edit.file);
    const before = await readFile(path, 'utf8');
    const after = edit.change(before);
    if (after === before) throw new Error(`the edit of ${edit.file} changed nothing`);
    await writeFile(path, after);
  }
  return dir;
}

/** Adds `email` to a workspace by hand (as someone would in the web UI). */
export async function addParticipantByHand(
  platform: Platform,
  orgName: string,
  workspaceName: string,
  email: string,
): Promise<void> {
  const orgs = (await platform.api('GET', '/orgs')).body as {
    organizations: { orgId: number; name: string }[];
  };
  const org = orgs.organizations.find((o) => o.name === orgName);
  if (org === undefined) throw new Error(`no org ${orgName}`);
  const wss = (await platform.api('GET', `/orgs/${String(org.orgId)}/workspaces`)).body as {
    workspaces: { id: number; name: string }[];
  };
  const ws = wss.workspaces.find((w) => w.name === workspaceName);
  if (ws === undefined) throw new Error(`no workspace ${workspaceName}`);
  const res = await platform.api(
    'PUT',
    `/orgs/${String(org.orgId)}/workspaces/${String(ws.id)}/participants/add`,
    {
      userNameOrEmail: email,
    },
  );
  if (res.status !== 200) throw new Error(`adding ${email} by hand failed with ${String(res.status)}`);
}

export { DEMO_DRIFT };
