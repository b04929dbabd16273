/**
 * Preconditions of a saved plan: for every action, a digest of the
 * live object it was computed from (`absent` for a create). Before applying a
 * saved plan, the shell re-reads the platform and `checkPreconditions` finds
 * each action's object again by kind and natural key (name or email, as the
 * planner does) and compares digests: anything changed, deleted or newly
 * created makes the plan stale, and nothing is written.
 *
 * Both sides are digested through the same projection (`liveView`), which
 * each resource declares in its saved-plan facet (`ResourceSpec.savedPlan`,
 * see `src/kinds/kind-saved-plan.ts`): the action's `current` omits what
 * its type omits (a container's collections, a team's members), volatile
 * server state is left out (a status), and secret key fields count only as
 * present (`(sensitive)`), never by value. How an action's object is found
 * again, and what a step that is not about one object records, is the
 * resource's too.
 */
import type { ActualOrg, ActualState, ActualWorkspace } from '../model/actual.js';
import type { Plan, PlanAction } from '../model/plan.js';
import { PRECONDITION_ABSENT } from '../model/plan-document.js';
import { LIVE_COLLECTIONS } from '../kinds/collections.js';
import { specOf } from '../kinds/graph.js';
import type { ResourceSpec } from '../kinds/index.js';
import { liveObjectDigest } from './digest.js';

export interface StaleAction {
  readonly address: string;
  readonly reason: string;
}

export interface PreconditionCheck {
  /** Empty when every action's live object is as it was planned against. */
  readonly stale: readonly StaleAction[];
}

/** The part of a live object a precondition covers (see the module comment). */
function liveView(spec: ResourceSpec, live: object): Readonly<Record<string, unknown>> {
  const facet = spec.savedPlan;
  const omitted = new Set<string>([
    ...(facet.omit ?? []),
    ...(facet.contents === undefined ? [] : LIVE_COLLECTIONS[facet.contents]),
  ]);
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(live)) {
    if (!omitted.has(key)) view[key] = value;
  }
  return facet.view === undefined ? view : facet.view(view);
}

function digestOf(action: PlanAction, live: object | undefined): string {
  return live === undefined ? PRECONDITION_ABSENT : liveObjectDigest(liveView(specOf(action.kind), live));
}

/** The object an action was planned against: its kind's rule, else its `current` (absent for a create). */
function plannedAgainst(action: PlanAction, actions: readonly PlanAction[]): object | undefined {
  const planned = specOf(action.kind).savedPlan.planned;
  if (planned !== undefined) return planned(action, actions);
  if (action.type === 'create' || !('current' in action)) return undefined;
  return action.current;
}

/** Per action address: `absent` when it was planned against nothing, else the digest of what it was. */
export function computePreconditions(plan: Plan): Readonly<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const action of plan.actions) {
    result[action.address] = digestOf(action, plannedAgainst(action, plan.actions));
  }
  return result;
}

/** The fresh object an action is about, or `undefined` when it is absent; `null` when its collection was not read. */
function locate(fresh: ActualState, action: PlanAction): object | undefined | null {
  const org: ActualOrg | undefined = fresh.orgs.find((o) => o.name === action.org);
  const ws: ActualWorkspace | undefined =
    action.workspace === undefined ? undefined : org?.workspaces.find((w) => w.name === action.workspace);
  return specOf(action.kind).savedPlan.locate({ org, ws }, action);
}

function staleReason(recorded: string, now: string): string {
  if (recorded === PRECONDITION_ABSENT) return 'now exists on the platform; the plan would create it';
  if (now === PRECONDITION_ABSENT) return 'no longer exists on the platform';
  return 'changed on the platform since the plan was made';
}

/**
 * Compares every action's recorded precondition with `fresh` (a new read of
 * the platform). Uses `plan.preconditions` when the plan was read from a
 * saved document, else computes them from the plan. Every stale action is
 * listed, with a reason; an action without a recorded precondition, or whose
 * collection `fresh` did not read, is stale too (it cannot be verified).
 */
export function checkPreconditions(
  plan: Plan & { readonly preconditions?: Readonly<Record<string, string>> },
  fresh: ActualState,
): PreconditionCheck {
  const recorded = plan.preconditions ?? computePreconditions(plan);
  const stale: StaleAction[] = [];
  for (const action of plan.actions) {
    const expected = recorded[action.address];
    if (expected === undefined) {
      stale.push({ address: action.address, reason: 'the saved plan records no precondition for it' });
      continue;
    }
    const live = locate(fresh, action);
    if (live === null) {
      stale.push({ address: action.address, reason: 'cannot be verified: its collection was not read' });
      continue;
    }
    const now = digestOf(action, live);
    if (now !== expected) stale.push({ address: action.address, reason: staleReason(expected, now) });
  }
  return { stale };
}
