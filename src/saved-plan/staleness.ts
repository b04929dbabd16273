/**
 * Everything that makes a saved plan unsafe to apply as it is: a
 * different endpoint, a changed variable its secrets come from, or a live
 * object that changed, appeared or disappeared since the plan was made. The
 * apply use-case calls `assertSavedPlanFresh` after re-reading the platform
 * and before writing anything.
 */
import { StalePlanError } from '../errors.js';
import type { Variables } from '../secrets/variables.js';
import type { ActualState } from '../model/actual.js';
import type { SavedPlan } from '../model/plan-document.js';
import { checkPreconditions } from './preconditions.js';
import { variablesUnchanged } from './variables.js';

export interface FreshContext {
  /** The endpoint apply talks to. */
  readonly endpoint: string;
  /** A new read of the platform. */
  readonly fresh: ActualState;
  /** The variables as they are now (SEQERA_SYNC_VARS or --vars-file). */
  readonly variables: Variables;
}

function sameEndpoint(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** Why `saved` is stale, one plain line each (empty when it may be applied). */
export async function staleReasons(saved: SavedPlan, context: FreshContext): Promise<readonly string[]> {
  const reasons: string[] = [];
  if (!sameEndpoint(saved.endpoint, context.endpoint)) {
    reasons.push(`the plan was made against ${saved.endpoint}, not ${context.endpoint}`);
  }
  if (!(await variablesUnchanged(saved.variables, context.variables))) {
    reasons.push(`a variable its secrets come from changed or was set (${saved.variables.names.join(', ')})`);
  }
  for (const stale of checkPreconditions(saved, context.fresh).stale) {
    reasons.push(`${stale.address}: ${stale.reason}`);
  }
  return reasons;
}

/** Throws StalePlanError ("stale plan: re-run plan", with every reason) unless `saved` may be applied. */
export async function assertSavedPlanFresh(saved: SavedPlan, context: FreshContext): Promise<void> {
  const reasons = await staleReasons(saved, context);
  if (reasons.length === 0) return;
  throw new StalePlanError(`stale plan: re-run plan\n${reasons.map((r) => `  - ${r}`).join('\n')}`);
}
