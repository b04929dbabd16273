/**
 * Preconditions of a saved plan: for every action, a digest of the
 * live object it was computed from (`absent` for a create). Before applying a
 * saved plan, the shell re-reads the platform and `checkPreconditions` finds
 * each action's object again by kind and natural key (name or email, as the
 * planner does) and compares digests: anything changed, deleted or newly
 * created makes the plan stale, and nothing is written.
 *
 * Both sides are digested through the same projection (`liveView`): the
 * action's `current` omits what its type omits (an org's or workspace's
 * collections, a team's members), volatile server state is left out (a
 * compute environment's `status` and `message`), and a credential's secret
 * key fields count only as present (`(sensitive)`), never by value.
 */
import type { ActualOrg, ActualState, ActualWorkspace } from '../model/actual.js';
import { address } from '../model/address.js';
import type { Plan, PlanAction } from '../model/plan.js';
import { PRECONDITION_ABSENT } from '../model/plan-document.js';
import { emailKey } from '../model/resources.js';
import type { ResourceKind } from '../model/resources.js';
import { SENSITIVE, secretKeyFields } from '../model/secret-fields.js';
import { liveObjectDigest } from './digest.js';

export interface StaleAction {
  readonly address: string;
  readonly reason: string;
}

export interface PreconditionCheck {
  /** Empty when every action's live object is as it was planned against. */
  readonly stale: readonly StaleAction[];
}

const OMITTED_KEYS: Partial<Record<ResourceKind, readonly string[]>> = {
  organization: ['members', 'teams', 'workspaces'],
  team: ['members'],
  workspace: [
    'participants',
    'credentials',
    'computeEnvironments',
    'pipelines',
    'secrets',
    'labels',
    'actions',
  ],
  computeEnvironment: ['status', 'message'],
};

/** The part of a live object a precondition covers (see the module comment). */
function liveView(kind: ResourceKind, live: object): Record<string, unknown> {
  const omitted = OMITTED_KEYS[kind] ?? [];
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(live)) {
    if (!omitted.includes(key)) view[key] = value;
  }
  if (kind === 'credential') {
    const { provider, keys } = live as { provider?: unknown; keys?: Readonly<Record<string, unknown>> };
    if (typeof provider === 'string' && keys !== undefined) {
      const secret = secretKeyFields(provider);
      view['keys'] = Object.fromEntries(
        Object.entries(keys).map(([k, v]) => [k, secret.includes(k) && v !== undefined ? SENSITIVE : v]),
      );
    }
  }
  return view;
}

function primaryView(computeEnvironment: string, primary: boolean): object {
  return { computeEnvironment, primary };
}

function digestOf(kind: ResourceKind, live: object | undefined): string {
  return live === undefined ? PRECONDITION_ABSENT : liveObjectDigest(liveView(kind, live));
}

function createsComputeEnv(plan: Plan, org: string, workspace: string, ce: string): boolean {
  const target = address.computeEnv(org, workspace, ce);
  return plan.actions.some((a) => a.address === target && a.type === 'create');
}

/**
 * Per action address: `absent` for a create, else the digest of its
 * `current`. A "make primary" step records the CE's primary flag (false:
 * that is why the step exists), or `absent` when the plan creates the CE.
 */
export function computePreconditions(plan: Plan): Readonly<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const action of plan.actions) {
    if (action.kind === 'primaryComputeEnvironment') {
      const ws = action.workspace ?? '';
      result[action.address] = createsComputeEnv(plan, action.org, ws, action.computeEnvironment)
        ? PRECONDITION_ABSENT
        : liveObjectDigest(primaryView(action.computeEnvironment, false));
    } else {
      result[action.address] =
        action.type === 'create' ? PRECONDITION_ABSENT : digestOf(action.kind, action.current);
    }
  }
  return result;
}

/** The fresh object an action is about, or `undefined` when it is absent; `null` when its collection was not read. */
type Located = object | undefined | null;

function inWorkspace(org: ActualOrg | undefined, action: PlanAction): ActualWorkspace | undefined {
  const name = action.kind === 'workspace' ? (action.workspace ?? action.name) : action.workspace;
  return org?.workspaces.find((w) => w.name === name);
}

/** Finds `items` (undefined = not read) entry matching `match`, in an existing parent. */
function pick<T extends object>(
  parentExists: boolean,
  items: readonly T[] | undefined,
  match: (item: T) => boolean,
): T | undefined | null {
  if (!parentExists) return undefined;
  if (items === undefined) return null;
  return items.find(match);
}

function locate(fresh: ActualState, action: PlanAction): Located {
  const org = fresh.orgs.find((o) => o.name === action.org);
  const ws = inWorkspace(org, action);
  switch (action.kind) {
    case 'organization':
      return org;
    case 'member':
      return pick(org !== undefined, org?.members, (m) => m.email === emailKey(action.name));
    case 'team':
      return pick(org !== undefined, org?.teams, (t) => t.name === action.name);
    case 'teamMember': {
      const team = pick(org !== undefined, org?.teams, (t) => t.name === action.team);
      if (team === null || team === undefined) return team;
      return pick(true, team.members, (m) => m.email === emailKey(action.name));
    }
    case 'workspace':
      return ws;
    case 'participant': {
      const team = action.name.startsWith('team:') ? action.name.slice('team:'.length) : undefined;
      return pick(ws !== undefined, ws?.participants, (p) =>
        p.type === 'team' ? p.teamName === team : team === undefined && p.email === emailKey(action.name),
      );
    }
    case 'credential':
      return pick(ws !== undefined, ws?.credentials, (c) => c.name === action.name);
    case 'computeEnvironment':
      return pick(ws !== undefined, ws?.computeEnvironments, (c) => c.name === action.name);
    case 'primaryComputeEnvironment': {
      const ce = pick(ws !== undefined, ws?.computeEnvironments, (c) => c.name === action.computeEnvironment);
      if (ce === null || ce === undefined) return ce;
      return primaryView(action.computeEnvironment, ce.primary);
    }
    case 'pipeline':
      return pick(ws !== undefined, ws?.pipelines, (p) => p.name === action.name);
    case 'secret':
      return pick(ws !== undefined, ws?.secrets, (s) => s.name === action.name);
    case 'label':
      return pick(ws !== undefined, ws?.labels, (l) => l.name === action.name);
    case 'pipelineAction':
      return pick(ws !== undefined, ws?.actions, (a) => a.name === action.name);
  }
}

function freshDigest(action: PlanAction, live: object | undefined): string {
  if (live === undefined) return PRECONDITION_ABSENT;
  return action.kind === 'primaryComputeEnvironment' ? liveObjectDigest(live) : digestOf(action.kind, live);
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
    const now = freshDigest(action, live);
    if (now !== expected) stale.push({ address: action.address, reason: staleReason(expected, now) });
  }
  return { stale };
}
