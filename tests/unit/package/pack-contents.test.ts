/**
 * What the published package holds: `npm pack --dry-run` run on a mirror of
 * the checkout whose `dist/` and `dist-tools/` are laid out as `npm run build`
 * and `npm run build:tools` would lay them out: the outputs the compiler maps
 * each config's sources to (as empty files), the generated validators, and the
 * bundle that ships (built for real from the sources, with the repository's
 * `rolldown.config.mjs`, since its chunk names come from its contents). The
 * mirror keeps every other file's name (and the real `package.json` and ignore
 * files, the only contents npm reads), so the package's `files` rule is
 * applied by npm itself, to the same tree, without depending on the state of
 * the shared build folders, and offline.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { build as bundle } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_CONFIG, buildFiles, type BuildFile } from '../../helpers/build-files.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';
import type { OutputChunk, OutputOptions, RolldownOptions, RolldownOutput } from 'rolldown';

const run = promisify(execFile);

/** Not part of the checkout's tree as CI clones it. */
const SKIPPED = new Set(['.git', 'node_modules', 'dist', 'dist-tools', 'coverage']);
/** Files whose contents npm reads when it lists a package. */
const READ_BY_NPM = new Set(['package.json', '.npmignore', '.gitignore']);

async function mirror(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await mirror(source, target);
    else if (READ_BY_NPM.has(entry.name)) await copyFile(source, target);
    else if (entry.isFile()) await writeFile(target, '');
  }
}

let root = '';
let build: BuildFile[] = [];
let bundled: string[] = [];
let libraries: string[] = [];
let chunks: OutputChunk[] = [];
let packed: string[] = [];

/** The generated module of schema validators that the build writes beside the bundle. */
const GENERATED = 'dist/generated/schema-validators.cjs';

/** The folder under `node_modules/` of each library module the bundle carries (`axios`, `@scope/name`). */
function bundledPackages(result: RolldownOutput): string[] {
  const names = new Set<string>();
  for (const output of result.output) {
    if (output.type !== 'chunk') continue;
    for (const id of output.moduleIds) {
      const at = id.lastIndexOf('/node_modules/');
      if (at < 0) continue;
      const [first, second] = id.slice(at + '/node_modules/'.length).split('/');
      if (first !== undefined) names.add(first.startsWith('@') ? `${first}/${second ?? ''}` : first);
    }
  }
  return [...names].sort();
}

/** Builds the bundle into `dist` as `npm run build` does (each build of the config in turn); returns their outputs. */
async function buildBundle(dist: string): Promise<RolldownOutput[]> {
  const config = ((await import(join(REPO_ROOT, 'rolldown.config.mjs'))) as { default: RolldownOptions[] })
    .default;
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  try {
    const results: RolldownOutput[] = [];
    for (const options of config) {
      const output = { ...(options.output as OutputOptions), dir: dist };
      results.push(await bundle({ ...options, output, logLevel: 'silent', write: true }));
    }
    return results;
  } finally {
    process.chdir(cwd);
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pack-contents-'));
  const pkg = join(root, 'pkg');
  await mirror(REPO_ROOT, pkg);
  build = buildFiles(BUILD_CONFIG);
  const tools = buildFiles(join(REPO_ROOT, 'tsconfig.tools.json'));
  for (const output of [...build, ...tools].flatMap((f) => f.outputs)) {
    await mkdir(join(pkg, dirname(output)), { recursive: true });
    await writeFile(join(pkg, output), '');
  }
  await mkdir(join(pkg, dirname(GENERATED)), { recursive: true });
  await writeFile(join(pkg, GENERATED), '');
  const results = await buildBundle(join(pkg, 'dist'));
  bundled = [...new Set(results.flatMap((r) => r.output.map((o) => `dist/${o.fileName}`)))].sort();
  libraries = [...new Set(results.flatMap(bundledPackages))].sort();
  chunks = results.flatMap((r) => r.output.flatMap((o) => (o.type === 'chunk' ? [o] : [])));
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: pkg,
    env: { ...process.env, npm_config_offline: 'true', npm_config_fund: 'false', npm_config_audit: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const [listing] = JSON.parse(stdout) as { files: { path: string }[] }[];
  packed = (listing?.files ?? []).map((f) => f.path).sort();
}, 60_000);

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

describe('the published package', () => {
  it('ships the bundled CLI (its entry points, their chunks, the licences of the bundled libraries), the generated validators and the JSON schemas', async () => {
    expect(packed).toContain('package.json');
    expect(bundled).toContain('dist/bin.js');
    expect(bundled).toContain('dist/github/cli.js');
    expect(bundled).toContain('dist/THIRD-PARTY-LICENSES.md');
    expect(bundled.some((f) => f.startsWith('dist/chunks/'))).toBe(true);
    const schemas = (await readdir(join(REPO_ROOT, 'schemas'))).filter((f) => f.endsWith('.json'));
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) expect(packed).toContain(`schemas/${schema}`);
    expect(packed.filter((p) => p.startsWith('dist/'))).toEqual([...bundled, GENERATED].sort());
  });

  it('imports no entry point from a chunk (importing one would run that command too)', () => {
    const entries = chunks.filter((c) => c.isEntry).map((c) => c.fileName);
    expect(entries.sort()).toEqual(['bin.js', 'github/cli.js']);
    const importers = chunks.flatMap((c) =>
      [...c.imports, ...c.dynamicImports]
        .filter((imported) => entries.includes(imported))
        .map((imported) => `${c.fileName} imports ${imported}`),
    );
    expect(importers).toEqual([]);
  });

  it('names every library the bundle carries, with its version and licence text, in THIRD-PARTY-LICENSES.md', async () => {
    const notices = await readFile(join(root, 'pkg', 'dist', 'THIRD-PARTY-LICENSES.md'), 'utf8');
    expect(libraries).toEqual(expect.arrayContaining(['ajv', 'axios', 'commander', 'p-limit', 'yaml']));
    for (const name of libraries) {
      const { version, license } = JSON.parse(
        await readFile(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string; license: string };
      const section = notices.split('\n## ').find((s) => s.startsWith(`${name}@${version}\n`));
      expect(section, `${name}@${version} is bundled but not listed`).toBeDefined();
      expect(section).toContain(`Licence: ${license}`);
      // The licence's text, or (for a package that ships no licence file) a line saying so.
      expect(section).toMatch(
        /Permission is hereby granted|Apache License|Copyright|no licence file; package.json says/,
      );
    }
  });

  it('ships none of the compiled tree that the developer tools load (the bundle holds what the CLI runs)', () => {
    const tree = build.flatMap((f) => f.outputs).filter((f) => !bundled.includes(f));
    expect(tree).toContain('dist/cli/main.js');
    expect(packed.filter((p) => tree.includes(p))).toEqual([]);
  });

  it('ships none of the developer tools (benchmark, demo), tests or sources', () => {
    expect(packed.length).toBeGreaterThan(0);
    const tooling = packed.filter(
      (p) =>
        p.startsWith('dist/bench/') ||
        p.startsWith('dist/demo/') ||
        p.startsWith('dist-tools/') ||
        p.startsWith('tests/') ||
        p.startsWith('src/') ||
        /\.test\.[cm]?[jt]s(\.map)?$/.test(p),
    );
    expect(tooling).toEqual([]);
  });

  it('builds no developer tool into dist/', () => {
    const sources = build.map((f) => f.source);
    expect(sources).toContain('src/bin.ts');
    expect(sources.filter((s) => s.startsWith('src/bench/') || s.startsWith('src/demo/'))).toEqual([]);
  });
});
