/**
 * The CLI never reaches the developer tools: no file reachable from its entry
 * (`src/bin.ts`), nor from any other file the build compiles, imports
 * `src/bench` or `src/demo` — type-only imports included, since the compiler
 * would pull those files into the build (and `dist/`) all the same. Imports
 * are read by the compiler's own scanner (static, re-exports and `import()`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildFiles } from '../../helpers/build-files.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const TOOLING = ['src/bench/', 'src/demo/'];

function repoPath(absolute: string): string {
  return relative(REPO_ROOT, absolute).split(sep).join('/');
}

/** The repository files `file` imports by a relative specifier (`./x.js` is the source `./x.ts`). */
function relativeImports(file: string): string[] {
  const absolute = join(REPO_ROOT, file);
  const scanned = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
  return scanned.importedFiles
    .map((i) => i.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const target = resolve(dirname(absolute), specifier.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${file}: cannot resolve '${specifier}'`);
      return repoPath(target);
    });
}

/** Every file reachable from `entries`, each with the import chain that first reached it. */
function reach(entries: readonly string[]): Map<string, readonly string[]> {
  const chains = new Map<string, readonly string[]>();
  const queue: string[] = [];
  for (const entry of entries) {
    chains.set(entry, [entry]);
    queue.push(entry);
  }
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = chains.get(file) ?? [file];
    for (const target of relativeImports(file)) {
      if (chains.has(target)) continue;
      chains.set(target, [...chain, target]);
      queue.push(target);
    }
  }
  return chains;
}

/** The chains that end in a developer tool, as `a → b → c`. */
function toolingChains(reached: Map<string, readonly string[]>): string[] {
  return [...reached.entries()]
    .filter(([file]) => TOOLING.some((folder) => file.startsWith(folder)))
    .map(([, chain]) => chain.join(' → '));
}

describe('the CLI and the developer tools', () => {
  it('nothing src/bin.ts reaches imports src/bench or src/demo', () => {
    const reached = reach(['src/bin.ts']);
    // The walk follows the CLI through its layers (so an empty result means something).
    for (const file of [
      'src/cli/main.ts',
      'src/api/client.ts',
      'src/plan/compute-plan.ts',
      'src/emulator/index.ts',
    ]) {
      expect(reached.has(file), file).toBe(true);
    }
    expect(toolingChains(reached)).toEqual([]);
  });

  it('nothing the build compiles imports src/bench or src/demo', () => {
    const roots = buildFiles().map((f) => f.source);
    expect(roots).toContain('src/github/cli.ts');
    expect(toolingChains(reach(roots))).toEqual([]);
  });

  it('the walk does see a tool reached through an import (the benchmark reaches the demo module it shares)', () => {
    const chains = toolingChains(reach(['src/bench/run-bench.ts']));
    expect(chains).toContain('src/bench/run-bench.ts → src/bench/main.ts → src/demo/built-cli.ts');
  });
});
