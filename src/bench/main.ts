/**
 * `npm run bench`: parses the options, runs the benchmark, prints the table
 * (plus the per-route gaps, the linear-growth check and the targets) and
 * writes the same figures as JSON (merged with the earlier rows of the
 * file, so `--size 1000` and `--rps 20` runs add to the default run's).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BenchUsageError, parseBenchArgs, USAGE, type BenchArgs } from './args.js';
import { runBench, type BenchRow, type BenchRun, type BenchSettings } from './bench.js';
import { BuiltCliMissingError, type CliEntry } from '../demo/built-cli.js';
import type { EstateShape } from './estate.js';
import {
  checkTargets,
  flatness,
  mergeRows,
  renderFlatness,
  renderGaps,
  renderTable,
  renderTargets,
  rowKey,
  TABLE_LEGEND,
} from './report.js';

export interface BenchIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Estate shape override (tests). */
  readonly shape?: (size: number) => EstateShape;
  /** The CLI for `--in-process` runs (default: the build in `dist/`; tests pass the sources'). */
  readonly cli?: CliEntry;
}

/** Format of `bench-results.json`; rows of another format are not merged. */
export const RESULTS_FORMAT = 2;

async function previousRows(path: string): Promise<BenchRow[]> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { format?: unknown; rows?: unknown };
    return parsed.format === RESULTS_FORMAT && Array.isArray(parsed.rows)
      ? (parsed.rows as BenchRow[]).map(withDerivedFields)
      : [];
  } catch {
    return [];
  }
}

/** Fills figures added to the format since a row was written, from the row's own fields. */
function withDerivedFields(row: BenchRow): BenchRow {
  const stored = row as Partial<BenchRow> & BenchRow;
  if (typeof stored.perWorkspaceApiMs === 'number' || row.apiMs === undefined) return row;
  const orgTime = (row.orgLevelRequests / row.rps) * 1000;
  return { ...row, perWorkspaceApiMs: (row.apiMs - row.ceWaitIdleMs - orgTime) / row.size };
}

function settingsFrom(args: BenchArgs, io: BenchIo): BenchSettings {
  return {
    sizes: args.sizes,
    scenarios: args.scenarios,
    rps: args.rps,
    maxRps: args.maxRps,
    latencyMs: args.latencyMs,
    ceCreateDelayMs: args.ceCreateDelayMs,
    applyConcurrency: args.applyConcurrency,
    inProcess: args.inProcess,
    timeoutMs: args.timeoutMs,
    keepTemp: args.keepTemp,
    ...(args.cpuProfDir === undefined ? {} : { cpuProfDir: resolve(io.cwd, args.cpuProfDir) }),
    ...(io.shape === undefined ? {} : { shape: io.shape }),
    ...(io.cli === undefined ? {} : { cli: io.cli }),
  };
}

/** Returns the process exit code: 0 when measured (targets missed included), 1 on a failure, 2 on bad options. */
export async function benchMain(argv: readonly string[], io: BenchIo): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    io.stderr(`bench: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.note !== undefined) io.stderr(`bench: ${args.note}\n`);
  const started = new Date();
  const loadStart = loadavg();
  let run: BenchRun;
  try {
    run = await runBench(settingsFrom(args, io), (line) => {
      io.stderr(`bench: ${line}\n`);
    });
  } catch (error) {
    if (!(error instanceof BuiltCliMissingError)) throw error;
    io.stderr(`bench: ${error.message}\n`);
    return 1;
  }
  const outPath = resolve(io.cwd, args.out);
  const rows = args.fresh ? [...run.rows] : mergeRows(await previousRows(outPath), run.rows);
  const checks = flatness(rows);
  const targets = checkTargets(rows, checks);
  const thisRun = new Set(run.rows.map(rowKey));
  const earlier = rows.filter((r) => !thisRun.has(rowKey(r)));
  io.stdout(
    [
      `seqera-sync bench — ${started.toISOString()}, node ${process.version}, ${cpus().length} CPUs, ` +
        `load ${loadStart.map((l) => l.toFixed(1)).join('/')}; latency ${args.latencyMs} ms, ` +
        `CE creation ${args.ceCreateDelayMs} ms, apply --concurrency ${args.applyConcurrency}`,
      '',
      renderTable(run.rows),
      '',
      TABLE_LEGEND,
      ...(earlier.length > 0 ? ['', `Earlier rows kept in ${args.out}:`, renderTable(earlier)] : []),
      '',
      'Requests above/below the bound, by route:',
      renderGaps(rows),
      '',
      'Linear growth (per workspace):',
      renderFlatness(checks),
      '',
      'Targets:',
      renderTargets(targets),
      '',
    ].join('\n'),
  );
  const document = {
    format: RESULTS_FORMAT,
    generatedAt: started.toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadavgStart: loadStart, loadavgEnd: loadavg() },
    settings: {
      sizes: args.sizes,
      scenarios: args.scenarios,
      rps: args.rps,
      maxRps: args.maxRps,
      latencyMs: args.latencyMs,
      ceCreateDelayMs: args.ceCreateDelayMs,
      applyConcurrency: args.applyConcurrency,
      inProcess: args.inProcess,
    },
    generationMs: run.generationMs,
    thisRun: [...thisRun],
    rows,
    flatness: checks,
    targets,
    legend: TABLE_LEGEND,
  };
  await writeFile(outPath, `${JSON.stringify(document, null, 2)}\n`);
  io.stderr(`bench: wrote ${outPath}\n`);
  return run.rows.every((r) => r.exitCode === r.expectedExit) ? 0 : 1;
}
