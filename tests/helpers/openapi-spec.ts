/**
 * Locates the official Seqera Platform OpenAPI spec for contract tests.
 *
 * - `SEQERA_OPENAPI_SPEC` set: that path (relative paths resolve against the
 *   repo root). If the file is missing this THROWS, so CI (which sets the
 *   variable) fails instead of silently skipping.
 * - otherwise `../shared/seqera-api/seqera-api-cloud.yaml` relative to the repo
 *   root; when absent the caller gets a `skipReason` to pass to `describe.skipIf`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in `tests/helpers/`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_SPEC_PATH = path.join(REPO_ROOT, '..', 'shared', 'seqera-api', 'seqera-api-cloud.yaml');

export type SpecLocation = { readonly path: string } | { readonly skipReason: string };

export function locateOpenApiSpec(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SpecLocation {
  const explicit = env.SEQERA_OPENAPI_SPEC;
  if (explicit !== undefined && explicit !== '') {
    const resolved = path.resolve(REPO_ROOT, explicit);
    if (!existsSync(resolved)) {
      throw new Error(
        `SEQERA_OPENAPI_SPEC is set to '${explicit}' but no file exists at ${resolved}: the contract tests cannot run`,
      );
    }
    return { path: resolved };
  }
  if (existsSync(DEFAULT_SPEC_PATH)) return { path: DEFAULT_SPEC_PATH };
  return {
    skipReason: `official OpenAPI spec not found at ${DEFAULT_SPEC_PATH} and SEQERA_OPENAPI_SPEC is not set: contract tests skipped`,
  };
}
