/**
 * Global options, accepted before or after the command. They are
 * declared on the program and on every subcommand; `readGlobalOptions` merges
 * both and validates them into a typed value.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RPS } from '../api/client.js';
import { UsageError } from '../errors.js';
import type { CliDeps } from '../usecases/deps.js';
import type { GlobalOptions } from '../usecases/global-options.js';

export const DEFAULT_ENDPOINT = 'https://api.cloud.seqera.io';

/**
 * `--max-rps` from the environment, for a platform whose per-token limit is
 * not the cloud's (set once in CI, e.g. as a repository variable, instead of
 * editing every workflow step). Empty counts as unset, so a workflow can pass
 * an undefined variable through.
 */
export const MAX_RPS_ENV = 'SEQERA_SYNC_MAX_RPS';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The global options that change what a command does (colour, verbosity and quiet apply everywhere). */
type ScopedGlobal =
  'configDir' | 'endpoint' | 'workspace' | 'format' | 'maxRps' | 'concurrency' | 'waitTimeout';

const SCOPED_FLAGS: Readonly<Record<ScopedGlobal, string>> = {
  configDir: '--config-dir',
  endpoint: '--endpoint',
  workspace: '--workspace',
  format: '--format',
  maxRps: '--max-rps',
  concurrency: '--concurrency',
  waitTimeout: '--wait-timeout',
};

interface CommandGlobals {
  readonly uses: readonly ScopedGlobal[];
  /** The values `--format` takes for this command (none: it has no formats). */
  readonly formats?: readonly string[];
}

/**
 * Which global options each command uses, so that one given where it does
 * nothing (`new --format json`, `validate --workspace`, `emulator
 * --endpoint`) is refused instead of silently ignored. A command not listed
 * here accepts them all.
 */
export const COMMAND_GLOBALS: Readonly<Record<string, CommandGlobals>> = {
  validate: { uses: ['configDir', 'format'], formats: ['text', 'github', 'json'] },
  plan: {
    uses: ['configDir', 'endpoint', 'workspace', 'format', 'maxRps'],
    formats: ['text', 'markdown', 'json'],
  },
  apply: {
    uses: ['configDir', 'endpoint', 'workspace', 'format', 'maxRps', 'concurrency', 'waitTimeout'],
    formats: ['text', 'json'],
  },
  export: { uses: ['configDir', 'endpoint', 'workspace', 'format', 'maxRps'], formats: ['text', 'json'] },
  new: { uses: ['configDir'] },
  codeowners: { uses: ['configDir'] },
  emulator: { uses: [] },
};

/** Refuses a global option given to a command that does not use it (before or after the command name). */
export function rejectUnusedGlobals(cmd: Command): void {
  const scope = COMMAND_GLOBALS[cmd.name()];
  if (scope === undefined) return;
  const given = { ...(cmd.parent?.opts<RawGlobals>() ?? {}), ...cmd.opts<RawGlobals>() };
  const unused = (Object.keys(SCOPED_FLAGS) as ScopedGlobal[]).filter(
    (key) => given[key] !== undefined && !scope.uses.includes(key),
  );
  if (unused.length === 0) return;
  const flags = unused.map((key) => SCOPED_FLAGS[key]).join(', ');
  const takes = scope.uses.map((key) => SCOPED_FLAGS[key]);
  throw new UsageError(
    `${cmd.name()} does not use ${flags}` +
      (takes.length === 0
        ? ' (it takes none of the global options)'
        : ` (of the global options it takes ${takes.join(', ')})`),
  );
}

