/**
 * Vitest global setup: work every test file would otherwise repeat, done once
 * per run before the files start.
 *
 * - `dist/generated/schema-validators.cjs` is brought up to date with
 *   `schemas/` (as `npm run build` does), so the CLI under test loads the
 *   generated validators instead of compiling the schemas in every file;
 *   nothing is written when it is current.
 * - The official OpenAPI spec, when present, is parsed into the on-disk cache
 *   the contract checker reads.
 */
import { writeGeneratedValidators } from '../../src/config/generate-validators.js';
import { locateOpenApiSpec } from './openapi-spec.js';
import { readOpenApiSpec } from './openapi-spec-cache.js';

export async function setup(): Promise<void> {
  await writeGeneratedValidators();
  let spec: ReturnType<typeof locateOpenApiSpec>;
  try {
    spec = locateOpenApiSpec();
  } catch {
    return; // A named but missing spec fails the contract tests themselves, with their message.
  }
  if ('path' in spec) readOpenApiSpec(spec.path);
}
