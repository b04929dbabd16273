/** Shared helpers for the planner tests: a frozen-input `plan()` and small plan queries. */
import type { ActualState } from '../../../src/model/actual.js';
import type { DesiredState } from '../../../src/model/desired.js';
import type { BlockRule, Plan, PlanAction } from '../../../src/model/plan.js';
import type { PlannerContext } from '../../../src/model/planner-context.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { aPlannerContext, deepFreeze } from '../../helpers/builders.js';

/** `computePlan` with deep-frozen inputs (a mutation throws). */
export function plan(
  desired: DesiredState,
  actual: ActualState,
  context: PlannerContext = aPlannerContext(),
): Plan {
  return computePlan(deepFreeze(desired), deepFreeze(actual), deepFreeze(context));
}

/** `type address` per action, for compact assertions. */
export function summary(p: Plan): string[] {
  return p.actions.map((a) => `${a.type} ${a.address}`);
}

export function actionAt(p: Plan, address: string): PlanAction {
  const found = p.actions.find((a) => a.address === address);
  if (found === undefined) throw new Error(`no action at ${address}; have: ${summary(p).join('; ')}`);
  return found;
}

export function rules(p: Plan): BlockRule[] {
  return p.blocked.map((b) => b.rule);
}

export function driftAddresses(p: Plan): string[] {
  return p.unmanaged.map((u) => u.address);
}

export function noteMessages(p: Plan): string[] {
  return p.notes.map((n) => n.message);
}
