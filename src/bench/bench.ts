/**
 * The benchmark run: for each size, generate the estate (YAML files, loaded
 * back with the tool's loader) and its three platforms; for each scenario,
 * start an emulator seeded with the scenario's platform (latency, rate
 * limit, short compute-environment creation delay), run the tool against it
 * (in a child process of its own, or in-process for tests), and put the
 * emulator's request log, the tool's own figures and the computed bound
 * side by side in one `BenchRow`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltCli, type CliEntry } from '../demo/built-cli.js';
import { startEmulator, type EmulatorSeed } from '../emulator/index.js';
import { DEFAULT_ADD_ROLE, DEFAULT_MEMBER_ROLE } from '../emulator/settings.js';
import type { DesiredState } from '../model/desired.js';
import {
  benchShape,
  estateVarsJson,
  ORG_NAME,
  estateSeeds,
  loadEstate,
  PR_WORKSPACE,
  prEstateFiles,
  writeEstateConfig,
  type EstateSeeds,
  type EstateShape,
} from './estate.js';
import { summarizeLog } from './log-summary.js';
import {
  accessReportBound,
  applyBound,
  applyWriteBound,
  livePlatform,
  planBound,
  prPlanBound,
  timeBoundMs,
  type AddRoles,
  type ScenarioBound,
} from './lower-bound.js';
import { routeGaps, totalOf, type RouteCounts } from './routes.js';
import { SCENARIOS, scenarioArgv, type ScenarioId } from './scenarios.js';
import { runToolChild, runToolInProcess, type ToolRunRequest, type ToolRunResult } from './tool-run.js';

/** Roles the platform gives on add in the bench's emulator: its defaults (the participant one set explicitly), used by the bound. */
export const BENCH_ADD_ROLES: AddRoles = { member: DEFAULT_MEMBER_ROLE, participant: DEFAULT_ADD_ROLE };

export interface BenchSettings {
  readonly sizes: readonly number[];
  readonly scenarios: readonly ScenarioId[];
  /** The emulator's rate limit (requests per second per token). */
  readonly rps: number;
  /** The tool's `--max-rps` (at or below `rps`). */
  readonly maxRps: number;
  readonly latencyMs: number;
  /** The emulator's CREATING → AVAILABLE delay. */
  readonly ceCreateDelayMs: number;
  /** The tool's `--concurrency` for applies. */
  readonly applyConcurrency: number;
  /** Run the tool in this process (tests; RSS not isolated) instead of a child process. */
  readonly inProcess: boolean;
  /** The CLI run in this process (default: the build in `dist/`; tests pass the sources'). */
  readonly cli?: CliEntry;
  /** Per tool run. */
  readonly timeoutMs: number;
  /** Estate shape for a size (default: the estate). */
  readonly shape?: (size: number) => EstateShape;
  readonly keepTemp?: boolean;
  /** Write a V8 CPU profile of each tool child process into this directory. */
  readonly cpuProfDir?: string;
}

export interface BenchRow {
  readonly scenario: ScenarioId;
  readonly title: string;
  readonly size: number;
  readonly rps: number;
  readonly maxRps: number;
  readonly latencyMs: number;
  readonly applyConcurrency: number;
  readonly exitCode: number;
  readonly expectedExit: number;
  /** Every request the emulator received. */
  readonly requestsSent: number;
  /** CE availability polls (apart; not compared with the bound). */
  readonly waitPolls: number;
  /** `requestsSent − waitPolls`: compared with the bound. */
  readonly requests: number;
  readonly boundRequests: number;
  readonly requestRatio: number;
  readonly writes: number;
  readonly boundWrites: number;
  readonly status429: number;
  readonly otherErrors: number;
  readonly criticalPath: number;
  readonly wallMs: number;
  /** Time with a CE wait open and no request in flight (left out of the comparison with the bound). */
  readonly ceWaitIdleMs: number;
  readonly ceWaitOpenMs: number;
  readonly ceWaits: number;
  readonly ceWaitMaxMs: number;
  /** `wallMs − ceWaitIdleMs`. */
  readonly wallExclWaitMs: number;
  readonly timeBoundMs: number;
  readonly timeRatio: number;
  readonly maxRssMb: number;
  /** RSS when the first request started (after config loading) and the largest seen during the requests, MB. */
  readonly rssAtFirstRequestMb: number | undefined;
  readonly rssDuringRequestsMb: number | undefined;
  readonly rssIsolated: boolean;
  readonly cpuMs: number;
  /** Run start → first request (config loading), last answer → run end (planning, hashing, rendering). */
  readonly beforeFirstRequestMs: number | undefined;
  readonly afterLastAnswerMs: number | undefined;
  /** First request → last answer: the API phase. */
  readonly apiMs: number | undefined;
  readonly processWallMs: number | undefined;
  readonly clientRequests: number;
  readonly orgLevelRequests: number;
  /** (requests − org-level requests) ÷ N. */
  readonly perWorkspaceRequests: number;
  /** (wall excl. waits − org-level requests ÷ rate) ÷ N, in ms. */
  readonly perWorkspaceMs: number;
  /** (API phase − org-level requests ÷ rate) ÷ N, in ms: the part of the time the rate governs. */
  readonly perWorkspaceApiMs: number;
  /**
   * Writes the bound still sees after the run (missing objects, roles that
   * differ), from the emulator's final state: 0 = converged (the check does
   * not see config drift; see lower-bound.ts).
   */
  readonly remainingWrites: number;
  /** Route → measured − bound (only routes that differ). */
  readonly routeGaps: Readonly<Record<string, number>>;
  /** Requests answered 429, by route (each one sent again). */
  readonly status429ByRoute: RouteCounts;
  /** Average client calls in flight (queued in the client included) over the API phase. */
  readonly avgCallsInFlight: number | undefined;
  readonly measuredByRoute: RouteCounts;
  readonly boundByRoute: RouteCounts;
}

