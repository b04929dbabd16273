/**
 * A saved plan's preconditions of compute environments: their volatile
 * state (`status`, `message`) is left out; a "make primary" step records
 * the environment's primary flag (false: that is why the step exists), or
 * `absent` when the same plan creates the environment.
 */
import { address } from '../../model/address.js';
import type { PlanAction } from '../../model/plan.js';
import type { ResourcePrecondition } from '../kind-saved-plan.js';
import { byNameInWorkspace, pick, preconditionOf } from '../kit/precondition.js';

export const computeEnvPrecondition: ResourcePrecondition = {
  locate: byNameInWorkspace('computeEnvironments'),
  omit: ['status', 'message'],
};

function primaryView(computeEnvironment: string, primary: boolean): object {
  return { computeEnvironment, primary };
}

function createsComputeEnv(actions: readonly PlanAction[], target: string): boolean {
  return actions.some((a) => a.address === target && a.type === 'create');
}

export const primaryPrecondition = preconditionOf('primaryComputeEnvironment', {
  planned: (action, actions) =>
    createsComputeEnv(
      actions,
      address.computeEnv(action.org, action.workspace ?? '', action.computeEnvironment),
    )
      ? undefined
      : primaryView(action.computeEnvironment, false),
  locate: ({ ws }, action) => {
    const ce = pick(ws !== undefined, ws?.computeEnvironments, (c) => c.name === action.computeEnvironment);
    if (ce === null || ce === undefined) return ce;
    return primaryView(action.computeEnvironment, ce.primary);
  },
});
