/**
 * Shared setup of the security regression tests: the example estate, an
 * emulator holding it as a perfect apply left it, and the variables as CI
 * holds them — each community's values under its own `org/workspace` key.
 * The attacker is a community maintainer who can edit only their own
 * workspace file (`biocommons/ausgen.yaml`).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { CliResult } from '../helpers/cli.js';

export {
  convergedSeed,
  estateCopy,
  FAST_CE,
  loadEstate,
  sync,
  TOKEN_USER,
  useTempDir,
  VARIABLES,
  writes,
} from '../integration/cli/support.js';
import { TOKEN_USER, VARIABLES } from '../integration/cli/support.js';

/** The attacker's own file, relative to the config dir. */
export const OWN_FILE = 'biocommons/ausgen.yaml';

/** `SEQERA_SYNC_VARS` as staff keep it: every community's values under its own key only. */
export const SCOPED_VARS = JSON.stringify({
  'biocommons/ausgen': {
    AUSGEN_GADI_SSH_KEY: VARIABLES['AUSGEN_GADI_SSH_KEY'],
    AUSGEN_SENTIEON_LICENSE: VARIABLES['AUSGEN_SENTIEON_LICENSE'],
  },
  'biocommons/community-pipelines': {
    BIOCOMMONS_AWS_SECRET_KEY: VARIABLES['BIOCOMMONS_AWS_SECRET_KEY'],
  },
});

/** Runner variables the job also has; a file must never reach them. */
export const RUNNER_ENV = {
  GITHUB_TOKEN: 'ghs_Runner-Distinctive-Token-61d0aa',
  ACTIONS_RUNTIME_TOKEN: 'runtime-Distinctive-Token-0c4e11',
} as const;

/** Every value the attacker must never see printed or saved. */
export const NEVER_SHOWN = [TOKEN_USER.token, ...Object.values(VARIABLES), ...Object.values(RUNNER_ENV)];

/** The environment of the CI job: token, scoped variables and the runner's own variables. */
export function jobEnv(): Record<string, string> {
  return { SEQERA_SYNC_VARS: SCOPED_VARS, ...RUNNER_ENV };
}

/** No value of `NEVER_SHOWN` in anything the run printed. */
export function expectNothingShown(result: CliResult, ...texts: readonly string[]): void {
  for (const value of NEVER_SHOWN) {
    for (const text of [result.stdout, result.stderr, ...texts]) expect(text).not.toContain(value);
  }
}

/** The emulator received no write at all. */
export function expectNoWrites(emu: RunningEmulator, writes: (emu: RunningEmulator) => string[]): void {
  expect(writes(emu)).toEqual([]);
}

/** Names of the files in `dir` (to check that no plan file was left behind). */
export async function filesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  const files: string[] = [];
  for (const name of names) if ((await stat(join(dir, name))).isFile()) files.push(name);
  return files.sort();
}
