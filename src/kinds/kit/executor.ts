/** Wraps a kind's typed executor as the `Executor` the registry holds. */
import type { PlanAction } from '../../model/plan.js';
import type { Executor } from '../kind.js';
import type { ActionContext } from './action-context.js';
import type { Outcome } from './outcome.js';

export function executorOf<K extends PlanAction['kind']>(
  kind: K,
  run: (action: Extract<PlanAction, { readonly kind: K }>, ctx: ActionContext) => Promise<Outcome>,
): Executor {
  return (action, ctx) => {
    if (action.kind !== kind) {
      return Promise.reject(new Error(`a ${action.kind} action was given to the ${kind} executor`));
    }
    return run(action as Extract<PlanAction, { readonly kind: K }>, ctx);
  };
}
