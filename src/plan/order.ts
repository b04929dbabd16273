/**
 * Deterministic ordering of every list in the plan (the ordering contract of
 * `src/model/plan.ts`): by org, then workspace (org-level first), then
 * creates/updates/replaces in RESOURCE_ORDER, then deletes in reverse
 * RESOURCE_ORDER, then address. Comparison is by UTF-16 code units, never
 * locale-dependent.
 */
import type { BlockedRule, PlanAction, PlanNote, UnmanagedItem } from '../model/plan.js';
import { RESOURCE_ORDER } from '../kinds/graph.js';
import type { ResourceKind } from '../model/resources.js';
import { compareText } from '../kinds/kit/compare-text.js';

function kindIndex(kind: ResourceKind): number {
  return RESOURCE_ORDER.indexOf(kind);
}

function compareScope(
  a: { readonly org: string; readonly workspace?: string | undefined },
  b: { readonly org: string; readonly workspace?: string | undefined },
): number {
  const byOrg = compareText(a.org, b.org);
  if (byOrg !== 0) return byOrg;
  if (a.workspace === b.workspace) return 0;
  if (a.workspace === undefined) return -1;
  if (b.workspace === undefined) return 1;
  return compareText(a.workspace, b.workspace);
}

/** Phase rank: creates/updates/replaces by RESOURCE_ORDER, deletes after them in reverse order. */
function phaseRank(action: PlanAction): number {
  const index = kindIndex(action.kind);
  return action.type === 'delete' ? RESOURCE_ORDER.length + (RESOURCE_ORDER.length - index) : index;
}

export function compareActions(a: PlanAction, b: PlanAction): number {
  return compareScope(a, b) || phaseRank(a) - phaseRank(b) || compareText(a.address, b.address);
}

export function compareUnmanaged(a: UnmanagedItem, b: UnmanagedItem): number {
  return compareScope(a, b) || kindIndex(a.kind) - kindIndex(b.kind) || compareText(a.address, b.address);
}

export function compareNotes(a: PlanNote, b: PlanNote): number {
  return compareText(a.address ?? '', b.address ?? '') || compareText(a.message, b.message);
}

export function compareBlocked(a: BlockedRule, b: BlockedRule): number {
  return (
    compareText(a.rule, b.rule) ||
    compareText(a.addresses.join('\n'), b.addresses.join('\n')) ||
    compareText(a.message, b.message)
  );
}

/** Removes exact duplicates (same rule, addresses and message) from a sorted list of blocks. */
export function uniqueBlocked(sorted: readonly BlockedRule[]): BlockedRule[] {
  return sorted.filter(
    (entry, index) => index === 0 || compareBlocked(sorted[index - 1] ?? entry, entry) !== 0,
  );
}
