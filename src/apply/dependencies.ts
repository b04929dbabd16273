/**
 * The dependency graph the scheduler enforces: each action's `dependsOn`
 * from the planner, plus the dependencies implied by the platform, so that a
 * failure skips what cannot work even when the planner did not say so:
 * - an action on an object inside one being created or replaced
 *   (`org/ws` → `org/ws/…`, a CE → its primary flag, a team → its members);
 * - a team membership or user participant → the org-member add of that email;
 * - a team participant → the team's create;
 * - a CE → the create of its credentials; a pipeline → the create/replace of its CE;
 * - a credential delete → the delete/replace of every CE that uses it
 *   (deleting credentials under a live CE breaks the CE: it can no longer be deleted).
 */
import { address } from '../model/address.js';
import type { Plan, PlanAction } from '../model/plan.js';

function isCreation(action: PlanAction | undefined): boolean {
  return action !== undefined && (action.type === 'create' || action.type === 'replace');
}

function ancestors(path: string): string[] {
  const parts = path.split('/');
  const result: string[] = [];
  for (let i = 1; i < parts.length; i++) result.push(parts.slice(0, i).join('/'));
  return result;
}

function impliedBy(
  action: PlanAction,
  byAddress: ReadonlyMap<string, PlanAction>,
  all: readonly PlanAction[],
): string[] {
  const deps: string[] = [];
  const creation = (candidate: string): void => {
    if (isCreation(byAddress.get(candidate))) deps.push(candidate);
  };
  if (action.type === 'delete') {
    if (action.kind === 'credential' && action.current !== undefined) {
      const credentialId = action.current.id;
      for (const other of all) {
        if (
          other.kind === 'computeEnvironment' &&
          other.workspace === action.workspace &&
          other.org === action.org &&
          (other.type === 'delete' || other.type === 'replace') &&
          other.current?.credentialsId === credentialId
        ) {
          deps.push(other.address);
        }
      }
    }
    return deps;
  }
  for (const ancestor of ancestors(action.address)) creation(ancestor);
  const ws = action.workspace;
  switch (action.kind) {
    case 'teamMember':
      if (action.desired !== undefined) creation(address.member(action.org, action.desired.email));
      break;
    case 'participant':
      if (action.desired?.type === 'user') creation(address.member(action.org, action.desired.email));
      if (action.desired?.type === 'team') creation(address.team(action.org, action.desired.team));
      break;
    case 'computeEnvironment':
      if (ws !== undefined && action.desired?.credentials !== undefined) {
        creation(address.credential(action.org, ws, action.desired.credentials));
      }
      break;
    case 'pipeline':
      if (ws !== undefined && action.desired?.computeEnvironment !== undefined) {
        creation(address.computeEnv(action.org, ws, action.desired.computeEnvironment));
      }
      break;
    case 'organization':
    case 'member':
    case 'team':
    case 'workspace':
    case 'credential':
    case 'primaryComputeEnvironment':
    case 'secret':
      break;
  }
  return deps;
}

/** Address → addresses whose failure (or pending/skip) must skip it; only addresses of actions in the plan. */
export function dependenciesOf(plan: Pick<Plan, 'actions'>): Map<string, readonly string[]> {
  const byAddress = new Map(plan.actions.map((action) => [action.address, action]));
  const result = new Map<string, readonly string[]>();
  for (const action of plan.actions) {
    const deps = new Set([...action.dependsOn, ...impliedBy(action, byAddress, plan.actions)]);
    deps.delete(action.address);
    result.set(
      action.address,
      [...deps].filter((dep) => byAddress.has(dep)),
    );
  }
  return result;
}
