/**
 * The safety rules, checked again on a saved plan's own actions before it is
 * applied. A plan file is data someone could have edited: its `blocked` list
 * is never trusted. The deletion caps, the last-owner and last-admin rules
 * and the workspace-deletion rule are evaluated from the file's actions
 * against the organisation policy of the configuration and a fresh read of
 * the platform; each kind gives its own rules (`Kind.savedPlan.recheck`).
 * Only the overrides recorded in the plan (`--allow-*`) lift
 * them; the file's digest covers those.
 */
import { DEFAULT_POLICY, NO_IGNORE } from '../config/normalise-policy.js';
import type { ActualOrg, ActualState } from '../model/actual.js';
import type { DesiredOrg, DesiredState } from '../model/desired.js';
import type { BlockedRule, Plan, PlanAction } from '../model/plan.js';
import { KINDS } from '../kinds/index.js';
import { collectionSizes } from '../kinds/collections.js';
import { specOf } from '../kinds/graph.js';
import { PlanCollector } from '../kinds/kit/collector.js';
import { checkDeletionCaps } from '../plan/deletion-caps.js';

/** The collection an address belongs to (the address without its last segment), as the planner names it. */
function collectionOf(itemAddress: string): string {
  return itemAddress.slice(0, Math.max(0, itemAddress.lastIndexOf('/')));
}

/** Live size of every collection of a fresh organisation, by address: the kinds' collections and their nested ones. */
function liveSizes(org: ActualOrg): ReadonlyMap<string, number> {
  const sizes = collectionSizes(org);
  for (const kind of KINDS) {
    for (const [collection, size] of kind.savedPlan?.liveSizes?.(org) ?? []) sizes.set(collection, size);
  }
  return sizes;
}

/** Addresses a delete removes besides its own (an org member's teams and participations). */
function cascadeOf(action: PlanAction): readonly string[] {
  const cascade: unknown = 'cascade' in action ? action.cascade : undefined;
  return Array.isArray(cascade) ? cascade.filter((a): a is string => typeof a === 'string') : [];
}

/** The configuration's org, or a stand-in with the default policy when the configuration no longer has it. */
function orgFor(desired: DesiredState, name: string): DesiredOrg {
  return (
    desired.orgs.find((o) => o.name === name) ?? {
      name,
      hasFile: false,
      policy: DEFAULT_POLICY,
      ignore: NO_IGNORE,
      workspaces: [],
      source: { file: name, line: 1, column: 1, pointer: '' },
    }
  );
}

/** Every safety rule the saved plan's actions break, given the fresh live state. */
export function recheckSafety(
  saved: Plan,
  desired: DesiredState,
  fresh: ActualState,
): readonly BlockedRule[] {
  const out = new PlanCollector();
  for (const action of saved.actions) out.add(action);
  const orgs = [...new Set(saved.actions.map((a) => a.org))].sort();
  const liveOrg = (name: string): ActualOrg | undefined => fresh.orgs.find((o) => o.name === name);
  const sizes = new Map(
    orgs.map((name) => {
      const live = liveOrg(name);
      return [name, live === undefined ? new Map<string, number>() : liveSizes(live)] as const;
    }),
  );
  for (const action of saved.actions) {
    if (action.type !== 'delete') continue;
    const spec = specOf(action.kind);
    if (spec.scope === 'root') {
      // A container is not an item of a counted collection; its deletion may break a rule of its own.
      const rule = spec.savedPlan.deleteRule?.(action, saved.options);
      if (rule !== undefined) out.block(rule);
      continue;
    }
    for (const removed of [action.address, ...cascadeOf(action)]) {
      const collection = collectionOf(removed);
      out.collectionSize(collection, sizes.get(action.org)?.get(collection) ?? 0);
      out.deletion({ org: action.org, collection, address: removed });
    }
  }
  for (const name of orgs) {
    const org = orgFor(desired, name);
    const live = liveOrg(name);
    checkDeletionCaps(out, org, saved.options);
    for (const kind of KINDS) kind.savedPlan?.recheck?.({ out, org, live });
  }
  return out.blocked;
}
