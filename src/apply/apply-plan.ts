/**
 * `applyPlan`: executes a plan's actions and nothing else (what was reviewed
 * is what runs), in the order of `scheduleOf` — org-level creates/updates, then up to
 * `concurrency` workspaces at once (each its creates/updates in order, then
 * its deletions in reverse), then org-level deletions — and returns an
 * `ApplyReport`. It refuses a blocked plan before any request; after that it
 * never throws: a failed action skips only its dependents and everything
 * independent still runs. Ids resolve as `created[address] ?? liveIds[address]`.
 */
import pLimit from 'p-limit';
import type { ApiClient } from '../api/api-client.js';
import { variablesOf } from '../secrets/variables.js';
import { PlanBlockedError } from '../errors.js';
import type { Plan, PlanAction } from '../model/plan.js';
import type { ActionContext, WaitSettings } from '../kinds/kit/action-context.js';
import { dependenciesOf } from './dependencies.js';
import { IdRegistry } from '../kinds/kit/id-registry.js';
import { ActionFailure } from '../kinds/kit/outcome.js';
import { Runner, type ActionState } from './runner.js';
import { scheduleOf } from './schedule.js';
import type {
  ActionResult,
  ApplyEvent,
  ApplyOptions,
  ApplyReport,
  FailedAction,
  PendingPerson,
  SkippedAction,
} from './types.js';

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_POLL_INTERVAL_MS = 5_000;

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `waiting`, or an ActionFailure as soon as `signal` aborts (Ctrl+C during a compute-environment wait). */
function interruptible(waiting: Promise<void>, signal: AbortSignal): Promise<void> {
  const stopped = (): ActionFailure => new ActionFailure('interrupted while waiting');
  if (signal.aborted) return Promise.reject(stopped());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      reject(stopped());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    waiting.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function resultOf(action: PlanAction): ActionResult {
  return {
    address: action.address,
    kind: action.kind,
    type: action.type,
    org: action.org,
    ...(action.workspace === undefined ? {} : { workspace: action.workspace }),
    name: action.name,
  };
}

function buildReport(
  plan: Plan,
  states: ReadonlyMap<string, ActionState>,
  warnings: readonly string[],
  requests: ApplyReport['requests'],
): ApplyReport {
  const applied: ActionResult[] = [];
  const failed: FailedAction[] = [];
  const skipped: SkippedAction[] = [];
  const pending: PendingPerson[] = [];
  for (const action of plan.actions) {
    const state = states.get(action.address);
    const result = resultOf(action);
    if (state === undefined) {
      skipped.push({ ...result, because: 'not run (internal scheduling error)' });
      continue;
    }
    switch (state.status) {
      case 'applied':
        applied.push(state.notes === undefined ? result : { ...result, notes: state.notes });
        break;
      case 'failed':
        failed.push({ ...result, error: state.error });
        break;
      case 'skipped':
        skipped.push({ ...result, because: state.because });
        break;
      case 'pending':
        pending.push({ address: action.address, email: state.email, message: state.message });
        break;
    }
  }
  return { applied, failed, skipped, pending, warnings: [...new Set(warnings)], requests };
}

export async function applyPlan(plan: Plan, client: ApiClient, options: ApplyOptions): Promise<ApplyReport> {
  if (plan.blocked.length > 0) {
    throw new PlanBlockedError(
      `the plan is blocked (${plan.blocked.map((rule) => rule.rule).join(', ')}): nothing was applied`,
    );
  }
  const start = client.stats();
  const ids = new IdRegistry(plan.liveIds);
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
  };
  const emit = (event: ApplyEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken progress display must not break the apply.
    }
  };
  const sleep = options.sleep ?? defaultSleep;
  const signal = options.signal;
  const wait: WaitSettings = {
    timeoutMs: options.waitTimeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    sleep: signal === undefined ? sleep : (ms) => interruptible(sleep(ms), signal),
    now: options.now ?? Date.now,
  };
  const context = (action: PlanAction): ActionContext => ({
    client,
    ids,
    // Each action reads only its own workspace's variables.
    variables: variablesOf(options.variables, action.org, action.workspace ?? ''),
    wait,
    warn,
    progress: (message) => {
      emit({ type: 'waiting', address: action.address, kind: action.kind, action: action.type, message });
    },
  });

  const dependencies = dependenciesOf(plan);
  const runner = new Runner(dependencies, {
    context,
    emit,
    warn,
    ...(signal === undefined ? {} : { signal }),
  });
  const schedule = scheduleOf(plan, dependencies);
  await runner.runSteps(schedule.orgBefore);
  const limit = pLimit(Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY));
  await Promise.all(schedule.workspaces.map((ws) => limit(() => runner.runSteps(ws.steps))));
  await runner.runSteps(schedule.orgAfter);

  const end = client.stats();
  return buildReport(plan, runner.states, warnings, {
    total: end.requests - start.requests,
    writes: end.writes - start.writes,
  });
}
