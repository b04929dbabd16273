/**
 * Where each test file runs.
 *
 * Most test files share worker processes (vitest `isolate: false`): each
 * worker imports the product, the emulator and the test helpers once and runs
 * file after file, instead of starting a process and importing everything
 * again for every file. That is safe for a file that leaves nothing behind in
 * the process, which holds for the product (its dependencies are injected)
 * and for tests that use the emulator, temp folders and child processes.
 *
 * What a file does is read from it and from the test helpers it imports
 * (followed through relative imports under `tests/`):
 * - `vi.mock`/`vi.doMock` (module registry), `vi.stubGlobal`/`vi.stubEnv`
 *   (globals and environment) or fake timers: a process of its own;
 * - nock, which patches `http` for the whole process (a later file's real
 *   sockets would go through it): shared only with the other nock files,
 *   which all expect it.
 * The scan runs when vitest loads its config, so a new file is placed by what
 * it does, with no list to keep.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What changes the process for every later file (a mention inside a string or comment does not count). */
const PROCESS_WIDE = /(?<![`'"\w.])vi\.(?:mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(/;

/** nock: it patches `http` for the whole process, which every file that uses it expects. */
const NOCK = /(?:from\s+['"]nock['"]|import\(\s*['"]nock['"]\s*\))/;

/** Relative imports of a module (static `from '…'` and dynamic `import('…')`). */
const RELATIVE_IMPORT = /(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** What a file (or a test helper it imports) does to the process. */
export interface ProcessUse {
  readonly nock: boolean;
  readonly processWide: boolean;
}

function stripComments(source: string): string {
  return source.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The `.ts` file a relative `.js` import names, when it exists. */
function resolveImport(from: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target, `${target}.ts`]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * What `file` (a test file or test helper) does to the process, directly or
 * through the helpers it imports from `testsRoot`. Product code (outside
 * `testsRoot`) is not followed: it takes its IO as parameters.
 */
export function processUse(
  file: string,
  testsRoot: string,
  seen: Map<string, ProcessUse> = new Map(),
): ProcessUse {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, { nock: false, processWide: false }); // an import cycle adds nothing
  const source = stripComments(readFileSync(file, 'utf8'));
  let nock = NOCK.test(source);
  let processWide = PROCESS_WIDE.test(source);
  for (const match of source.matchAll(RELATIVE_IMPORT)) {
    const imported = resolveImport(file, match[1]!);
    if (imported === undefined || !imported.startsWith(testsRoot + path.sep)) continue;
    const use = processUse(imported, testsRoot, seen);
    nock ||= use.nock;
    processWide ||= use.processWide;
  }
  const result = { nock, processWide };
  seen.set(file, result);
  return result;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

export interface Placement {
  /** Files that change the process for whoever runs next: one process each. */
  readonly ownProcess: readonly string[];
  /** Files that use nock (and nothing else process-wide): they share processes among themselves. */
  readonly nock: readonly string[];
}

/** Where the test files under `testsRoot` run, as paths relative to `root`, sorted. */
export function placeTestFiles(root: string, testsRoot: string = path.join(root, 'tests')): Placement {
  const seen = new Map<string, ProcessUse>();
  const ownProcess: string[] = [];
  const nock: string[] = [];
  for (const file of testFiles(testsRoot)) {
    const use = processUse(file, testsRoot, seen);
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (use.processWide) ownProcess.push(relative);
    else if (use.nock) nock.push(relative);
  }
  return { ownProcess: ownProcess.sort(), nock: nock.sort() };
}
