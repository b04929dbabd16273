/**
 * Every endpoint the client can send: the `operations(...)` values exported
 * by a module under `src/kinds/` (each kind's `api.ts`) or `src/api/` (user
 * info, quotas), found by importing each module. The client contract test
 * holds each of their methods to the OpenAPI spec, so a new kind's endpoints
 * are checked without being listed anywhere.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isOperations, type Operations } from '../../src/api/operations.js';
import { REPO_ROOT } from './openapi-spec.js';

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modulesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export async function everyOperations(): Promise<Operations<object>[]> {
  const found: Operations<object>[] = [];
  const files = ['kinds', 'api'].flatMap((dir) => modulesUnder(path.join(REPO_ROOT, 'src', dir)));
  for (const file of files.sort()) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    found.push(...Object.values(exports).filter(isOperations));
  }
  return found;
}
