/**
 * A tiny end-to-end benchmark run: N=2 workspaces of a small estate, no
 * latency, the tool in-process (the real CLI against a real emulator; the
 * CLI of the sources, where `npm run bench` runs the build in dist/). It
 * checks the plumbing — every scenario measured, requests ÷ bound reported,
 * the JSON written — not the machine's speed.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import type { BenchRow } from '../../../src/bench/bench.js';
import type { EstateShape } from '../../../src/bench/estate.js';
import { benchMain } from '../../../src/bench/main.js';
import { run } from '../../../src/cli/main.js';

const shape = (workspaces: number): EstateShape => ({
  workspaces,
  members: 12,
  teams: 2,
  teamSize: 3,
  participants: 4,
  teamParticipants: 1,
  credentials: 2,
  computeEnvs: 2,
  pipelines: 2,
  secrets: 1,
  labels: 3,
  dataLinks: 2,
  datasets: 2,
  roles: 2,
  driftRatio: 0.1,
});

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('benchMain, N=2 in-process', () => {
  it('measures every scenario and reports requests ÷ bound', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-e2e-'));
    dirs.push(dir);
    let stdout = '';
    let stderr = '';
    const code = await benchMain(
      [
        '--size',
        '2',
        '--latency',
        '0',
        '--rps',
        '1000',
        '--ce-delay',
        '0',
        '--in-process',
        '--out',
        'r.json',
      ],
      {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        cwd: dir,
        shape,
        cli: { run, createApiClient },
      },
    );
    expect(stderr).toContain('wrote');
    expect(code).toBe(0);
    for (const scenario of [
      'plan-noop',
      'plan-drift',
      'plan-pr',
      'apply-empty',
      'apply-noop',
      'access-report',
    ]) {
      expect(stdout).toMatch(new RegExp(`^${scenario}\\s+2\\s`, 'm'));
    }
    expect(stdout).toContain('req/bound');
    const document = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { rows: BenchRow[] };
    expect(document.rows.map((r) => r.scenario).sort()).toEqual([
      'access-report',
      'apply-empty',
      'apply-noop',
      'plan-drift',
      'plan-noop',
      'plan-pr',
    ]);
    for (const row of document.rows) {
      expect(row.exitCode).toBe(row.expectedExit);
      expect(row.boundRequests).toBeGreaterThan(0);
      expect(row.requestRatio).toBeCloseTo(row.requests / row.boundRequests);
      expect(row.status429).toBe(0);
      // Every scenario at its bound, route by route (datasets included: read, downloaded, created, uploaded).
      expect(row.routeGaps).toEqual({});
      expect(row.requests).toBe(row.boundRequests);
    }
    const byScenario = new Map(document.rows.map((r) => [r.scenario, r]));
    expect(byScenario.get('apply-noop')?.writes).toBe(0);
    // The PR plan reads the changed workspace and the org-level lists it needs, at the bound, and writes nothing.
    const pr = byScenario.get('plan-pr');
    expect(pr?.requests).toBe(pr?.boundRequests);
    expect(pr?.requests).toBeLessThan(byScenario.get('plan-noop')?.requests ?? 0);
    expect(pr?.writes).toBe(0);
    expect(byScenario.get('apply-empty')?.remainingWrites).toBe(0);
    expect(byScenario.get('apply-empty')?.writes).toBeGreaterThan(0);
    expect(byScenario.get('apply-empty')?.writes).toBe(byScenario.get('apply-empty')?.boundWrites);
    // The access report reads exactly its list floor and writes nothing.
    expect(byScenario.get('access-report')).toMatchObject({ writes: 0, requestRatio: 1 });
  });
});
