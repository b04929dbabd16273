/**
 * Convergence under faults: random small estates (one org,
 * 1–3 workspaces, members, teams, participants, credentials, compute
 * environments, pipelines, secrets) on an emulator seeded with the converged
 * platform plus random drift, then `seqera-sync apply --yes` through the CLI
 * while the emulator injects 10 % faults (5xx, 429, dropped connections,
 * responses lost after a write was applied). For every estate:
 *
 * - each apply either succeeds or exits 1, and its JSON report accounts for
 *   every planned action exactly once (applied, failed, skipped or pending);
 *   some estates also make the first creation of each compute environment
 *   end ERRORED (a one-off platform failure), so that path is exercised too;
 * - every write request belongs to an action of the plan it executed (kind,
 *   type and name; a compute-environment replace owns its temporary CE, the
 *   re-pointed pipelines and the old CE's deletion) — so with prune off no
 *   delete is ever sent but a replace's;
 * - at most one more apply (faults still on) converges: the next plan, read
 *   without faults, has no action; a further apply under faults writes nothing;
 * - the platform never holds two objects of one name in one scope, nor a
 *   leftover temporary compute environment.
 *
 * Default: 8 estates; `npm run test:soak`: 100. Knobs: SEQERA_SYNC_CONVERGE_SEED,
 * SEQERA_SYNC_CONVERGE_ESTATES, SEQERA_SYNC_CONVERGE_ESTATE (one index, to
 * reproduce a printed failure: its config dir is kept), SEQERA_SYNC_CONVERGE_VERBOSE=1
 * (print every estate). The estate, its drift
 * and the fault seed are reproducible; which request a fault hits can vary,
 * since the tool sends independent requests concurrently.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadDesiredState } from '../../src/config/load-desired-state.js';
import { seedFromDesired } from '../../src/demo/seed-from-desired.js';
import type { EmulatorSeed } from '../../src/emulator/seed.js';
import {
  startEmulator,
  type FaultKind,
  type RequestLogEntry,
  type RunningEmulator,
} from '../../src/emulator/start-emulator.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import {
  DRIFT_KINDS,
  driftSeed,
  generateEstate,
  TOKEN_EMAIL,
  type GeneratedEstate,
} from './support/estates.js';
import { caseRng, onlyCaseFromEnv, SOAK, sizeFromEnv } from './support/random.js';
import { auditWrites, describeWrite, type AuditedAction } from './support/write-audit.js';
import { varsJsonFor } from '../helpers/variables.js';

const SEED = sizeFromEnv('SEQERA_SYNC_CONVERGE_SEED', 8_008, 8_008);
const ESTATES = sizeFromEnv('SEQERA_SYNC_CONVERGE_ESTATES', 8, 100);
const ONLY = onlyCaseFromEnv('SEQERA_SYNC_CONVERGE_ESTATE');
const FAULT_RATE = 0.1;
/**
 * Kinds a fault is drawn from (uniformly, per request). A lost response is the
 * hard case (the write was applied; only a re-read can tell), and only writes
 * can get one, so it is listed twice: it is half of the faults on writes.
 */
const FAULT_KINDS: readonly FaultKind[] = ['5xx', '429', 'drop', 'lost-response', 'lost-response'];
/** SEQERA_SYNC_CONVERGE_VERBOSE=1: print every estate, not only failing ones. */
const VERBOSE = process.env.SEQERA_SYNC_CONVERGE_VERBOSE === '1';

interface Stats {
  applies: number;
  /** Applies it took until the plan was empty (0: it already was); undefined: not converged. */
  appliesToConverge: number | undefined;
  requests: number;
  writes: number;
  faults: Record<string, number>;
  failedActions: number;
  /** Applies that exited 1 (with their report). */
  failedApplies: number;
  aborted: number;
}

const results = new Map<number, Stats & { readonly drift: readonly string[] }>();

interface PlanJson {
  readonly actions: readonly AuditedAction[];
  readonly blocked: readonly { readonly rule: string; readonly message: string }[];
}

