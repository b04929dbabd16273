/**
 * The layering of `src/` is an allowlist (`layers.ts`) and the files import
 * one another without cycles. The checker is also run on a small tree with a
 * cycle and forbidden imports, to show that it reports them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/openapi-spec.js';
import { buildImportGraph, describeCycle, findCycles, type ImportGraph } from './import-graph.js';
import { checkLayers, checkTable, type LayersTable } from './layer-check.js';
import { layers } from './layers.js';
import { importSpecifiers } from './scan-imports.js';

const TABLE_FILE = 'tests/architecture/layers.ts';

async function readTree(root: string): Promise<ImportGraph> {
  const entries = await readdir(join(REPO_ROOT, root), { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(REPO_ROOT.length + 1)
        .split('\\')
        .join('/'),
    );
  const typescript = paths.filter((file) => file.endsWith('.ts'));
  const texts = await Promise.all(typescript.map((path) => readFile(join(REPO_ROOT, path), 'utf8')));
  const sources = new Map(typescript.map((path, index) => [path, texts[index] ?? ''] as const));
  return buildImportGraph(
    sources,
    paths.filter((file) => !file.endsWith('.ts')),
  );
}

describe('the layering of src/', () => {
  const options = { root: 'src', tableFile: TABLE_FILE };
  let graph: ImportGraph;
  beforeAll(async () => {
    graph = await readTree('src');
  });

  it('reads the whole tree', () => {
    expect(graph.files).toContain('src/cli/program.ts');
    expect(graph.edges).toContainEqual({ from: 'src/bin.ts', to: 'src/cli/main.ts' });
  });

  it('has no file-level import cycle', () => {
    expect(findCycles(graph).map(describeCycle)).toEqual([]);
  });

  it('declares every folder and every import that crosses folders', () => {
    expect([...checkTable(layers, graph, options), ...checkLayers(layers, graph, options)]).toEqual([]);
  });
});

/** The folders the lint config forbids `process` and `Date` in, from its text. */
async function lintPureFolders(): Promise<string[]> {
  const config = await readFile(join(REPO_ROOT, 'eslint.config.js'), 'utf8');
  const block = /files: \[([^\]]*)\],\s*rules: \{\s*'no-restricted-globals'/.exec(config);
  return [...(block?.[1] ?? '').matchAll(/'src\/([^/']+)\/\*\*'/g)].map((match) => match[1] ?? '').sort();
}

describe('the lint rules of the pure folders', () => {
  it('cover exactly the folders the layers table marks pure', async () => {
    const pure = Object.entries(layers as LayersTable)
      .filter(([, rule]) => rule.pure === true)
      .map(([layer]) => layer)
      .sort();
    expect(pure).toEqual(['model', 'plan', 'render']);
    expect(await lintPureFolders()).toEqual(pure);
  });
});

describe('the import scanner', () => {
  it('sees static, type-only, re-exported and dynamic imports, and nothing in comments or strings', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B } from './b.js';",
      "export { C } from './c.js';",
      "export * from './d.js';",
      "const e = await import('./e.js');",
      "type F = import('./f.js').F;",
      "import './g.js';",
      "// import { h } from './comment.js';",
      'const s = "import { i } from \'./string.js\'";',
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      './f.js',
      './g.js',
    ]);
  });

  it('is not fooled by templates, regular expressions, divisions or look-alike words', () => {
    const text = [
      "const t = `${'import \\'./in-template.js\\''} ${`nested ${x}`}`;",
      "const quote = /'/g; const slashes = /\\/\\/ import './in-regex.js'/;",
      "const ratio = a / b / c; import { real } from './after-division.js';",
      "/* import './in-block.js'; */ const url = import.meta.url;",
      "const list = Array.from('./not-an-import.js'); const o = { from: './key.js' };",
      "import legacy = require('./required.js');",
      "export type * as T from './type-star.js';",
      'const done = `${a}`; import last from "./last.js";',
    ].join('\n');
    expect(importSpecifiers(text)).toEqual([
      './after-division.js',
      './required.js',
      './type-star.js',
      './last.js',
    ]);
  });

  it('resolves .js specifiers to .ts files, spells built-ins node:<name>, and reports what it cannot resolve', () => {
    const graph = buildImportGraph(
      new Map([
        [
          'src/a/one.ts',
          "import { x } from './two.js';\nimport data from '../b/data.json';\nimport { readFile } from 'fs/promises';\nimport { y } from './gone.js';",
        ],
        ['src/a/two.ts', 'export const x = 1;'],
      ]),
      ['src/b/data.json'],
    );
    expect(graph.edges).toEqual([
      { from: 'src/a/one.ts', to: 'src/a/two.ts' },
      { from: 'src/a/one.ts', to: 'src/b/data.json' },
    ]);
    expect(graph.packages).toEqual([{ from: 'src/a/one.ts', specifier: 'node:fs/promises' }]);
    expect(graph.unresolved).toEqual([{ from: 'src/a/one.ts', specifier: './gone.js' }]);
  });
});

