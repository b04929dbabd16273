/** The plan lines only a data link shows. */
import type { PlanAction } from '../../model/plan.js';

/** Fields whose change forces the replace. */
export function dataLinkForcedBy(action: PlanAction): readonly string[] {
  return action.kind === 'dataLink' && action.type === 'replace' ? (action.forcedBy ?? []) : [];
}

export function dataLinkDetails(action: PlanAction): readonly string[] {
  return action.kind === 'dataLink' && action.type === 'replace'
    ? ['the old link is deleted first (names are unique), then the link is created as declared']
    : [];
}
