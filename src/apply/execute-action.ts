/** Dispatches a plan action to the executor its kind declares. */
import { executorFor } from '../kinds/graph.js';
import type { ActionContext } from '../kinds/kit/action-context.js';
import type { Outcome } from '../kinds/kit/outcome.js';
import type { PlanAction } from '../model/plan.js';

export function executeAction(action: PlanAction, ctx: ActionContext): Promise<Outcome> {
  return executorFor(action.kind)(action, ctx);
}
