/** The plan lines only a compute environment shows. */
import type { PlanAction } from '../../model/plan.js';

/** Fields whose change forces the replace. */
export function computeEnvForcedBy(action: PlanAction): readonly string[] {
  return action.kind === 'computeEnvironment' && action.type === 'replace' ? (action.forcedBy ?? []) : [];
}

export function computeEnvDetails(action: PlanAction): readonly string[] {
  if (action.kind !== 'computeEnvironment') return [];
  const lines: string[] = [];
  if (action.type === 'replace') {
    for (const p of action.repoint ?? []) {
      lines.push(`re-points pipeline ${p.name} (id ${p.pipelineId}) to the new compute environment`);
    }
    for (const a of action.repointActions ?? []) {
      lines.push(`re-points pipeline action ${a.name} (id ${a.actionId}) to the new compute environment`);
    }
    if (action.movesPrimary === true) lines.push('moves primary to the new compute environment');
  }
  if (action.type === 'create' && action.desired?.primary === true) {
    lines.push(`becomes the workspace's primary compute environment once it is AVAILABLE`);
  }
  return lines;
}

export function primaryDetails(action: PlanAction): readonly string[] {
  return action.kind === 'primaryComputeEnvironment'
    ? [`makes ${action.computeEnvironment} the workspace's primary compute environment`]
    : [];
}
