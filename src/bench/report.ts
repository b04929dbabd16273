/**
 * The benchmark's outputs: the table printed on stdout, the linear-growth
 * check across sizes, the issue's targets checked against the rows, and the
 * JSON document written to `bench-results.json` (the same figures).
 */
import type { BenchRow } from './bench.js';
import { SCENARIO_IDS, type ScenarioId } from './scenarios.js';

const fixed = (value: number | undefined, digits: number): string =>
  value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);

const seconds = (ms: number | undefined): string => (ms === undefined ? '-' : fixed(ms / 1000, 1));

const COLUMNS: readonly { readonly title: string; readonly cell: (row: BenchRow) => string }[] = [
  { title: 'scenario', cell: (r) => r.scenario },
  { title: 'N', cell: (r) => String(r.size) },
  { title: 'rps', cell: (r) => `${r.rps}/${r.maxRps}` },
  { title: 'exit', cell: (r) => (r.exitCode === r.expectedExit ? String(r.exitCode) : `${r.exitCode}!`) },
  { title: 'requests', cell: (r) => String(r.requests) },
  { title: 'bound', cell: (r) => String(r.boundRequests) },
  {
    title: 'req/bound',
    cell: (r) => (r.requests === r.boundRequests ? '1.00' : fixed(r.requestRatio, 3)),
  },
  { title: 'writes', cell: (r) => `${r.writes}/${r.boundWrites}` },
  { title: '429', cell: (r) => String(r.status429) },
  { title: 'wall s', cell: (r) => seconds(r.wallMs) },
  { title: 'load s', cell: (r) => seconds(r.beforeFirstRequestMs) },
  { title: 'api s', cell: (r) => seconds(r.apiMs) },
  { title: 'post s', cell: (r) => seconds(r.afterLastAnswerMs) },
  {
    title: 'api req/s',
    cell: (r) => (r.apiMs === undefined || r.apiMs <= 0 ? '-' : fixed((r.requestsSent / r.apiMs) * 1000, 0)),
  },
  { title: 'in flight', cell: (r) => fixed(r.avgCallsInFlight, 1) },
  { title: 'CE wait s', cell: (r) => (r.ceWaits === 0 ? '-' : seconds(r.ceWaitIdleMs)) },
  { title: 'polls', cell: (r) => String(r.waitPolls) },
  { title: 'bound s', cell: (r) => seconds(r.timeBoundMs) },
  { title: 'wall/bound', cell: (r) => fixed(r.timeRatio, 2) },
  { title: 'RSS MB', cell: (r) => `${fixed(r.maxRssMb, 0)}${r.rssIsolated ? '' : '*'}` },
  { title: 'cpu s', cell: (r) => seconds(r.cpuMs) },
  { title: 'ws req', cell: (r) => fixed(r.perWorkspaceRequests, 2) },
  { title: 'ws ms', cell: (r) => fixed(r.perWorkspaceMs, 1) },
];

/** A fixed-width text table, one line per row. */
export function renderTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => COLUMNS.map((c) => c.cell(row)));
  const widths = COLUMNS.map((c, i) =>
    Math.max(c.title.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  );
}

export const TABLE_LEGEND = [
  'rps = emulator limit / tool --max-rps; exit with ! = not the expected exit code;',
  'requests = requests the emulator received, CE status polls excluded (polls shown apart);',
  'bound = lower bound of requests; writes = measured/bound;',
  'wall = run() start to end in the tool process = load (start → first request: config loading)',
  '  + api (first request → last answer) + post (last answer → end: hashing, planning, rendering);',
  'api req/s = requests ÷ api time; in flight = average client calls in flight over the api phase',
  '  (queued in the client included: near its concurrency, 8, the client is the limit);',
  'CE wait = time a CE wait was open and nothing was in flight;',
  'bound s = max(bound ÷ emulator rate, critical path × latency); wall/bound uses wall − CE wait;',
  'RSS = peak RSS of the tool process (* = shared with the benchmark: in-process run);',
  'ws req / ws ms = per workspace, org-level requests (and their time at the rate) taken out.',
].join('\n');

