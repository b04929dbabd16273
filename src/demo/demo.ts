/**
 * `npm run demo`: the main job end to end against the bundled emulator, with
 * no token, no network and no setup. Seeds the emulator with the platform
 * that `workspaces/` describes, drifted by hand (see drift.ts), then runs
 * validate → plan → apply → plan through the real CLI (the build in `dist/`,
 * see built-cli.ts), printing each step. Exits 1 unless the last plan is
 * empty. `run-demo.ts` is the entry point.
 */
import { resolve } from 'node:path';
import type { CliDeps } from '../usecases/deps.js';
import { loadDesiredState } from '../config/load-desired-state.js';
import { startEmulator } from '../emulator/start-emulator.js';
import { readVariables } from '../config/read-variables.js';
import type { Variables } from '../secrets/variables.js';
import { BuiltCliMissingError, loadBuiltCli, repositoryRoot, type CliEntry } from './built-cli.js';
import { applyDemoDrift, DEMO_DRIFT } from './drift.js';
import { seedFromDesired } from './seed-from-desired.js';

const ROOT = repositoryRoot();
const CONFIG_DIR = resolve(ROOT, 'workspaces');
const TOKEN_USER = {
  userName: 'seqera-sync',
  email: 'seqera-sync@biocommons.example.org',
  token: 'demo-token',
};

/**
 * The demo's variables file, passed to `plan` and `apply` with `--vars-file`
 * (as CI passes `SEQERA_SYNC_VARS`): harmless values for every `${NAME}` of
 * workspaces/, each under its own `org/workspace` key.
 */
export const DEMO_VARS_FILE = 'src/demo/demo-vars.json';

/** The value the emulator is seeded with for a variable (its name is unique in the estate). */
function seedValue(variables: Variables, name: string): string {
  for (const values of variables.scopes.values()) {
    const value = values.get(name);
    if (value !== undefined) return value;
  }
  return 'demo';
}

export interface DemoIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  /** Passed to the CLI (the process environment in `npm run demo`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The CLI to run (default: the build in `dist/`; tests pass the sources'). */
  readonly cli?: CliEntry;
}

/** Runs the demo; resolves to the exit code (0 only when the last plan is empty). */
export async function runDemo(io: DemoIo): Promise<number> {
  const out = io.stdout;
  let cli: CliEntry;
  try {
    cli = io.cli ?? (await loadBuiltCli(ROOT));
  } catch (error) {
    if (!(error instanceof BuiltCliMissingError)) throw error;
    io.stderr(`demo: ${error.message}\n`);
    return 1;
  }
  const loaded = await loadDesiredState(CONFIG_DIR);
  if (!loaded.ok) {
    out('The example estate in workspaces/ is invalid; run `npx seqera-sync validate` to see why.\n');
    return 1;
  }
  const variables = await readVariables({}, ROOT, DEMO_VARS_FILE);
  const seed = applyDemoDrift(
    seedFromDesired(loaded.value, {
      tokenUser: TOKEN_USER,
      secretValue: (name) => seedValue(variables, name),
    }),
  );
  const emulator = await startEmulator({ seed, ceCreateDelayMs: 1500, ceDeleteDelayMs: 1000 });
  try {
    const env: Record<string, string | undefined> = {
      ...io.env,
      TOWER_API_ENDPOINT: emulator.endpoint,
      TOWER_ACCESS_TOKEN: emulator.token,
      // The demo's variables come from its file only.
      SEQERA_SYNC_VARS: undefined,
    };
    const deps: CliDeps = {
      stdout: out,
      stderr: io.stderr,
      env,
      cwd: ROOT,
      stdinIsTTY: false,
      stdoutIsTTY: io.isTTY,
      stderrIsTTY: io.isTTY,
      confirm: () => Promise.resolve(false),
      makeClient: cli.createApiClient,
    };
    out(`seqera-sync demo: the Seqera Platform emulator is running at ${emulator.endpoint}\n`);
    out('It holds the estate of workspaces/ as staff would find it after some changes by hand:\n');
    out(`  - ${DEMO_DRIFT.handAddedParticipant} was added to community-pipelines in the web UI\n`);
    out(
      `  - ${DEMO_DRIFT.roleChanged.email} was made ${DEMO_DRIFT.roleChanged.to} there (the file says ${DEMO_DRIFT.roleChanged.from})\n`,
    );
    out(`  - the compute environment ${DEMO_DRIFT.computeEnvironment} had its maxCpus changed\n`);
    out(`  - the workspace ${DEMO_DRIFT.missingWorkspace} has not been created yet\n`);
    const steps: readonly (readonly string[])[] = [
      ['validate'],
      ['plan', '--vars-file', DEMO_VARS_FILE],
      ['apply', '--yes', '--vars-file', DEMO_VARS_FILE],
      ['plan', '--detailed-exitcode', '--vars-file', DEMO_VARS_FILE],
    ];
    let code = 0;
    for (const argv of steps) {
      out(`\n$ seqera-sync ${argv.join(' ')}\n`);
      code = await cli.run(argv, deps);
      if (code === 1) {
        out(`\nThe demo stopped: 'seqera-sync ${argv.join(' ')}' exited 1.\n`);
        return 1;
      }
    }
    if (code !== 0) out('\nThe second plan is not empty: the demo did not converge.\n');
    return code === 0 ? 0 : 1;
  } finally {
    await emulator.stop();
  }
}