interface ReportJson {
  readonly formatVersion: string;
  readonly applied: readonly { readonly address: string }[];
  readonly failed: readonly { readonly address: string; readonly error: string }[];
  readonly skipped: readonly { readonly address: string; readonly because: string }[];
  readonly pending: readonly { readonly address: string }[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Names that occur twice in one scope (org members, teams, workspaces, and each workspace's collections). */
function duplicates(seed: EmulatorSeed): string[] {
  const seen = new Map<string, number>();
  const count = (key: string): void => {
    seen.set(key, (seen.get(key) ?? 0) + 1);
  };
  for (const org of seed.orgs ?? []) {
    for (const m of org.members ?? []) count(`member ${m.email.toLowerCase()}`);
    for (const t of org.teams ?? []) {
      count(`team ${t.name}`);
      for (const e of t.members ?? []) count(`team ${t.name} member ${e.toLowerCase()}`);
    }
    for (const ws of org.workspaces ?? []) {
      count(`workspace ${ws.name}`);
      for (const p of ws.participants ?? [])
        count(`${ws.name} participant ${p.email?.toLowerCase() ?? `team:${p.team ?? ''}`}`);
      for (const c of ws.credentials ?? []) count(`${ws.name} credential ${c.name}`);
      for (const c of ws.computeEnvironments ?? []) count(`${ws.name} compute environment ${c.name}`);
      for (const p of ws.pipelines ?? []) count(`${ws.name} pipeline ${p.name}`);
      for (const s of ws.secrets ?? []) count(`${ws.name} secret ${s.name}`);
    }
  }
  return [...seen.entries()].filter(([, n]) => n > 1).map(([key, n]) => `${key} (${n} times)`);
}

/** Temporary compute environments a replace left behind. */
function leftovers(seed: EmulatorSeed): string[] {
  return (seed.orgs ?? []).flatMap((org) =>
    (org.workspaces ?? []).flatMap((ws) =>
      (ws.computeEnvironments ?? [])
        .filter((ce) => /-next-[0-9a-f]{8}$/.test(ce.name))
        .map((ce) => `${ws.name}/${ce.name} (${ce.status ?? 'AVAILABLE'})`),
    ),
  );
}

/** Problems with an apply's report, given the actions of the plan it executed. */
function reportProblems(result: CliResult, actions: readonly AuditedAction[], writes: number): string[] {
  const report = parseJson(result.stdout) as ReportJson | undefined;
  if (report?.formatVersion === undefined) {
    // No report: the run stopped before applying (e.g. reads failed after every retry). Then nothing may be written.
    const problems = [`apply exited ${result.code} without a report: ${result.stderr.trim().slice(0, 300)}`];
    return result.code === 1 && writes === 0 ? [] : problems;
  }
  const problems: string[] = [];
  const reported = [
    ...report.applied.map((a) => a.address),
    ...report.failed.map((a) => a.address),
    ...report.skipped.map((a) => a.address),
    ...report.pending.map((a) => a.address),
  ];
  const planned = actions.map((a) => a.address);
  const missing = planned.filter((a) => !reported.includes(a));
  const extra = reported.filter((a) => !planned.includes(a));
  const twice = reported.filter((a, i) => reported.indexOf(a) !== i);
  if (missing.length > 0) problems.push(`report misses planned actions: ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`report has unplanned actions: ${extra.join(', ')}`);
  if (twice.length > 0) problems.push(`report lists actions twice: ${twice.join(', ')}`);
  for (const f of report.failed)
    if (f.error.trim() === '') problems.push(`${f.address}: failed with no error`);
  for (const s of report.skipped)
    if (s.because.trim() === '') problems.push(`${s.address}: skipped with no reason`);
  const expected = report.failed.length === 0 ? 0 : 1;
  if (result.code !== expected)
    problems.push(`apply exited ${result.code} with ${report.failed.length} failed action(s)`);
  if (/\n\s+at /.test(result.stdout + result.stderr)) problems.push('stack trace in the apply output');
  return problems;
}

type OnFinished = (fn: () => Promise<void>) => void;

async function runEstate(
  root: string,
  index: number,
  onFinished: OnFinished,
): Promise<{ stats: Stats; drift: string[]; problems: string[]; estate: GeneratedEstate; dir: string }> {
  const rng = caseRng(SEED, index);
  const estate = generateEstate(rng);
  const dir = path.join(root, `estate-${String(index).padStart(4, '0')}`);
  for (const file of estate.files) {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  const loaded = await loadDesiredState(dir);
  if (!loaded.ok) {
    throw new Error(
      `generated estate ${index} is invalid (a bug in the generator): ${loaded.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`,
    );
  }
  const token = `tok-${SEED}-${index}-robustness`;
  const converged = seedFromDesired(loaded.value, {
    tokenUser: { userName: 'sync-bot', email: TOKEN_EMAIL, token },
    secretValue: (variable) => estate.variables[variable] ?? `unset-${variable}`,
  });
  const { seed, drift } = driftSeed(converged, rng);
  // Some estates also get a one-off platform failure: the first creation of each compute environment
  // ends ERRORED, so the first apply fails that action (exit 1, dependents skipped) and the next one must finish.
  const failCeOnce = rng.chance(0.3);
  const failedOnce = new Set<string>();
  const failComputeEnvs = (name: string): boolean => {
    const base = name.replace(/-next-[0-9a-f]{8}$/, '');
    if (!failCeOnce || failedOnce.has(base)) return false;
    failedOnce.add(base);
    return true;
  };
  if (failCeOnce) drift.push('ce-fails-once: the first creation of each compute environment ends ERRORED');
  const emulator: RunningEmulator = await startEmulator({
    seed,
    ceCreateDelayMs: 20,
    ceDeleteDelayMs: 20,
    failComputeEnvs,
  });
  onFinished(() => emulator.stop());
  const env = {
    TOWER_ACCESS_TOKEN: emulator.token,
    SEQERA_SYNC_VARS: varsJsonFor(loaded.value, estate.variables),
  };
  const cli = (args: readonly string[]): Promise<CliResult> =>
    runCli([...args, '--config-dir', dir, '--endpoint', emulator.endpoint, '--max-rps', '200', '--quiet'], {
      env,
    });
  const faultSeed = (round: number): number => (SEED * 1_000 + index * 10 + round) >>> 0;
  const planNow = async (): Promise<PlanJson | string> => {
    emulator.setFaults({ faultRate: 0 });
    const result = await cli(['plan', '--format', 'json']);
    const plan = parseJson(result.stdout) as PlanJson | undefined;
    if (plan === undefined)
      return `plan exited ${result.code} without a JSON plan: ${result.stderr.trim().slice(0, 300)}`;
    return plan;
  };

  const stats: Stats = {
    applies: 0,
    appliesToConverge: undefined,
    requests: 0,
    writes: 0,
    faults: {},
    failedActions: 0,
    failedApplies: 0,
    aborted: 0,
  };
  const problems: string[] = [];
  for (let round = 1; round <= 3; round++) {
    const plan = await planNow();
    if (typeof plan === 'string') {
      problems.push(`before apply ${round}: ${plan}`);
      break;
    }
    if (plan.blocked.length > 0) {
      problems.push(
        `plan before apply ${round} is blocked: ${plan.blocked.map((b) => `${b.rule}: ${b.message}`).join('; ')}`,
      );
      break;
    }
    if (!estate.pruneAny && plan.actions.some((a) => a.type === 'delete'))
      problems.push(
        `prune is off but the plan deletes: ${plan.actions
          .filter((a) => a.type === 'delete')
          .map((a) => a.address)
          .join(', ')}`,
      );
    if (plan.actions.length === 0) {
      stats.appliesToConverge = round - 1;
      break;
    }
    if (round === 3) {
      problems.push(
        `not converged after 2 applies; still planned: ${plan.actions.map((a) => `${a.type} ${a.address}`).join(', ')}`,
      );
      break;
    }
    const from = emulator.requestLog().length;
    emulator.setFaults({ faultRate: FAULT_RATE, faultSeed: faultSeed(round), faultKinds: FAULT_KINDS });
    const result = await cli(['apply', '--yes', '--format', 'json']);
    emulator.setFaults({ faultRate: 0 });
    stats.applies++;
    const log = emulator.requestLog();
    const entries = log.slice(from);
    const writes = entries.filter((e) => e.write);
    stats.requests += entries.length;
    stats.writes += writes.length;
    for (const e of entries)
      if (e.fault !== undefined) stats.faults[e.fault] = (stats.faults[e.fault] ?? 0) + 1;
    const report = parseJson(result.stdout) as ReportJson | undefined;
    if (report?.failed !== undefined) {
      stats.failedActions += report.failed.length;
      if (result.code === 1) stats.failedApplies++;
    } else stats.aborted++;
    const label = `apply ${round}`;
    problems.push(...reportProblems(result, plan.actions, writes.length).map((p) => `${label}: ${p}`));
    problems.push(...auditWrites(writes, plan.actions, log).map((p) => `${label}: ${p}`));
    // The audit has teeth: against an empty plan, every one of these writes is refused.
    const unplanned = auditWrites(writes, [], log).length;
    if (unplanned !== writes.length)
      problems.push(
        `${label}: the write audit accepted ${writes.length - unplanned} write(s) with no plan at all`,
      );
    if (!estate.pruneAny) {
      const deletes = writes.filter((w) => w.method === 'DELETE' && !w.path.startsWith('/compute-envs/'));
      if (deletes.length > 0)
        problems.push(`${label}: prune is off but it sent ${deletes.map(describeWrite).join(', ')}`);
    }
  }

  if (problems.length === 0) {
    // Converged: an apply under faults now reads and writes nothing.
    const from = emulator.requestLog().length;
    emulator.setFaults({ faultRate: FAULT_RATE, faultSeed: faultSeed(9), faultKinds: FAULT_KINDS });
    const again = await cli(['apply', '--yes', '--format', 'json']);
    emulator.setFaults({ faultRate: 0 });
    const writes = emulator
      .requestLog()
      .slice(from)
      .filter((e: RequestLogEntry) => e.write);
    if (writes.length > 0)
      problems.push(`no-op apply under faults wrote: ${writes.map(describeWrite).join(', ')}`);
    if (again.code !== 0 && (parseJson(again.stdout) as ReportJson | undefined)?.formatVersion !== undefined)
      problems.push(`no-op apply under faults exited ${again.code}`);
  }
  const snapshot = emulator.snapshot();
  problems.push(...duplicates(snapshot).map((d) => `duplicate: ${d}`));
  problems.push(...leftovers(snapshot).map((d) => `temporary compute environment left behind: ${d}`));
  return { stats, drift, problems, estate, dir };
}

const indexes = ONLY === undefined ? Array.from({ length: ESTATES }, (_, i) => i) : [ONLY];

describe.concurrent(
  `convergence under ${FAULT_RATE * 100} % faults (seed ${SEED}, ${ONLY === undefined ? `${ESTATES} estates` : `estate ${ONLY}`}${SOAK ? ', soak' : ''})`,
  { timeout: SOAK ? 600_000 : 120_000 },
  () => {
    let root = '';
    let failed = false;
    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'seqera-sync-converge-'));
    });
    afterAll(async () => {
      const all = [...results.values()];
      const faults: Record<string, number> = {};
      for (const r of all) for (const [k, n] of Object.entries(r.faults)) faults[k] = (faults[k] ?? 0) + n;
      const kinds = all.flatMap((r) => r.drift.map((d) => d.slice(0, d.indexOf(':'))));
      const drifts = new Set(kinds.filter((k) => DRIFT_KINDS.includes(k)));
      const ceFailures = kinds.filter((k) => k === 'ce-fails-once').length;
      console.info(
        [
          `convergence: ${all.length} estates (seed ${SEED}); plan empty after 0 applies: ${all.filter((r) => r.appliesToConverge === 0).length}, after 1: ${all.filter((r) => r.appliesToConverge === 1).length}, after 2: ${all.filter((r) => r.appliesToConverge === 2).length}, not converged: ${all.filter((r) => r.appliesToConverge === undefined).length}`,
          `  applies ${all.reduce((n, r) => n + r.applies, 0)}, requests ${all.reduce((n, r) => n + r.requests, 0)}, writes ${all.reduce((n, r) => n + r.writes, 0)}, failed actions ${all.reduce((n, r) => n + r.failedActions, 0)} in ${all.reduce((n, r) => n + r.failedApplies, 0)} applies that exited 1, applies stopped before writing ${all.reduce((n, r) => n + r.aborted, 0)}`,
          `  faults injected: ${JSON.stringify(faults)}`,
          `  drift kinds exercised: ${drifts.size} of ${DRIFT_KINDS.length}; estates with a one-off compute-environment failure: ${ceFailures}`,
        ].join('\n'),
      );
      if (!failed && ONLY === undefined) await rm(root, { recursive: true, force: true });
    });

    // Concurrent (vitest's maxConcurrency, 5): an estate's time is mostly waiting (Retry-After, CE polls).
    it.for(indexes)(
      'estate %i converges within two applies, writing only what was planned',
      async (index, { expect, onTestFinished }) => {
        const started = performance.now();
        const { stats, drift, problems, estate, dir } = await runEstate(root, index, onTestFinished);
        results.set(index, { ...stats, drift });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (problems.length > 0 || ONLY !== undefined || VERBOSE) {
          failed ||= problems.length > 0;
          console.info(
            `estate ${index} [SEQERA_SYNC_CONVERGE_SEED=${SEED} SEQERA_SYNC_CONVERGE_ESTATE=${index}] in ${seconds} s, config in ${dir}\n  ${estate.summary}\n  drift: ${drift.join('; ') || 'none'}\n  stats: ${JSON.stringify(stats)}\n  ${problems.join('\n  ') || 'no problems'}`,
          );
        }
        expect(problems).toEqual([]);
      },
    );
  },
);
