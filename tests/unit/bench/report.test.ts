/** Routes, request-log counting, options, and the report's checks. */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../src/bench/args.js';
import type { BenchRow } from '../../../src/bench/bench.js';
import { summarizeLog } from '../../../src/bench/log-summary.js';
import { checkTargets, flatness, mergeRows, renderGaps, renderTable } from '../../../src/bench/report.js';
import { routeGaps, routeOf } from '../../../src/bench/routes.js';
import { ROUTE } from '../../helpers/bench-routes.js';
import type { RequestLogEntry } from '../../../src/emulator/index.js';

describe('routeOf', () => {
  it.each([
    ['GET', '/orgs/12/workspaces/34/participants', ROUTE.participants],
    ['PUT', '/orgs/12/workspaces/34/participants/add', ROUTE.addParticipant],
    ['PUT', '/orgs/12/workspaces/34/participants/56/role', ROUTE.participantRole],
    ['PUT', '/orgs/12/members/add', ROUTE.addMember],
    ['GET', '/compute-envs/4xYz09AbCd', ROUTE.computeEnv],
    ['POST', '/compute-envs/4xYz09AbCd/primary', ROUTE.primaryComputeEnv],
    ['GET', '/pipelines/77/launch', ROUTE.pipelineLaunch],
    ['GET', '/user-info', ROUTE.userInfo],
    ['GET', '/compute-envs', ROUTE.computeEnvs],
  ])('%s %s', (method, path, route) => {
    expect(routeOf(method, path)).toBe(route);
  });

  it('names a role by its name and an unserved path by its literal segments', () => {
    expect(routeOf('GET', '/roles/bench-runner-1')).toBe(ROUTE.role);
    expect(routeOf('GET', '/roles/5')).toBe('GET /roles/{id}');
    expect(routeOf('GET', '/no-such/12/thing')).toBe('GET /no-such/{id}/thing');
  });

  it('reports gaps', () => {
    const counts = { [ROUTE.members]: 10, [ROUTE.participants]: 3, [ROUTE.userInfo]: 1 };
    expect(routeGaps(counts, { [ROUTE.members]: 10, [ROUTE.participants]: 2, [ROUTE.orgs]: 1 })).toEqual({
      [ROUTE.participants]: 1,
      [ROUTE.userInfo]: 1,
      [ROUTE.orgs]: -1,
    });
  });
});

describe('summarizeLog', () => {
  const entry = (
    method: string,
    path: string,
    status = 200,
    query: Readonly<Record<string, string>> = {},
  ): RequestLogEntry => ({
    method,
    path,
    query,
    status,
    write: method !== 'GET',
  });

  it('counts the org-level requests: not under a workspace, not scoped to one, not creating one', () => {
    const summary = summarizeLog([
      entry('GET', '/user-info'),
      entry('GET', '/orgs/12/members'),
      entry('GET', '/orgs/12/workspaces'),
      entry('POST', '/orgs/12/workspaces'),
      entry('GET', '/orgs/12/workspaces/34/participants'),
      entry('GET', '/credentials', 200, { workspaceId: '34' }),
      entry('GET', '/roles', 200, { orgId: '12' }),
    ]);
    expect(summary.orgLevel).toBe(4);
  });

  it('counts writes and 429s, and sets CE lists after the first write apart as waits', () => {
    const ws = { workspaceId: '34' };
    const summary = summarizeLog([
      entry('GET', '/compute-envs', 200, ws),
      entry('GET', '/orgs', 429),
      entry('POST', '/compute-envs', 200, ws),
      entry('GET', '/compute-envs', 200, ws),
      entry('GET', '/compute-envs', 200, ws),
      entry('GET', '/pipelines/3/launch', 404, ws),
    ]);
    expect(summary).toEqual({
      requests: 6,
      writes: 1,
      status429: 1,
      otherErrors: 1,
      waitPolls: 2,
      byRoute: {
        [ROUTE.computeEnvs]: 1,
        [ROUTE.orgs]: 1,
        [ROUTE.createComputeEnv]: 1,
        [ROUTE.pipelineLaunch]: 1,
      },
      status429ByRoute: { [ROUTE.orgs]: 1 },
      orgLevel: 1,
    });
  });
});

describe('parseBenchArgs', () => {
  it('defaults to N = 30 and 300 at 200 req/s, every scenario', () => {
    const args = parseBenchArgs([]);
    expect(args).toMatchObject({ sizes: [30, 300], rps: 200, maxRps: 200, latencyMs: 20 });
    expect(args.scenarios).toEqual([
      'plan-noop',
      'plan-drift',
      'plan-pr',
      'apply-empty',
      'apply-noop',
      'access-report',
    ]);
  });

  it('takes --size 1000 alone, and --rps 20 alone measures the plan target at N = 300', () => {
    expect(parseBenchArgs(['--size', '1000']).sizes).toEqual([1000]);
    const slow = parseBenchArgs(['--rps', '20']);
    expect(slow).toMatchObject({ sizes: [300], scenarios: ['plan-noop'], rps: 20, maxRps: 20 });
    expect(slow.note).toMatch(/plan-noop at N=300/);
    expect(parseBenchArgs(['--rps=20', '--size=30,300']).scenarios).toHaveLength(6);
  });

  it('takes a CPU-profile directory', () => {
    expect(parseBenchArgs(['--cpu-prof', 'prof']).cpuProfDir).toBe('prof');
    expect(parseBenchArgs([]).cpuProfDir).toBeUndefined();
  });

  it('rejects unknown options and bad values', () => {
    expect(() => parseBenchArgs(['--sizes', '3'])).toThrow(/unknown option/);
    expect(() => parseBenchArgs(['--size', '0'])).toThrow(/--size/);
    expect(() => parseBenchArgs(['--scenario', 'plan'])).toThrow(/--scenario/);
  });
});