describe('the checker on a tree that breaks the rules', () => {
  const table: LayersTable = {
    model: { pure: true, mayImport: [], packages: [] },
    api: { mayImport: [], packages: ['axios'] },
    cli: { mayImport: ['model', 'api'], packages: ['commander'] },
  };
  const options = { root: 'src', tableFile: 'layers.ts' };
  const graph = buildImportGraph(
    new Map([
      // model imports api (not allowed) and does IO (pure)
      [
        'src/model/plan.ts',
        "import type { Client } from '../api/client.js';\nimport { readFileSync } from 'node:fs';",
      ],
      // a cycle of three files across two folders, one edge type-only, one dynamic
      ['src/cli/program.ts', "import { run } from './commands/run.js';"],
      ['src/cli/commands/run.ts', "import type { SetExit } from '../exit.js';"],
      ['src/cli/exit.ts', "export type SetExit = (code: number) => void;\nconst p = import('./program.js');"],
      ['src/api/client.ts', "import axios from 'axios';\nimport { Command } from 'commander';"],
      // a folder with no row
      ['src/kinds/index.ts', "import type { Plan } from '../model/plan.js';"],
      ['src/bin.ts', "import { main } from './cli/program.js';"],
    ]),
  );

  it('reports the cycle as a path list that starts and ends with the same file', () => {
    expect(findCycles(graph).map(describeCycle)).toEqual([
      'src/cli/commands/run.ts -> src/cli/exit.ts -> src/cli/program.ts -> src/cli/commands/run.ts',
    ]);
  });

  it('names every file of a group whose rings overlap', () => {
    const rings = buildImportGraph(
      new Map([
        ['src/a.ts', "import './b.js';"],
        ['src/b.ts', "import './a.js';\nimport './c.js';"],
        ['src/c.ts', "import './b.js';"],
      ]),
    );
    expect(findCycles(rings).map(describeCycle)).toEqual([
      'src/a.ts -> src/b.ts -> src/a.ts (one ring among 3 files that import one another: src/a.ts, src/b.ts, src/c.ts)',
    ]);
  });

  it('reports a file that imports itself', () => {
    const self = buildImportGraph(new Map([['src/model/a.ts', "export * from './a.js';"]]));
    expect(findCycles(self).map(describeCycle)).toEqual(['src/model/a.ts -> src/model/a.ts']);
  });

  it('reports every forbidden import with the file, what it imports, the rule and where to declare it', () => {
    expect(checkLayers(table, graph, options)).toEqual([
      'src/bin.ts: folder "root" has no row in layers.ts; add one saying which folders and packages it may import.',
      'src/kinds/index.ts: folder "kinds" has no row in layers.ts; add one saying which folders and packages it may import.',
      'src/model/plan.ts imports src/api/client.ts: folder "model" may not import folder "api". ' +
        'If the dependency is intended, add "api" to model.mayImport in layers.ts.',
      'src/model/plan.ts imports "node:fs": folder "model" is pure (pure: true in layers.ts) and may not import IO modules; ' +
        'do the IO in an impure folder and pass the data in.',
      'src/api/client.ts imports "commander": the package is not in api.packages. ' +
        'If the dependency is intended, add it there in layers.ts.',
    ]);
  });

  it('accepts imports the table declares, and a one-file exception allows that file only', () => {
    const tree = buildImportGraph(
      new Map([
        ['src/cli/main.ts', "import { x } from '../api/client.js';\nimport { y } from '../model/plan.js';"],
        ['src/cli/version.ts', 'export const z = 1;'],
        ['src/model/plan.ts', 'export const y = 1;'],
        ['src/api/client.ts', "import axios from 'axios';\nimport { z } from '../cli/version.js';"],
        ['src/api/startup.ts', "import '../cli/main.js';"],
      ]),
    );
    const allowing: LayersTable = { ...table, api: { mayImport: ['cli/version.ts'], packages: ['axios'] } };
    expect(checkTable(allowing, tree, options)).toEqual([]);
    expect(checkLayers(allowing, tree, options)).toEqual([
      'src/api/startup.ts imports src/cli/main.ts: folder "api" may not import folder "cli". ' +
        'If the dependency is intended, add "cli" to api.mayImport in layers.ts.',
    ]);
  });

  it('asks to remove a one-file exception that no import needs any more', () => {
    const tree = buildImportGraph(
      new Map([
        ['src/cli/version.ts', 'export const z = 1;'],
        ['src/api/client.ts', "import axios from 'axios';"],
      ]),
    );
    const stale: LayersTable = { ...table, api: { mayImport: ['cli/version.ts'], packages: ['axios'] } };
    expect(checkLayers(stale, tree, options)).toEqual([
      'layers.ts: "api" may import the file "cli/version.ts", but none of its files does; remove the entry.',
    ]);
  });

  it('reports mistakes in the table itself', () => {
    const broken: LayersTable = {
      model: { pure: true, mayImport: ['model'], packages: ['node:fs/promises'] },
      cli: { mayImport: ['modle', 'model/gone.ts'], packages: [] },
    };
    expect(checkTable(broken, graph, options)).toEqual([
      'layers.ts: "model" lists itself in mayImport; a folder may always import itself.',
      'layers.ts: "model" is pure but lists the IO module "node:fs/promises" in packages; a pure folder does no IO.',
      'layers.ts: "cli" may import "modle", which has no row of its own; declare the folder or fix the name.',
      'layers.ts: "cli" may import "model/gone.ts", which is not a file of src/; remove the entry.',
    ]);
  });
});