export interface FlatnessCheck {
  readonly scenario: ScenarioId;
  readonly rps: number;
  readonly sizes: readonly number[];
  readonly perWorkspaceRequests: readonly number[];
  readonly perWorkspaceMs: readonly number[];
  readonly perWorkspaceApiMs: readonly number[];
  /**
   * Marginal time per workspace between consecutive sizes:
   * (wall(N₂) − wall(N₁)) ÷ (N₂ − N₁), CE waits excluded. Fixed costs (the
   * start-up, the org-level reads, the org file's parse) cancel out, so this
   * is what a workspace adds: flat slopes = linear growth.
   */
  readonly marginalMs: readonly number[];
  /** Largest |value ÷ value at the smallest N − 1|. */
  readonly requestsDeviation: number;
  readonly timeDeviation: number;
  readonly apiTimeDeviation: number;
  /** Largest |slope ÷ first slope − 1|; NaN with fewer than three sizes (one slope). */
  readonly marginalDeviation: number;
}

function deviation(values: readonly number[]): number {
  const base = values[0];
  if (base === undefined || base === 0) return Number.NaN;
  return Math.max(...values.map((v) => Math.abs(v / base - 1)));
}

/** Per scenario and rate, over the sizes measured (smallest first). */
export function flatness(rows: readonly BenchRow[]): FlatnessCheck[] {
  const groups = new Map<string, BenchRow[]>();
  for (const row of rows) {
    // A PR plan reads one workspace whatever N: its requests are checked against N itself, not per workspace.
    if (row.scenario === 'plan-pr') continue;
    const key = `${row.scenario}|${row.rps}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const checks: FlatnessCheck[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.size - b.size);
    const first = sorted[0];
    if (first === undefined || sorted.length < 2) continue;
    const req = sorted.map((r) => r.perWorkspaceRequests);
    const ms = sorted.map((r) => r.perWorkspaceMs);
    const api = sorted.map((r) => r.perWorkspaceApiMs);
    const marginal = sorted.slice(1).map((row, i) => {
      const before = sorted[i];
      return before === undefined
        ? Number.NaN
        : (row.wallExclWaitMs - before.wallExclWaitMs) / (row.size - before.size);
    });
    checks.push({
      scenario: first.scenario,
      rps: first.rps,
      sizes: sorted.map((r) => r.size),
      perWorkspaceRequests: req,
      perWorkspaceMs: ms,
      perWorkspaceApiMs: api,
      marginalMs: marginal,
      requestsDeviation: deviation(req),
      timeDeviation: deviation(ms),
      apiTimeDeviation: deviation(api),
      marginalDeviation: marginal.length < 2 ? Number.NaN : deviation(marginal),
    });
  }
  return checks;
}

export function renderFlatness(checks: readonly FlatnessCheck[]): string {
  if (checks.length === 0) return 'linear growth: needs two sizes at the same rate';
  return checks
    .map(
      (c) =>
        `${c.scenario} @${c.rps}/s, N=${c.sizes.join('→')}: per-workspace requests ${c.perWorkspaceRequests
          .map((v) => fixed(v, 2))
          .join('→')} (±${fixed(c.requestsDeviation * 100, 0)} %), per-workspace ms ${c.perWorkspaceMs
          .map((v) => fixed(v, 1))
          .join('→')} (±${fixed(c.timeDeviation * 100, 0)} %), of which API ms ${c.perWorkspaceApiMs
          .map((v) => fixed(v, 1))
          .join('→')} (±${fixed(c.apiTimeDeviation * 100, 0)} %); marginal ms per workspace ${c.sizes
          .slice(1)
          .map((size, i) => `${String(c.sizes[i])}→${String(size)}: ${fixed(c.marginalMs[i], 1)}`)
          .join(
            ', ',
          )}${Number.isNaN(c.marginalDeviation) ? '' : ` (±${fixed(c.marginalDeviation * 100, 0)} %)`}`,
    )
    .join('\n');
}

export interface TargetCheck {
  readonly target: string;
  /** undefined = not measured in these rows. */
  readonly met: boolean | undefined;
  readonly detail: string;
}

const ratioText = (r: BenchRow, value: number, exact = false): string =>
  `${r.scenario} N=${r.size} @${r.rps}/s: ${exact ? '1.00' : fixed(value, value > 0.995 && value < 1.005 ? 4 : 2)}`;

/** The issue's targets (part 2) against the rows. */
export function checkTargets(rows: readonly BenchRow[], checks: readonly FlatnessCheck[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  const exact = rows.filter((r) => r.scenario !== 'apply-empty');
  out.push({
    target: 'requests ÷ lower bound = 1.00 for every plan, the no-op apply and the access report',
    met:
      exact.length === 0
        ? undefined
        : exact.every((r) => r.exitCode === r.expectedExit && r.requests === r.boundRequests),
    detail: exact.map((r) => ratioText(r, r.requestRatio, r.requests === r.boundRequests)).join('; '),
  });
  const noop = rows.filter((r) => r.scenario === 'apply-noop');
  out.push({
    target: 'no-op apply makes 0 writes',
    met: noop.length === 0 ? undefined : noop.every((r) => r.writes === 0),
    detail: noop.map((r) => `N=${r.size} @${r.rps}/s: ${r.writes} writes`).join('; '),
  });
  const planTime = rows.filter(
    (r) =>
      r.scenario.startsWith('plan') &&
      r.scenario !== 'plan-pr' &&
      r.size === 300 &&
      (r.rps === 200 || r.rps === 20),
  );
  out.push({
    target: 'wall ÷ time bound ≤ 1.25 for plan at N=300, 200 and 20 req/s',
    met:
      planTime.length === 0
        ? undefined
        : planTime.every((r) => r.exitCode === r.expectedExit && r.timeRatio <= 1.25),
    detail: planTime
      .map(
        (r) =>
          `${ratioText(r, r.timeRatio)}${r.exitCode === r.expectedExit ? '' : ` (failed: exit ${r.exitCode})`}`,
      )
      .join('; '),
  });
  const pr = rows.filter((r) => r.scenario === 'plan-pr');
  const prAt20 = pr.filter((r) => r.rps === 20 && (r.size === 300 || r.size === 1000));
  out.push({
    target: 'PR plan: requests = lower bound ≤ 20 at every N, 0 writes; wall ≤ 2 s at 20 req/s (N=300, 1000)',
    met:
      pr.length === 0
        ? undefined
        : pr.every(
            (r) =>
              r.exitCode === r.expectedExit &&
              r.requests === r.boundRequests &&
              r.requests <= 20 &&
              r.writes === 0,
          ) && (prAt20.length === 0 ? undefined : prAt20.every((r) => r.wallMs <= 2000)),
    detail: pr
      .map(
        (r) =>
          `N=${r.size} @${r.rps}/s: ${r.requests} requests (bound ${r.boundRequests}), ${r.writes} writes, wall ${fixed(r.wallMs / 1000, 2)} s ` +
          `(config load ${r.beforeFirstRequestMs === undefined ? '-' : fixed(r.beforeFirstRequestMs / 1000, 2)} s, ` +
          `API ${r.apiMs === undefined ? '-' : fixed(r.apiMs / 1000, 2)} s)`,
      )
      .join('; '),
  });
  const throttled = rows.filter((r) => r.maxRps <= r.rps);
  out.push({
    target: '0 responses with 429 when --max-rps ≤ the emulator limit',
    met: throttled.length === 0 ? undefined : throttled.every((r) => r.status429 === 0),
    detail: throttled
      .filter((r) => r.status429 > 0)
      .map((r) => `${r.scenario} N=${r.size} @${r.rps}/s: ${r.status429}`)
      .join('; '),
  });
  // Time: the marginal time per workspace (slopes between sizes), which needs a middle size.
  const spans = checks.filter((c) => c.sizes.includes(30) && c.sizes.includes(1000) && c.sizes.length >= 3);
  out.push({
    target: 'per-workspace requests and time flat within ±20 % from N=30 to N=1000',
    met:
      spans.length === 0
        ? undefined
        : spans.every((c) => c.requestsDeviation <= 0.2 && c.marginalDeviation <= 0.2),
    detail: checks
      .map(
        (c) =>
          `${c.scenario} @${c.rps}/s N=${c.sizes.join('→')}: requests ±${fixed(c.requestsDeviation * 100, 0)} %, ` +
          `marginal time ±${Number.isNaN(c.marginalDeviation) ? '- (two sizes: one slope)' : `${fixed(c.marginalDeviation * 100, 0)} %`} ` +
          `(wall ÷ N ±${fixed(c.timeDeviation * 100, 0)} %, API phase ÷ N ±${fixed(c.apiTimeDeviation * 100, 0)} %)`,
      )
      .join('; '),
  });
  const big = rows.filter((r) => r.size === 1000 && r.rssIsolated);
  out.push({
    target: 'peak RSS of the tool ≤ 256 MB at N=1000',
    met: big.length === 0 ? undefined : big.every((r) => r.maxRssMb <= 256),
    detail: big.map((r) => `${r.scenario}: ${fixed(r.maxRssMb, 0)} MB`).join('; '),
  });
  const applies = rows.filter((r) => r.scenario.startsWith('apply'));
  out.push({
    target: 'every apply converges (nothing left to create or re-role afterwards)',
    met: applies.length === 0 ? undefined : applies.every((r) => r.remainingWrites === 0),
    detail: applies
      .filter((r) => r.remainingWrites !== 0)
      .map((r) => `${r.scenario} N=${r.size}: ${r.remainingWrites} writes still needed`)
      .join('; '),
  });
  const wrongExit = rows.filter((r) => r.exitCode !== r.expectedExit);
  out.push({
    target: 'every run ends with the expected exit code',
    met: rows.length === 0 ? undefined : wrongExit.length === 0,
    detail: wrongExit
      .map((r) => `${r.scenario} N=${r.size}: exit ${r.exitCode}, expected ${r.expectedExit}`)
      .join('; '),
  });
  return out;
}

export function renderTargets(targets: readonly TargetCheck[]): string {
  return targets
    .map(
      (t) =>
        `${t.met === undefined ? 'n/a ' : t.met ? 'MET ' : 'MISS'}  ${t.target}${t.detail === '' ? '' : `\n      ${t.detail}`}`,
    )
    .join('\n');
}

/** Routes where requests differ from the bound, per row that differs, with the 429s (each one re-sent) on the route. */
export function renderGaps(rows: readonly BenchRow[]): string {
  const lines = rows
    .filter((r) => Object.keys(r.routeGaps).length > 0)
    .map((r) => {
      const routes = Object.entries(r.routeGaps).map(([route, gap]) => {
        const throttled = r.status429ByRoute[route] ?? 0;
        return `${route} ${gap > 0 ? '+' : ''}${gap}${throttled > 0 ? ` (${throttled} answered 429)` : ''}`;
      });
      const excess = r.requests - r.boundRequests;
      const explained = excess === r.status429 ? ' — all of it 429 retries' : '';
      return `${r.scenario} N=${r.size} @${r.rps}/s: ${excess > 0 ? '+' : ''}${excess}${explained}: ${routes.join(', ')}`;
    });
  return lines.length === 0 ? 'every route at its bound' : lines.join('\n');
}

/** Key of a row in the results file: a later run replaces an earlier one with the same key. */
export function rowKey(row: Pick<BenchRow, 'scenario' | 'size' | 'rps' | 'maxRps'>): string {
  return `${row.scenario}|${row.size}|${row.rps}|${row.maxRps}`;
}

/** Earlier rows kept, rows of this run added (replacing the same key), in a stable order. */
export function mergeRows(previous: readonly BenchRow[], current: readonly BenchRow[]): BenchRow[] {
  const byKey = new Map(previous.map((r) => [rowKey(r), r]));
  for (const row of current) byKey.set(rowKey(row), row);
  const order: readonly string[] = SCENARIO_IDS;
  return [...byKey.values()].sort(
    (a, b) => b.rps - a.rps || a.size - b.size || order.indexOf(a.scenario) - order.indexOf(b.scenario),
  );
}
