/**
 * What every executor receives: the client, the id registry, the resolved
 * variables, the wait settings, and two sinks (warnings for the report,
 * progress for the current action). Also the small id helpers that map an
 * action to the org and workspace ids it runs in.
 */
import type { ApiClient } from '../../api/api-client.js';
import { address } from '../../model/address.js';
import type { PlanAction } from '../../model/plan.js';
import type { IdRegistry } from './id-registry.js';
import { ActionFailure } from './outcome.js';

export interface WaitSettings {
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

export interface ActionContext {
  readonly client: ApiClient;
  readonly ids: IdRegistry;
  /** The variables of the action's own workspace. */
  readonly variables: ReadonlyMap<string, string>;
  readonly wait: WaitSettings;
  /** A run-level warning, listed in the report. */
  readonly warn: (message: string) => void;
  /** Progress of the current action (emitted as a `waiting` event). */
  readonly progress: (message: string) => void;
}

export function orgIdOf(ctx: ActionContext, action: PlanAction): number {
  return ctx.ids.numeric(address.org(action.org));
}

export function workspaceNameOf(action: PlanAction): string {
  if (action.workspace === undefined) {
    throw new ActionFailure(`internal error: ${action.address} has no workspace`);
  }
  return action.workspace;
}

export function workspaceIdOf(ctx: ActionContext, action: PlanAction): number {
  return ctx.ids.numeric(address.workspace(action.org, workspaceNameOf(action)));
}

/** The action's `desired` payload, which every create/update/replace carries. */
export function requireDesired<T>(action: PlanAction & { readonly desired?: T }): T {
  if (action.desired === undefined) {
    throw new ActionFailure(`internal error: ${action.type} of ${action.address} carries no desired state`);
  }
  return action.desired;
}

/** The action's `current` live object, which every update/replace/delete carries. */
export function requireCurrent<T>(action: PlanAction & { readonly current?: T }): T {
  if (action.current === undefined) {
    throw new ActionFailure(`internal error: ${action.type} of ${action.address} carries no live object`);
  }
  return action.current;
}
