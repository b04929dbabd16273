/**
 * Runs the tool the way users do — the CLI's `run(argv, deps)` with the real
 * API client — with its output written to files and the client observed by
 * a `ClientProbe`. `runToolInProcess` does it in the current process (tests);
 * `runToolChild` in a child process of its own (`tool-process.ts`), so its
 * peak RSS is the tool's alone. The CLI is the build in `dist/`
 * (`loadBuiltCli`); tests may pass the one of the sources.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CliDeps } from '../usecases/deps.js';
import type { CliEntry } from '../demo/built-cli.js';
import { ClientProbe, type ProbeReport } from './probe.js';

export interface ToolRunRequest {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Where the tool's stdout and stderr go. */
  readonly stdoutFile: string;
  readonly stderrFile: string;
}

export interface ToolRunResult {
  readonly exitCode: number;
  /** From `run()` called to `run()` returned (config loading included, process start-up not). */
  readonly wallMs: number;
  /** Process start to exit, as seen by the parent (child runs only). */
  readonly processWallMs?: number;
  /** Peak resident set size of the process, in kB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKb: number;
  /** Whether `maxRssKb` is the tool's alone (a child process) or shared with the benchmark. */
  readonly rssIsolated: boolean;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** The client's own counters (every attempt). */
  readonly clientRequests: number;
  readonly clientWrites: number;
  readonly probe: ProbeReport;
}

/** Runs `cli` in this process. */
export async function runToolInProcess(
  request: ToolRunRequest,
  cli: CliEntry,
  rssIsolated = false,
): Promise<ToolRunResult> {
  const out = openSync(request.stdoutFile, 'w');
  const err = openSync(request.stderrFile, 'w');
  const probe = new ClientProbe();
  const clients: { stats: () => { readonly requests: number; readonly writes: number } }[] = [];
  const cpuBefore = process.cpuUsage();
  const deps: CliDeps = {
    stdout: (text) => {
      writeSync(out, text);
    },
    stderr: (text) => {
      writeSync(err, text);
    },
    env: request.env,
    cwd: request.cwd,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    confirm: () => Promise.resolve(false),
    makeClient: (options) => {
      const client = cli.createApiClient(options);
      clients.push(client);
      return probe.wrap(client);
    },
  };
  const started = performance.now();
  let exitCode: number;
  try {
    exitCode = await cli.run(request.argv, deps);
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const stats = clients.map((c) => c.stats());
  return {
    exitCode,
    wallMs,
    maxRssKb: process.resourceUsage().maxRSS,
    rssIsolated,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    clientRequests: stats.reduce((sum, s) => sum + s.requests, 0),
    clientWrites: stats.reduce((sum, s) => sum + s.writes, 0),
    probe: probe.report(),
  };
}

/** The compiled child entry next to this module (the tools are compiled by `tsconfig.tools.json`). */
export function toolProcessScript(): string {
  return fileURLToPath(new URL('./tool-process.js', import.meta.url));
}

/** Runs the built CLI in a child process (`node …/bench/tool-process.js`); rejects after `timeoutMs`. */
export async function runToolChild(
  request: ToolRunRequest,
  resultFile: string,
  timeoutMs: number,
  options: { readonly nodeArgs?: readonly string[] } = {},
): Promise<ToolRunResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), toolProcessScript(), resultFile], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  let diagnostics = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (diagnostics.length < 20_000) diagnostics += chunk.toString('utf8');
  });
  child.stdin.end(JSON.stringify(request));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `the tool did not finish within ${Math.round(timeoutMs / 1000)} s: ${request.argv.join(' ')}`,
        ),
      );
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (exit) => {
      clearTimeout(timer);
      resolve(exit);
    });
  });
  const processWallMs = performance.now() - started;
  if (code !== 0) throw new Error(`the tool's child process failed (exit ${String(code)}): ${diagnostics}`);
  const result = JSON.parse(await readFile(resultFile, 'utf8')) as ToolRunResult;
  return { ...result, processWallMs };
}
