/**
 * Typed errors and exit codes. Everything under `src/` throws only these (or
 * `ApiError` from `src/api`); `reportError` in cli/main.ts maps them to exit
 * codes in one place. Messages never contain secrets or the token.
 */
import { countOf } from './model/count-of.js';
import type { Diagnostic } from './model/diagnostics.js';

/** `Interrupted` is the shell's 128 + SIGINT, as for any program stopped by Ctrl+C. */
export const ExitCode = { Ok: 0, Failure: 1, ChangesPresent: 2, Interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class SyncError extends Error {
  override name = 'SyncError';
}

/** Bad flags or arguments. */
export class UsageError extends SyncError {
  override name = 'UsageError';
}

/** The configuration is invalid: carries every diagnostic. */
export class ConfigInvalidError extends SyncError {
  override name = 'ConfigInvalidError';
  /** `summary` replaces the default "N configuration errors" line. */
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    summary?: string,
  ) {
    super(
      summary ?? countOf(diagnostics.filter((d) => d.severity === 'error').length, 'configuration error'),
    );
  }
}

/** A file or directory could not be read or written. */
export class FileError extends SyncError {
  override name = 'FileError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** A saved plan no longer matches the platform (or the endpoint/variables differ). */
export class StalePlanError extends SyncError {
  override name = 'StalePlanError';
}

/** The plan has blocked safety rules. */
export class PlanBlockedError extends SyncError {
  override name = 'PlanBlockedError';
}
