/** The variable a pipeline secret's value comes from. */
import type { PlanAction } from '../../model/plan.js';

export function secretVariables(action: PlanAction): readonly string[] {
  if (action.kind !== 'secret' || action.type === 'delete' || action.desired === undefined) return [];
  return [action.desired.value.secretRef];
}
