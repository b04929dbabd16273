/**
 * The dependency graph the scheduler enforces: each action's `dependsOn`
 * from the planner, plus what the kinds' declarations imply
 * (`src/kinds/graph.ts`), so that a failure skips what cannot work even when
 * the planner did not say so.
 */
import { impliedDependencies } from '../kinds/graph.js';
import type { Plan } from '../model/plan.js';

/** Address → addresses whose failure (or pending/skip) must skip it; only addresses of actions in the plan. */
export function dependenciesOf(plan: Pick<Plan, 'actions'>): Map<string, readonly string[]> {
  const byAddress = new Map(plan.actions.map((action) => [action.address, action]));
  const result = new Map<string, readonly string[]>();
  for (const action of plan.actions) {
    const deps = new Set([...action.dependsOn, ...impliedDependencies(action, byAddress, plan.actions)]);
    deps.delete(action.address);
    result.set(
      action.address,
      [...deps].filter((dep) => byAddress.has(dep)),
    );
  }
  return result;
}
