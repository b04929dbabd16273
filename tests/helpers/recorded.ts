/**
 * Locates the real platform responses recorded in `../shared/seqera-api/recorded/`
 * (never copied into this repository) for the tests that check the tool and
 * the emulator against them.
 *
 * - `SEQERA_RECORDED_DIR` set: that folder (relative paths resolve against the
 *   repo root). If it is missing this THROWS, so CI (which sets the variable)
 *   fails instead of silently skipping.
 * - otherwise `../shared/seqera-api/recorded` relative to the repo root; when
 *   absent the caller gets a `skipReason` to pass to `describe.skipIf`, except
 *   with `CI=true`, where absence throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './openapi-spec.js';

export const DEFAULT_RECORDED_DIR = path.join(REPO_ROOT, '..', 'shared', 'seqera-api', 'recorded');

export type RecordedLocation = { readonly dir: string } | { readonly skipReason: string };

export function locateRecorded(
  env: Readonly<Record<string, string | undefined>> = process.env,
): RecordedLocation {
  const explicit = env.SEQERA_RECORDED_DIR;
  if (explicit !== undefined && explicit !== '') {
    const resolved = path.resolve(REPO_ROOT, explicit);
    if (!existsSync(path.join(resolved, 'PROVENANCE.json'))) {
      throw new Error(
        `SEQERA_RECORDED_DIR is set to '${explicit}' but ${resolved} holds no recorded responses (no PROVENANCE.json)`,
      );
    }
    return { dir: resolved };
  }
  if (existsSync(path.join(DEFAULT_RECORDED_DIR, 'PROVENANCE.json'))) return { dir: DEFAULT_RECORDED_DIR };
  if (env.CI === 'true') {
    throw new Error(
      `recorded platform responses not found at ${DEFAULT_RECORDED_DIR} and SEQERA_RECORDED_DIR is not set`,
    );
  }
  return {
    skipReason: `recorded platform responses not found at ${DEFAULT_RECORDED_DIR} and SEQERA_RECORDED_DIR is not set: tests against them skipped`,
  };
}

/** The location for this test run, with the skip reason printed once when absent. */
export function recordedOrSkip(): {
  readonly dir: string | undefined;
  readonly skipReason: string | undefined;
} {
  const located = locateRecorded();
  if ('skipReason' in located) {
    console.warn(located.skipReason);
    return { dir: undefined, skipReason: located.skipReason };
  }
  return { dir: located.dir, skipReason: undefined };
}

/** One recorded response, parsed. */
export function readRecorded(dir: string, fixture: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, fixture), 'utf8')) as unknown;
}
