/**
 * The built package the workflow steps run (`node dist/bin.js …`, `node
 * dist/github/cli.js …`: the bundle), as `npm ci && npm run build` leaves it
 * on the runner. The repository's `dist/` is used when it is up to date (every
 * source the build compiles has its `dist/**\/*.js` at least as new, and the
 * bundle's entry points are newer than every source); it is copied, so a
 * rebuild by someone else during the run cannot tear it. When it is stale,
 * the build's compile and bundle steps run once into a private folder instead
 * (the shared `dist/` is left alone). The package folder holds `dist/` with
 * `schemas/`, `node_modules/` and `package.json` beside it, as the runner's
 * checkout does.
 */
import { spawn } from 'node:child_process';
import { cp, copyFile, mkdir, stat, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildFiles } from '../../../helpers/build-files.js';
import { REPO_ROOT } from '../../../unit/workflows/workflow-files.js';

export interface PreparedPackage {
  /** A folder with dist/, schemas/, node_modules/ and package.json. */
  readonly dir: string;
  readonly how: 'copied the up-to-date dist/' | 'compiled the sources (dist/ was stale)';
  /** Set when tsc reported errors but still emitted the entry points. */
  readonly warning?: string;
}

export type PrepareResult =
  { readonly ok: true; readonly pkg: PreparedPackage } | { readonly ok: false; readonly reason: string };

const ENTRY_POINTS = ['bin.js', 'github/cli.js'];

/** Source files whose compiled file in `distDir` is missing or older; [] when dist is up to date. */
export async function staleSources(distDir: string): Promise<string[]> {
  const srcDir = join(REPO_ROOT, 'src');
  const stale: string[] = [];
  let newest = 0;
  for (const { source } of buildFiles()) {
    const file = join(REPO_ROOT, source);
    const rel = relative(srcDir, file);
    const compiled = join(distDir, rel.replace(/\.ts$/, '.js'));
    const [srcStat, distStat] = await Promise.all([stat(file), stat(compiled).catch(() => undefined)]);
    if (distStat === undefined || distStat.mtimeMs < srcStat.mtimeMs) stale.push(rel);
    newest = Math.max(newest, srcStat.mtimeMs);
  }
  for (const entry of ENTRY_POINTS) {
    const bundled = await stat(join(distDir, entry)).catch(() => undefined);
    if (bundled === undefined || bundled.mtimeMs < newest) stale.push(`${entry} (the bundle)`);
  }
  return stale;
}

/** The build's compile step (`tsc -p tsconfig.build.json`), then its bundle step (`rolldown -c`), into `outDir`. */
async function compile(outDir: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = await runNode([tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], timeoutMs);
  const rolldown = join(REPO_ROOT, 'node_modules', 'rolldown', 'bin', 'cli.mjs');
  const bundled = await runNode([rolldown, '-c', 'rolldown.config.mjs', '-d', outDir], timeoutMs);
  return {
    code: bundled.code === 0 ? compiled.code : bundled.code,
    output: `${compiled.output}${bundled.code === 0 ? '' : bundled.output}`,
  };
}

function runNode(
  args: readonly string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(${args[0] ?? ''} killed after ${String(timeoutMs)} ms)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Lays out the package under `root/pkg`. */
export async function preparePackage(root: string, buildTimeoutMs: number): Promise<PrepareResult> {
  const dir = join(root, 'pkg');
  await mkdir(dir, { recursive: true });
  await symlink(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  await symlink(join(REPO_ROOT, 'schemas'), join(dir, 'schemas'));
  await copyFile(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
  const repoDist = join(REPO_ROOT, 'dist');
  const stale = existsSync(repoDist) ? await staleSources(repoDist) : ['(no dist/)'];
  if (stale.length === 0) {
    await cp(repoDist, join(dir, 'dist'), { recursive: true });
    return { ok: true, pkg: { dir, how: 'copied the up-to-date dist/' } };
  }
  const built = await compile(join(dir, 'dist'), buildTimeoutMs);
  const missing = ENTRY_POINTS.filter((f) => !existsSync(join(dir, 'dist', f)));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `dist/ is stale (${stale.slice(0, 3).join(', ')}…) and compiling the sources failed (exit ${String(built.code)}, missing ${missing.join(', ')}):\n${built.output.slice(0, 4000)}`,
    };
  }
  const how = 'compiled the sources (dist/ was stale)' as const;
  return built.code === 0
    ? { ok: true, pkg: { dir, how } }
    : {
        ok: true,
        pkg: { dir, how, warning: `tsc exited ${String(built.code)}:\n${built.output.slice(0, 4000)}` },
      };
}
