/**
 * The folder READMEs under `src/` are the map a reader of the code follows:
 * every top-level folder has one, and every file or link they name exists, so
 * a file that moves or is renamed shows up here until its README follows.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const SRC = join(REPO_ROOT, 'src');
/** Files a tool writes (ignored by git), which a README may name without their existing. */
const GENERATED = new Set(['bench-results.json']);

async function readmes(): Promise<string[]> {
  const entries = await readdir(SRC, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === 'README.md')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The folders directly inside `dir` (a README may name a file of any of them by its bare name). */
function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** Whether `name` (as a README in `dir` writes it) is a file of the repository. */
function exists(dir: string, name: string): boolean {
  const candidates = name.includes('/')
    ? [join(dir, name), join(REPO_ROOT, name)]
    : [join(dir, name), join(REPO_ROOT, name), ...subfolders(dir).map((d) => join(dir, d, name))];
  return candidates.some((candidate) => existsSync(candidate));
}

describe('folder READMEs under src/', () => {
  it('exist for src/ and each of its folders', async () => {
    const folders = (await readdir(SRC, { withFileTypes: true })).filter((e) => e.isDirectory());
    const missing = ['', ...folders.map((f) => f.name)].filter((f) => !existsSync(join(SRC, f, 'README.md')));
    expect(missing).toEqual([]);
  });

  it('name only files and links that exist', async () => {
    const broken: string[] = [];
    for (const file of await readmes()) {
      const text = await readFile(file, 'utf8');
      const dir = dirname(file);
      const named = [...text.matchAll(/`([\w./-]+\.(?:ts|json|md))`/g)].map((m) => m[1] ?? '');
      const linked = [...text.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '');
      for (const name of [...named, ...linked]) {
        if (!GENERATED.has(name) && !exists(dir, name)) broken.push(`${relative(REPO_ROOT, file)}: ${name}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('src/kinds/README.md names every kind folder (`<kind>/`), so a new kind is on the map', async () => {
    const text = await readFile(join(SRC, 'kinds', 'README.md'), 'utf8');
    const unnamed = subfolders(join(SRC, 'kinds')).filter((kind) => !text.includes(`\`${kind}/\``));
    expect(unnamed).toEqual([]);
  });
});
