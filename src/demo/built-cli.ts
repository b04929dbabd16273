/**
 * The CLI that the developer tools (the demo and the benchmark) run: the build
 * in the checkout's `dist/`, which is what `npm run build` makes and what the
 * package ships. The tools are compiled apart (`tsconfig.tools.json`, into
 * `dist-tools/`) and are not in the package, so they reach the CLI here, at
 * run time, instead of importing it: the subject they demonstrate or measure
 * is the shipped JavaScript, not a copy compiled with them. Only types are
 * imported from the CLI's sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ApiClientModule from '../api/client.js';
import type * as CliMainModule from '../cli/main.js';
import type * as HeapTuningModule from '../heap-tuning.js';

/** The package whose checkout the tools belong to. */
const PACKAGE_NAME = 'seqera-sync';

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

/** The nearest folder at or above `start` whose `package.json` is this package's: the checkout. */
export function repositoryRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && packageName(manifest) === PACKAGE_NAME) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no ${PACKAGE_NAME} checkout above ${start}`);
    dir = parent;
  }
}

function packageName(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
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
