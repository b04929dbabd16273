/**
 * The parsed OpenAPI spec, shared by every test file of a run. Parsing the
 * 570 kB YAML takes seconds of CPU, and each test file runs in a fresh module
 * registry, so the parse is kept on disk as JSON (a fraction of the cost to
 * read), keyed by the SHA-256 of the spec text: an edited spec is parsed
 * again, never served stale. The cache lives under `node_modules/.cache/`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { REPO_ROOT } from './openapi-spec.js';

export const SPEC_CACHE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'seqera-sync-tests');

/** The YAML at `specPath`, parsed (from the cache when this exact text was parsed before). */
export function readOpenApiSpec(specPath: string, cacheDir: string = SPEC_CACHE_DIR): unknown {
  const text = readFileSync(specPath, 'utf8');
  const digest = createHash('sha256').update(text).digest('hex');
  const cached = path.join(cacheDir, `openapi-${digest}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as unknown;
  } catch {
    // Not cached yet (or unreadable): parse and cache below.
  }
  const spec: unknown = parse(text);
  const json = JSON.stringify(spec);
  // Only a spec that survives the JSON round trip unchanged is cached.
  if (isDeepStrictEqual(JSON.parse(json), spec)) {
    mkdirSync(cacheDir, { recursive: true });
    const aside = `${cached}.${String(process.pid)}.tmp`;
    writeFileSync(aside, json);
    renameSync(aside, cached);
  }
  return spec;
}