export interface BenchProgress {
  (line: string): void;
}

interface PreparedSize {
  readonly size: number;
  readonly dir: string;
  readonly configDir: string;
  /** The estate with one workspace file changed (the `plan-pr` scenario's config; `configDir` is its base). */
  readonly prConfigDir: string;
  readonly desired: DesiredState;
  readonly seeds: EstateSeeds;
  readonly generationMs: number;
}

async function prepareSize(size: number, settings: BenchSettings, root: string): Promise<PreparedSize> {
  const started = performance.now();
  const shape = (settings.shape ?? benchShape)(size);
  const dir = join(root, `n${size}`);
  const configDir = join(dir, 'workspaces');
  await mkdir(configDir, { recursive: true });
  await writeEstateConfig(shape, configDir);
  const prConfigDir = join(dir, 'pr', 'workspaces');
  await writeEstateConfig(shape, prConfigDir, prEstateFiles(shape));
  const desired = await loadEstate(configDir);
  const seeds = await estateSeeds(desired, shape);
  return { size, dir, configDir, prConfigDir, desired, seeds, generationMs: performance.now() - started };
}

function boundFor(id: ScenarioId, prepared: PreparedSize): ScenarioBound {
  const scenario = SCENARIOS[id];
  const live = livePlatform(prepared.seeds[scenario.platform], BENCH_ADD_ROLES.participant);
  if (scenario.command === 'access-report') return accessReportBound(live, ORG_NAME);
  if (scenario.changeScoped === true) return prPlanBound(prepared.desired, live, PR_WORKSPACE);
  return scenario.command === 'plan'
    ? planBound(prepared.desired, live)
    : applyBound(prepared.desired, live, BENCH_ADD_ROLES);
}

