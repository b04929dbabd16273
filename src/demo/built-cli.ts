/**
 * The CLI that the developer tools (the demo and the benchmark) run: the build
 * in the checkout's `dist/`, which is what `npm run build` compiles (the
 * package ships the same JavaScript bundled: `rolldown.config.mjs`). The
 * tools are compiled apart (`tsconfig.tools.json`, into `dist-tools/`) and are
 * not in the package, so they reach the CLI here, at run time, instead of
 * importing it: the subject they demonstrate or measure is the build's
 * JavaScript, not a copy compiled with them. Only types are imported from the
 * CLI's sources.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ApiClientModule from '../api/client.js';
import type * as CliMainModule from '../cli/main.js';
import type * as HeapTuningModule from '../heap-tuning.js';
import { packageRootAbove } from '../package-files.js';

/** What a tool needs to run the CLI as its entry (`src/bin.ts`) does: `run` with the real API client. */
export interface CliEntry {
  readonly run: typeof CliMainModule.run;
  readonly createApiClient: typeof ApiClientModule.createApiClient;
}

/** The built CLI, with the heap tuning its entry applies first. */
export interface BuiltCli extends CliEntry {
  readonly tuneHeap: typeof HeapTuningModule.tuneHeap;
}

/** The build is missing: the tools were started without `npm run build`. */
export class BuiltCliMissingError extends Error {
  override name = 'BuiltCliMissingError';
}

/** The checkout the tools run from: the nearest folder at or above `start` holding this package's `package.json`. */
export function repositoryRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  return packageRootAbove(start);
}

/** Loads the CLI from `<root>/dist`; rejects with `BuiltCliMissingError` when the build is not there. */
export async function loadBuiltCli(root: string = repositoryRoot()): Promise<BuiltCli> {
  const dist = join(root, 'dist');
  const entries = { main: 'cli/main.js', client: 'api/client.js', heap: 'heap-tuning.js' };
  const missing = Object.values(entries)
    .map((module) => join(dist, module))
    .filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new BuiltCliMissingError(
      `the built CLI is missing (${missing.join(', ')}): run \`npm run build\` first`,
    );
  }
  const load = (module: string): Promise<unknown> => import(pathToFileURL(join(dist, module)).href);
  const [main, client, heap] = await Promise.all([
    load(entries.main) as Promise<typeof CliMainModule>,
    load(entries.client) as Promise<typeof ApiClientModule>,
    load(entries.heap) as Promise<typeof HeapTuningModule>,
  ]);
  return { run: main.run, createApiClient: client.createApiClient, tuneHeap: heap.tuneHeap };
}
