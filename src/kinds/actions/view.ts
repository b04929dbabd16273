/** The plan lines only a pipeline action shows. */
import type { PlanAction } from '../../model/plan.js';

export function actionDetails(action: PlanAction): readonly string[] {
  if (action.kind !== 'pipelineAction' || action.type === 'delete') return [];
  return action.desired?.trigger === 'github' && action.type !== 'update'
    ? ['the platform adds a webhook to the GitHub repository; apply reports its URL']
    : [];
}

/** The field whose change forces a replace: what triggers the action cannot change in place. */
export function actionForcedBy(action: PlanAction): readonly string[] {
  return action.kind === 'pipelineAction' && action.type === 'replace' ? ['source'] : [];
}