async function runScenario(
  id: ScenarioId,
  prepared: PreparedSize,
  settings: BenchSettings,
  cli: CliEntry,
): Promise<BenchRow> {
  const scenario = SCENARIOS[id];
  const bound = boundFor(id, prepared);
  const emulator = await startEmulator({
    seed: prepared.seeds[scenario.platform],
    latencyMs: settings.latencyMs,
    rateLimit: settings.rps,
    ceCreateDelayMs: settings.ceCreateDelayMs,
    defaultAddRole: BENCH_ADD_ROLES.participant,
    logBodies: false,
    requestLogLimit: 10_000_000,
  });
  let result: ToolRunResult;
  let after: EmulatorSeed;
  try {
    const request: ToolRunRequest = {
      argv: scenarioArgv(scenario, {
        configDir: scenario.changeScoped === true ? prepared.prConfigDir : prepared.configDir,
        endpoint: emulator.endpoint,
        maxRps: settings.maxRps,
        applyConcurrency: settings.applyConcurrency,
        baseConfigDir: prepared.configDir,
      }),
      env: { SEQERA_SYNC_VARS: estateVarsJson(prepared.desired), TOWER_ACCESS_TOKEN: emulator.token },
      cwd: prepared.dir,
      stdoutFile: join(prepared.dir, `${id}.stdout.txt`),
      stderrFile: join(prepared.dir, `${id}.stderr.txt`),
    };
    result = settings.inProcess
      ? await runToolInProcess(request, cli)
      : await runToolChild(request, join(prepared.dir, `${id}.result.json`), settings.timeoutMs, {
          ...(settings.cpuProfDir === undefined
            ? {}
            : {
                nodeArgs: [
                  '--cpu-prof',
                  `--cpu-prof-dir=${settings.cpuProfDir}`,
                  `--cpu-prof-name=${id}-n${prepared.size}.cpuprofile`,
                ],
              }),
        });
    after = emulator.snapshot();
  } finally {
    await emulator.stop();
  }
  const log = summarizeLog(emulator.requestLog());
  emulator.clearRequestLog();
  const requests = log.requests - log.waitPolls;
  const wallExclWaitMs = result.wallMs - result.probe.ceWaits.idleMs;
  const time = timeBoundMs(bound, settings.rps, settings.latencyMs);
  const orgLevel = log.orgLevel;
  const remaining = applyWriteBound(
    prepared.desired,
    livePlatform(after, BENCH_ADD_ROLES.participant),
    BENCH_ADD_ROLES,
  );
  const n = prepared.size;
  return {
    scenario: id,
    title: scenario.title,
    size: n,
    rps: settings.rps,
    maxRps: settings.maxRps,
    latencyMs: settings.latencyMs,
    applyConcurrency: settings.applyConcurrency,
    exitCode: result.exitCode,
    expectedExit: scenario.expectedExit,
    requestsSent: log.requests,
    waitPolls: log.waitPolls,
    requests,
    boundRequests: bound.total,
    requestRatio: bound.total === 0 ? Number.NaN : requests / bound.total,
    writes: log.writes,
    boundWrites: bound.writes,
    status429: log.status429,
    otherErrors: log.otherErrors,
    criticalPath: bound.criticalPath,
    wallMs: result.wallMs,
    ceWaitIdleMs: result.probe.ceWaits.idleMs,
    ceWaitOpenMs: result.probe.ceWaits.openMs,
    ceWaits: result.probe.ceWaits.count,
    ceWaitMaxMs: result.probe.ceWaits.maxMs,
    wallExclWaitMs,
    timeBoundMs: time,
    timeRatio: time === 0 ? Number.NaN : wallExclWaitMs / time,
    maxRssMb: result.maxRssKb / 1024,
    rssAtFirstRequestMb: result.probe.rssAtFirstCallMb,
    rssDuringRequestsMb: result.probe.rssMaxDuringCallsMb,
    rssIsolated: result.rssIsolated,
    cpuMs: result.cpuUserMs + result.cpuSystemMs,
    beforeFirstRequestMs: result.probe.firstCallMs,
    afterLastAnswerMs:
      result.probe.lastAnswerMs === undefined ? undefined : result.wallMs - result.probe.lastAnswerMs,
    apiMs:
      result.probe.firstCallMs === undefined || result.probe.lastAnswerMs === undefined
        ? undefined
        : result.probe.lastAnswerMs - result.probe.firstCallMs,
    processWallMs: result.processWallMs,
    clientRequests: result.clientRequests,
    orgLevelRequests: orgLevel,
    perWorkspaceRequests: n === 0 ? Number.NaN : (requests - orgLevel) / n,
    perWorkspaceMs: n === 0 ? Number.NaN : (wallExclWaitMs - (orgLevel / settings.rps) * 1000) / n,
    perWorkspaceApiMs:
      n === 0 || result.probe.firstCallMs === undefined || result.probe.lastAnswerMs === undefined
        ? Number.NaN
        : (result.probe.lastAnswerMs -
            result.probe.firstCallMs -
            result.probe.ceWaits.idleMs -
            (orgLevel / settings.rps) * 1000) /
          n,
    remainingWrites: totalOf(remaining),
    routeGaps: routeGaps(log.byRoute, bound.requests),
    status429ByRoute: log.status429ByRoute,
    avgCallsInFlight: result.probe.avgCallsInFlight,
    measuredByRoute: log.byRoute,
    boundByRoute: bound.requests,
  };
}

export interface BenchRun {
  readonly rows: readonly BenchRow[];
  /** Estate generation time per size (YAML written, loaded, seeds built), ms. */
  readonly generationMs: Readonly<Record<string, number>>;
}

/** Runs every scenario for every size; `progress` gets one line per step. Always stops its emulators. */
export async function runBench(settings: BenchSettings, progress: BenchProgress): Promise<BenchRun> {
  // Loaded first in every mode, so a missing build stops the run before the estate is generated
  // (child processes load their own copy of it).
  const cli = settings.cli ?? (await loadBuiltCli());
  const root = await mkdtemp(join(tmpdir(), 'seqera-sync-bench-'));
  const rows: BenchRow[] = [];
  const generationMs: Record<string, number> = {};
  try {
    for (const size of settings.sizes) {
      progress(`N=${size}: generating the estate…`);
      const prepared = await prepareSize(size, settings, root);
      generationMs[String(size)] = prepared.generationMs;
      progress(`N=${size}: estate ready in ${(prepared.generationMs / 1000).toFixed(1)} s`);
      for (const id of settings.scenarios) {
        progress(`N=${size}: ${SCENARIOS[id].title}…`);
        const row = await runScenario(id, prepared, settings, cli);
        rows.push(row);
        progress(
          `N=${size}: ${SCENARIOS[id].title}: exit ${row.exitCode}, ${row.requests}/${row.boundRequests} requests, ` +
            `${(row.wallMs / 1000).toFixed(1)} s`,
        );
      }
    }
  } finally {
    if (settings.keepTemp === true) progress(`temporary files kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
  return { rows, generationMs };
}
