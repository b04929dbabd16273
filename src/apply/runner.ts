/**
 * Runs the steps of a schedule and records what happened to every action.
 * Before an action starts, its dependencies are checked: one that failed,
 * was skipped or is pending skips it (transitively, since a skipped action
 * skips its own dependents). The schedule puts dependencies in earlier steps
 * (a dependency that cannot be, e.g. a cycle or another workspace's action,
 * is checked if it already ran and otherwise noted as a warning). Nothing
 * here throws: every error becomes a report entry.
 */
import pLimit from 'p-limit';
import { ApiError } from '../api/errors.js';
import type { PlanAction } from '../model/plan.js';
import type { ActionContext } from '../kinds/kit/action-context.js';
import { executeAction } from './execute-action.js';
import { ActionFailure, MissingIdError, SkipAction, type Outcome } from '../kinds/kit/outcome.js';
import type { Step } from './schedule.js';
import type { ApplyEvent, ApplyEventType } from './types.js';

/** Actions of one step in flight at once (the client throttles requests further). */
const STEP_CONCURRENCY = 8;

export type ActionState =
  | { readonly status: 'applied'; readonly notes?: readonly string[] }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'skipped'; readonly because: string }
  | { readonly status: 'pending'; readonly email: string; readonly message: string };

export interface RunnerHooks {
  readonly context: (action: PlanAction) => ActionContext;
  readonly emit: (event: ApplyEvent) => void;
  readonly warn: (message: string) => void;
  /** Once aborted, no further action starts. */
  readonly signal?: AbortSignal;
}

/** Why an action that had not started when the apply was interrupted did not run. */
export const INTERRUPTED = 'interrupted before it started';

export function errorText(error: unknown): string {
  if (error instanceof ActionFailure || error instanceof ApiError) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return 'unexpected error';
}

function blockingReason(dep: string, state: ActionState): string | undefined {
  switch (state.status) {
    case 'applied':
      return undefined;
    case 'failed':
      return `${dep} failed`;
    case 'skipped':
      return `${dep} was skipped`;
    case 'pending':
      return `${dep} is pending (${state.email} has no account yet)`;
  }
}

export class Runner {
  readonly states = new Map<string, ActionState>();
  private readonly stepOf = new Map<string, string>();

  constructor(
    private readonly dependencies: ReadonlyMap<string, readonly string[]>,
    private readonly hooks: RunnerHooks,
  ) {}

  async runSteps(steps: readonly Step[]): Promise<void> {
    for (const step of steps) await this.runStep(step);
  }

  private async runStep(step: Step): Promise<void> {
    const limit = pLimit(STEP_CONCURRENCY);
    for (const action of step.actions) this.stepOf.set(action.address, step.id);
    await Promise.all(step.actions.map((action) => limit(() => this.runOne(action))));
  }

  private skipReason(action: PlanAction): string | undefined {
    for (const dep of this.dependencies.get(action.address) ?? []) {
      const state = this.states.get(dep);
      if (state === undefined) {
        if (this.stepOf.get(dep) !== this.stepOf.get(action.address)) {
          this.hooks.warn(`${action.address} depends on ${dep}, which runs later: not waited for`);
        }
        continue;
      }
      const reason = blockingReason(dep, state);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }

  private record(action: PlanAction, state: ActionState): void {
    this.states.set(action.address, state);
    const [type, message]: [ApplyEventType, string | undefined] =
      state.status === 'applied'
        ? ['finished', state.notes?.join('; ')]
        : state.status === 'failed'
          ? ['failed', state.error]
          : state.status === 'skipped'
            ? ['skipped', state.because]
            : ['pending', state.message];
    this.hooks.emit({
      type,
      address: action.address,
      kind: action.kind,
      action: action.type,
      ...(message === undefined || message === '' ? {} : { message }),
    });
  }

  private classify(error: unknown): ActionState {
    if (error instanceof SkipAction) return { status: 'skipped', because: error.because };
    if (error instanceof MissingIdError) {
      const state = this.states.get(error.address);
      const reason = state === undefined ? undefined : blockingReason(error.address, state);
      if (reason !== undefined) return { status: 'skipped', because: reason };
    }
    return { status: 'failed', error: errorText(error) };
  }

  private async runOne(action: PlanAction): Promise<void> {
    const because = this.hooks.signal?.aborted === true ? INTERRUPTED : this.skipReason(action);
    if (because !== undefined) {
      this.record(action, { status: 'skipped', because });
      return;
    }
    this.hooks.emit({ type: 'started', address: action.address, kind: action.kind, action: action.type });
    let outcome: Outcome;
    try {
      outcome = await executeAction(action, this.hooks.context(action));
    } catch (error) {
      this.record(action, this.classify(error));
      return;
    }
    this.record(
      action,
      outcome.status === 'applied'
        ? outcome.notes === undefined
          ? { status: 'applied' }
          : { status: 'applied', notes: outcome.notes }
        : outcome,
    );
  }
}
