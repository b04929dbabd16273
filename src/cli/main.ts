/**
 * `run(argv, deps)`: the whole CLI as a function, returning the exit code.
 * The single place where errors become exit codes and messages.
 */
import { CommanderError, type Command } from 'commander';
import { ApiError } from '../api/errors.js';
import { ConfigInvalidError, ExitCode, SyncError, UsageError } from '../errors.js';
import type { CliDeps } from '../usecases/deps.js';
import { escapeTextLines } from '../render/escape-text.js';
import { textLine } from './commands/validate.js';
import { buildProgram } from './program.js';
import { buildRedactor } from './redact.js';

export async function run(argv: readonly string[], rawDeps: CliDeps): Promise<ExitCode> {
  const redact = buildRedactor(rawDeps.env);
  const deps: CliDeps = {
    ...rawDeps,
    stdout: (text) => {
      rawDeps.stdout(redact(text));
    },
    stderr: (text) => {
      rawDeps.stderr(redact(text));
    },
  };
  let code: ExitCode = ExitCode.Ok;
  const program = buildProgram(deps, (c) => {
    code = c;
  });
  const output = {
    writeOut: deps.stdout,
    writeErr: deps.stderr,
    outputError: (text: string, write: (text: string) => void) => {
      write(sameErrorPrefix(text));
    },
  };
  program.exitOverride();
  program.configureOutput(output);
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput(output);
  }
  try {
    rejectSingleDashLongOptions(argv, program);
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    return reportError(err, deps, argv.includes('--verbose'));
  }
}

/**
 * Commander starts its own messages (an unknown option, a missing argument)
 * with `error: `; every other error line says `Error: `, so they read alike.
 */
export function sameErrorPrefix(text: string): string {
  return text.replace(/^error: /, 'Error: ');
}

/**
 * `-detailed-exitcode` (Terraform spells its flags with one dash) would be read
 * as a cluster of short flags; when `--detailed-exitcode` exists, say so.
 */
function rejectSingleDashLongOptions(argv: readonly string[], program: Command): void {
  const longs = new Set(
    [program, ...program.commands].flatMap((c) =>
      c.options.map((o) => o.long).filter((l) => l !== undefined),
    ),
  );
  for (const arg of argv) {
    if (arg === '--') return;
    const name = /^-([a-z][a-z-]+)(=.*)?$/.exec(arg)?.[1];
    if (name !== undefined && longs.has(`--${name}`)) {
      throw new UsageError(`unknown option '${arg}' (did you mean --${name}?)`);
    }
  }
}

/**
 * Maps any error to an exit code and one clear message on stderr (stack only
 * with --verbose, for bugs). Messages may quote the platform or a file: their
 * control characters are shown, never sent to the terminal.
 */
export function reportError(err: unknown, deps: CliDeps, verbose: boolean): ExitCode {
  if (err instanceof CommanderError) {
    // Commander already printed its message (help, version, or a usage error).
    return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Failure;
  }
  if (err instanceof ConfigInvalidError) {
    for (const diagnostic of err.diagnostics) deps.stderr(`${textLine(diagnostic)}\n`);
    deps.stderr(`Error: ${escapeTextLines(err.message)}\n`);
    return ExitCode.Failure;
  }
  if (err instanceof ApiError || err instanceof SyncError) {
    deps.stderr(`Error: ${escapeTextLines(err.message)}\n`);
    return ExitCode.Failure;
  }
  const message = escapeTextLines(err instanceof Error ? err.message : String(err));
  deps.stderr(`Error: internal error: ${message}\n(this is a bug in seqera-sync; please report it)\n`);
  if (verbose && err instanceof Error && err.stack !== undefined) deps.stderr(`${err.stack}\n`);
  return ExitCode.Failure;
}