export function addGlobalOptions(cmd: Command): Command {
  const formats = COMMAND_GLOBALS[cmd.name()]?.formats;
  const formatHelp =
    formats === undefined
      ? 'output format'
      : `output format: ${formats.join(', ')} (default ${formats[0] ?? ''})`;
  return cmd
    .addOption(new Option('--config-dir <dir>', 'directory of organisation folders (default: workspaces)'))
    .addOption(
      new Option(
        '--endpoint <url>',
        `Seqera Platform API URL (default: $TOWER_API_ENDPOINT, else ${DEFAULT_ENDPOINT})`,
      ),
    )
    .addOption(new Option('--workspace <org/name>', 'only this workspace (repeatable)').argParser(collect))
    .addOption(new Option('--format <format>', formatHelp))
    .addOption(new Option('--max-rps <n>', `requests per second at most (default: $${MAX_RPS_ENV}, else 18)`))
    .addOption(new Option('--concurrency <n>', 'workspaces applied at once (default 4)'))
    .addOption(new Option('--wait-timeout <seconds>', 'compute-environment wait bound (default 1200)'))
    .addOption(
      new Option(
        '--max-response-bytes <n>',
        'largest API response read, in bytes (default 67108864, 64 MiB)',
      ),
    )
    .addOption(new Option('--no-color', 'no colour (also NO_COLOR)'))
    .addOption(new Option('--verbose', 'log each request (never headers or secrets)'))
    .addOption(new Option('--quiet', 'only errors and the result'));
}

interface RawGlobals {
  configDir?: string;
  endpoint?: string;
  workspace?: string[];
  format?: string;
  maxRps?: string;
  concurrency?: string;
  waitTimeout?: string;
  maxResponseBytes?: string;
  color?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

function positiveNumber(flag: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} must be a positive ${integer ? 'whole number' : 'number'}, got '${raw}'`);
  }
  return value;
}

/** `--max-rps`, else a non-empty `SEQERA_SYNC_MAX_RPS`, else 18; an error names where a bad value came from. */
function maxRpsOf(flag: string | undefined, env: string | undefined): number {
  if (flag !== undefined) return positiveNumber('--max-rps', flag, DEFAULT_MAX_RPS, false);
  const fromEnv = env?.trim();
  if (fromEnv === undefined || fromEnv === '') return DEFAULT_MAX_RPS;
  return positiveNumber(`${MAX_RPS_ENV} (the default of --max-rps)`, fromEnv, DEFAULT_MAX_RPS, false);
}

/** Merges program-level and command-level globals (the command's win; `--workspace` lists are joined). */
export function readGlobalOptions(cmd: Command, deps: CliDeps): GlobalOptions {
  const parent: RawGlobals = cmd.parent?.opts<RawGlobals>() ?? {};
  const own: RawGlobals = cmd.opts<RawGlobals>();
  const pick = <K extends keyof RawGlobals>(key: K): RawGlobals[K] => own[key] ?? parent[key];
  const workspaces = [...(parent.workspace ?? []), ...(own.workspace ?? [])];
  for (const ws of workspaces) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(ws)) throw new UsageError(`--workspace takes ORG/NAME, got '${ws}'`);
  }
  const noColorEnv = deps.env.NO_COLOR !== undefined && deps.env.NO_COLOR !== '';
  const colorFlag = own.color !== false && parent.color !== false;
  return {
    configDir: pick('configDir') ?? 'workspaces',
    endpoint: (pick('endpoint') ?? deps.env.TOWER_API_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/+$/, ''),
    workspaces: [...new Set(workspaces)],
    format: pick('format'),
    maxRps: maxRpsOf(pick('maxRps'), deps.env[MAX_RPS_ENV]),
    concurrency: positiveNumber('--concurrency', pick('concurrency'), 4, true),
    waitTimeoutSeconds: positiveNumber('--wait-timeout', pick('waitTimeout'), 1200, false),
    maxResponseBytes: positiveNumber(
      '--max-response-bytes',
      pick('maxResponseBytes'),
      DEFAULT_MAX_RESPONSE_BYTES,
      true,
    ),
    color: colorFlag && !noColorEnv && deps.stdoutIsTTY,
    verbose: pick('verbose') === true,
    quiet: pick('quiet') === true,
  };
}

/** Checks `--format` against the formats a command accepts. */
export function chooseFormat<F extends string>(
  value: string | undefined,
  allowed: readonly F[],
  fallback: F,
): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`--format must be one of ${allowed.join(', ')}, got '${value}'`);
}
