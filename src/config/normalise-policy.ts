/**
 * Policy defaults and the prune / ignore merges: the org's
 * `policy.prune` (a boolean or a per-kind map, default off) is the base; a
 * workspace's `prune` overrides it per kind (a boolean overrides every kind).
 * Ignore lists are the union of the org's and the workspace's; emails are
 * trimmed and lower-cased.
 */
import type { Policy } from '../model/desired.js';
import { COLLECTION_KINDS } from '../kinds/collections.js';
import { emailKey, type CollectionKind, type IgnoreLists, type PruneSetting } from '../model/resources.js';
import type { WrittenIgnore, WrittenPolicy, WrittenPrune } from '../formats/written.js';

export const DEFAULT_MAX_DELETIONS = 10;
export const DEFAULT_MAX_DELETION_RATIO = 0.25;

const perKind = <T>(value: (kind: CollectionKind) => T): Record<CollectionKind, T> =>
  Object.fromEntries(COLLECTION_KINDS.map((kind) => [kind, value(kind)])) as Record<CollectionKind, T>;

export const NO_PRUNE: PruneSetting = perKind(() => false);
export const NO_IGNORE: IgnoreLists = perKind(() => []);

/** `base` with `written` applied on top; `undefined` keeps the base. */
export function mergePrune(base: PruneSetting, written: WrittenPrune | undefined): PruneSetting {
  if (written === undefined) return base;
  if (typeof written === 'boolean') return perKind(() => written);
  return perKind((kind) => written[kind] ?? base[kind]);
}

/** Emails (anything with an `@`) are compared trimmed and lower-cased; names are trimmed. */
function ignoreKey(entry: string): string {
  return entry.includes('@') ? emailKey(entry) : entry.trim();
}

export function mergeIgnore(base: IgnoreLists, written: WrittenIgnore | undefined): IgnoreLists {
  if (written === undefined) return base;
  return perKind((kind) => [...new Set([...base[kind], ...(written[kind] ?? []).map(ignoreKey)])]);
}

export function normalisePolicy(written: WrittenPolicy | undefined): Policy {
  return {
    prune: mergePrune(NO_PRUNE, written?.prune),
    maxDeletions: written?.maxDeletions ?? DEFAULT_MAX_DELETIONS,
    maxDeletionRatio: written?.maxDeletionRatio ?? DEFAULT_MAX_DELETION_RATIO,
    protectedUsers: [...new Set((written?.protectedUsers ?? []).map(emailKey))],
    maxParticipants: written?.maxParticipants ?? 0,
  };
}

/** The policy of an organisation without a file. */
export const DEFAULT_POLICY: Policy = normalisePolicy(undefined);
