/**
 * Which test files need a process of their own.
 *
 * Most test files share worker processes (vitest `isolate: false`): each
 * worker imports the product, the emulator and the test helpers once and runs
 * file after file, instead of starting a process and importing everything
 * again for every file. That is safe for a file that leaves nothing behind in
 * the process, which holds for the product (its dependencies are injected)
 * and for tests that use the emulator, temp folders and child processes.
 *
 * A file that changes the process for whoever runs next gets its own
 * process: it (or a test helper it imports, followed through relative
 * imports under `tests/`) uses nock (which patches `http` for the whole
 * process), `vi.mock`/`vi.doMock` (module registry), `vi.stubGlobal` /
 * `vi.stubEnv` (globals and environment) or fake timers. The scan runs when
 * vitest loads its config, so a new file is placed by what it does, with no
 * list to keep.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What marks a file as changing process-wide state (a mention inside a string or comment does not count). */
const PROCESS_WIDE =
  /(?:from\s+['"]nock['"]|import\(\s*['"]nock['"]\s*\)|(?<![`'"\w.])vi\.(?:mock|doMock|stubGlobal|stubEnv|useFakeTimers)\()/;

/** Relative imports of a module (static `from '…'` and dynamic `import('…')`). */
const RELATIVE_IMPORT = /(?:from\s+|import\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

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
 * Whether `file` (a test file or test helper) changes process-wide state,
 * directly or through the helpers it imports from `testsRoot`. Product code
 * (outside `testsRoot`) is not followed: it takes its IO as parameters.
 */
export function changesProcessState(
  file: string,
  testsRoot: string,
  seen: Map<string, boolean> = new Map(),
): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // an import cycle adds nothing
  const source = stripComments(readFileSync(file, 'utf8'));
  let result = PROCESS_WIDE.test(source);
  if (!result) {
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      const imported = resolveImport(file, match[1]!);
      if (imported === undefined || !imported.startsWith(testsRoot + path.sep)) continue;
      if (changesProcessState(imported, testsRoot, seen)) {
        result = true;
        break;
      }
    }
  }
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

/** The test files under `testsRoot` that need a process of their own, relative to `root`, sorted. */
export function filesNeedingOwnProcess(root: string, testsRoot: string = path.join(root, 'tests')): string[] {
  const seen = new Map<string, boolean>();
  return testFiles(testsRoot)
    .filter((file) => changesProcessState(file, testsRoot, seen))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
}
