import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyReport } from '../../../src/apply/types.js';
import type { FaultKind } from '../../../src/emulator/faults.js';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import { actionsOf, startHarness, type Harness } from './harness.js';
import { emptyOrgSeed, estate } from './estate.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** Every name of every collection appears once: nothing was created twice. */
function duplicates(seed: EmulatorSeed): string[] {
  const seen = new Map<string, number>();
  const count = (key: string): void => {
    seen.set(key, (seen.get(key) ?? 0) + 1);
  };
  for (const org of seed.orgs ?? []) {
    for (const m of org.members ?? []) count(`member ${m.email.toLowerCase()}`);
    for (const t of org.teams ?? []) {
      count(`team ${t.name}`);
      for (const e of t.members ?? []) count(`team ${t.name} member ${e}`);
    }
    for (const ws of org.workspaces ?? []) {
      count(`ws ${ws.name}`);
      for (const p of ws.participants ?? [])
        count(`ws ${ws.name} participant ${p.email ?? `team:${p.team ?? ''}`}`);
      for (const c of ws.credentials ?? []) count(`ws ${ws.name} credential ${c.name}`);
      for (const c of ws.computeEnvironments ?? []) count(`ws ${ws.name} ce ${c.name}`);
      for (const p of ws.pipelines ?? []) count(`ws ${ws.name} pipeline ${p.name}`);
      for (const s of ws.secrets ?? []) count(`ws ${ws.name} secret ${s.name}`);
    }
  }
  return [...seen.entries()].filter(([, n]) => n > 1).map(([key]) => key);
}

interface Measured {
  readonly applies: number;
  /** Faults injected while applying, by kind (reads and writes). */
  readonly faults: Readonly<Record<string, number>>;
  /** Creates (POST, PUT …/add) whose response was lost or that failed ambiguously. */
  readonly ambiguousCreates: number;
  readonly failedFirst: number;
  readonly requests: number;
}

/** Applies under faults until the plan (read with faults) is empty; at most `rounds` applies. */
async function convergeUnderFaults(
  h: Harness,
  rounds: number,
): Promise<Measured & { readonly total: number }> {
  const desired = estate();
  let applies = 0;
  let failedFirst = -1;
  let requests = 0;
  const faults: Record<string, number> = {};
  let ambiguousCreates = 0;
  for (;;) {
    const plan = await h.plan(desired);
    if (plan.actions.length === 0) break;
    if (applies === rounds)
      throw new Error(`not converged after ${rounds} applies: ${actionsOf(plan).join(', ')}`);
    const from = h.emulator.requestLog().length;
    const report: ApplyReport = await h.apply(plan);
    requests += report.requests.total;
    for (const entry of h.emulator.requestLog().slice(from)) {
      if (entry.fault === undefined) continue;
      faults[entry.fault] = (faults[entry.fault] ?? 0) + 1;
      if (entry.fault !== '429' && (entry.method === 'POST' || entry.path.endsWith('/add')))
        ambiguousCreates++;
    }
    if (failedFirst < 0) failedFirst = report.failed.length;
    applies++;
  }
  const total = h.emulator.requestLog().filter((e) => e.fault !== undefined).length;
  return { applies, faults, ambiguousCreates, failedFirst, requests, total };
}

describe('apply under injected faults converges with no duplicates', () => {
  it.each<[string, readonly FaultKind[], number]>([
    ['429 with Retry-After', ['429'], 0.1],
    ['503/502/504', ['5xx'], 0.2],
    ['dropped connections', ['drop'], 0.2],
    ['lost responses on writes', ['lost-response'], 0.3],
    ['all kinds together', ['429', '5xx', 'drop', 'lost-response'], 0.15],
  ])('%s', async (_label, kinds, rate) => {
    harness = await startHarness({ seed: emptyOrgSeed(), faultRate: rate, faultSeed: 7, faultKinds: kinds });
    const measured = await convergeUnderFaults(harness, 3);
    // Faults land on plan reads and on the apply alike; the arrival order (so which requests) varies with timing.
    expect(measured.total).toBeGreaterThan(0);
    harness.emulator.setFaults({ faultRate: 0 });
    expect(actionsOf(await harness.plan(estate()))).toEqual([]);
    expect(duplicates(harness.emulator.snapshot())).toEqual([]);
    // Measured numbers, for the issue note (stdout of the test run).
    console.info(`faults[${kinds.join('+')}@${rate}]: ${JSON.stringify(measured)}`);
  });

  it('a rate limit below the client rate (429 + Retry-After) still converges in one apply', async () => {
    harness = await startHarness({ seed: emptyOrgSeed(), rateLimit: 10, maxRps: 60 });
    const report = await harness.apply(await harness.plan(estate()));
    expect(report.failed).toEqual([]);
    const limited = harness.emulator.requestLog().filter((e) => e.status === 429).length;
    expect(limited).toBeGreaterThan(0);
    expect(actionsOf(await harness.plan(estate()))).toEqual([]);
    console.info(`rate-limit 10/s with client 60/s: ${limited} answers were 429, converged in 1 apply`);
  });
});