function aRow(overrides: Partial<BenchRow>): BenchRow {
  return {
    scenario: 'plan-noop',
    title: 'plan, nothing changed',
    size: 30,
    rps: 200,
    maxRps: 200,
    latencyMs: 20,
    applyConcurrency: 16,
    exitCode: 0,
    expectedExit: 0,
    requestsSent: 100,
    waitPolls: 0,
    requests: 100,
    boundRequests: 100,
    requestRatio: 1,
    writes: 0,
    boundWrites: 0,
    status429: 0,
    otherErrors: 0,
    criticalPath: 4,
    wallMs: 600,
    ceWaitIdleMs: 0,
    ceWaitOpenMs: 0,
    ceWaits: 0,
    ceWaitMaxMs: 0,
    wallExclWaitMs: 600,
    timeBoundMs: 500,
    timeRatio: 1.2,
    maxRssMb: 100,
    rssAtFirstRequestMb: 80,
    rssDuringRequestsMb: 90,
    rssIsolated: true,
    cpuMs: 300,
    beforeFirstRequestMs: 50,
    afterLastAnswerMs: 20,
    apiMs: 530,
    processWallMs: 800,
    clientRequests: 100,
    orgLevelRequests: 10,
    perWorkspaceRequests: 3,
    perWorkspaceMs: 10,
    perWorkspaceApiMs: 8,
    remainingWrites: 0,
    routeGaps: {},
    status429ByRoute: {},
    avgCallsInFlight: 4,
    measuredByRoute: {},
    boundByRoute: {},
    ...overrides,
  };
}

describe('report', () => {
  // 2 s of fixed cost, then 60 ms per workspace up to 300 and 75 ms beyond: not linear.
  const rows = [
    aRow({ size: 30, perWorkspaceRequests: 12, perWorkspaceMs: 60, wallExclWaitMs: 2000 + 30 * 60 }),
    aRow({
      size: 300,
      perWorkspaceRequests: 12,
      perWorkspaceMs: 66,
      timeRatio: 1.1,
      wallExclWaitMs: 2000 + 300 * 60,
    }),
    aRow({
      size: 1000,
      perWorkspaceRequests: 12,
      perWorkspaceMs: 75,
      maxRssMb: 300,
      wallExclWaitMs: 2000 + 300 * 60 + 700 * 75,
    }),
  ];

  it('measures per-workspace growth against the smallest N, and the marginal time between sizes', () => {
    const [check] = flatness(rows);
    expect(check?.sizes).toEqual([30, 300, 1000]);
    expect(check?.requestsDeviation).toBe(0);
    expect(check?.timeDeviation).toBeCloseTo(0.25);
    expect(check?.marginalMs[0]).toBeCloseTo(60);
    expect(check?.marginalMs[1]).toBeCloseTo(75);
    expect(check?.marginalDeviation).toBeCloseTo(0.25);
  });

  it('takes fixed costs out of the marginal time: linear growth with a large start-up is flat', () => {
    const linear = [30, 300, 1000].map((size) =>
      aRow({ size, perWorkspaceRequests: 12, wallExclWaitMs: 5000 + size * 64 }),
    );
    const [check] = flatness(linear);
    expect(check?.marginalDeviation).toBeCloseTo(0);
    const flat = checkTargets(linear, flatness(linear)).find((t) => t.target.startsWith('per-workspace'));
    expect(flat?.met).toBe(true);
    const twoSizes = linear.filter((r) => r.size !== 300);
    expect(flatness(twoSizes)[0]?.marginalDeviation).toBeNaN();
    expect(
      checkTargets(twoSizes, flatness(twoSizes)).find((t) => t.target.startsWith('per-workspace'))?.met,
    ).toBe(undefined);
  });

  it('checks the targets from the rows, never from constants', () => {
    const targets = checkTargets(rows, flatness(rows));
    const met = Object.fromEntries(targets.map((t) => [t.target.slice(0, 20), t.met]));
    expect(met['requests ÷ lower bou']).toBe(true);
    expect(met['wall ÷ time bound ≤ ']).toBe(true);
    expect(met['per-workspace reques']).toBe(false);
    expect(met['peak RSS of the tool']).toBe(false);
    expect(met['no-op apply makes 0 ']).toBeUndefined();
  });

  it('names the routes above the bound and the 429s that explain them', () => {
    const row = aRow({
      requests: 103,
      status429: 3,
      routeGaps: { [ROUTE.pipelineLaunch]: 2, [ROUTE.computeEnv]: 1 },
      status429ByRoute: { [ROUTE.pipelineLaunch]: 2, [ROUTE.computeEnv]: 1 },
    });
    expect(renderGaps([row, aRow({})])).toBe(
      `plan-noop N=30 @200/s: +3 — all of it 429 retries: ${ROUTE.pipelineLaunch} +2 (2 answered 429), ${ROUTE.computeEnv} +1 (1 answered 429)`,
    );
    expect(renderGaps([aRow({})])).toBe('every route at its bound');
  });

  it('does not count a failed run as meeting a time target', () => {
    const failed = aRow({ size: 300, timeRatio: 1.05, exitCode: 1 });
    const [, , time] = checkTargets([failed], []);
    expect(time?.met).toBe(false);
    expect(time?.detail).toContain('failed: exit 1');
  });

  it('renders every row and merges a later run over an earlier one', () => {
    const table = renderTable(rows);
    expect(table.split('\n')).toHaveLength(2 + rows.length);
    expect(table).toContain('req/bound');
    const merged = mergeRows(rows, [aRow({ size: 300, wallMs: 1 })]);
    expect(merged).toHaveLength(3);
    expect(merged.find((r) => r.size === 300)?.wallMs).toBe(1);
  });
});
