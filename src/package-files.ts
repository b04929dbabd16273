/**
 * Files the CLI reads from its own package (`schemas/*.schema.json`,
 * `dist/generated/…`), found from the package's root: the nearest folder
 * above the running module whose `package.json` is this package's. The
 * running module may be a source (`src/<folder>/`, under the tests), a
 * compiled file (`dist/<folder>/`) or a chunk of the bundle that ships
 * (`dist/bin.js`, `dist/chunks/`), so no fixed number of `../` fits them all.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PACKAGE_NAME = 'seqera-sync';

const roots = new Map<string, string>();

function nameIn(folder: string): unknown {
  try {
    return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

/**
 * The nearest folder at or above `folder` whose `package.json` is this
 * package's: the checkout, or the installed package (memoised).
 */
export function packageRootAbove(folder: string): string {
  const known = roots.get(folder);
  if (known !== undefined) return known;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (nameIn(dir) === PACKAGE_NAME) {
      roots.set(folder, dir);
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(`no ${PACKAGE_NAME} checkout or installation above ${folder} (no package.json of it)`);
    }
  }
}

/** A file of this package, by its path from the package's root (`schemas/plan.schema.json`). */
export function packageFileUrl(path: string): URL {
  return pathToFileURL(join(packageRootAbove(dirname(fileURLToPath(import.meta.url))), path));
}
