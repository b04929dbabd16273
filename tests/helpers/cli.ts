/** Runs the real CLI in-process with captured output and injected env. */
import { createApiClient } from '../../src/api/client.js';
import type { ApiClientOptions } from '../../src/api/client-options.js';
import type { ApiClient } from '../../src/api/api-client.js';
import type { CliDeps } from '../../src/usecases/deps.js';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly tty?: boolean;
  readonly confirm?: (question: string) => Promise<boolean>;
  readonly makeClient?: (options: ApiClientOptions) => ApiClient;
  /** Stands in for Ctrl+C: see `CliDeps.onInterrupt`. */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** Sees every stderr write as it happens (e.g. to press Ctrl+C after the first progress line). */
  readonly onStderr?: (text: string) => void;
  /** The CLI's clock (see `CliDeps.now`). */
  readonly now?: () => number;
}

/**
 * The emulator has no rate limit, so the client's pacing (18 requests a
 * second) would only make the tests wait: every run gets this default unless
 * its env sets the variable (tests of the pacing, and of the variable, do).
 */
const UNPACED: Readonly<Record<string, string>> = { SEQERA_SYNC_MAX_RPS: '1000' };

export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const deps: CliDeps = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
      options.onStderr?.(t);
    },
    env: { ...UNPACED, ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stdinIsTTY: options.tty ?? false,
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    confirm: options.confirm ?? (() => Promise.resolve(false)),
    makeClient: options.makeClient ?? createApiClient,
    ...(options.onInterrupt === undefined ? {} : { onInterrupt: options.onInterrupt }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
  const code = await run(argv, deps);
  return { code, stdout, stderr };
}

/** What `cliAgainst` needs of a running emulated platform (a `useEmulator` fixture: read at each call). */
export interface EmulatedPlatform {
  readonly emu: { readonly endpoint: string; readonly token: string };
}

/**
 * The CLI against an emulated platform, run in the folder `cwd()` returns:
 * every command but `validate` (offline: it refuses `--endpoint`) gets the
 * platform's endpoint, and its token is in the environment.
 */
export function cliAgainst(
  platform: EmulatedPlatform,
  cwd: () => string,
  options: Pick<CliOptions, 'makeClient'> = {},
): (args: readonly string[]) => Promise<CliResult> {
  return (args) =>
    runCli([...args, ...(args[0] === 'validate' ? [] : ['--endpoint', platform.emu.endpoint])], {
      ...options,
      env: { TOWER_ACCESS_TOKEN: platform.emu.token },
      cwd: cwd(),
    });
}
