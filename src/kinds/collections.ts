/**
 * The collections the kinds hold, derived from the registry: which lists an
 * organisation or a workspace has in the configuration files (each kind's
 * load facet) and in the live state (each kind's read facet), which
 * resource's items each live collection holds, their addresses and sizes.
 * The engines iterate these instead of naming the collections.
 */
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import type { CollectionKind } from '../model/resources.js';
import { collectionAddress } from './graph.js';
import { KINDS, type Kind, type ResourceSpec } from './index.js';
import type { ConfigFile } from './kind-load.js';
import { compareText } from './kit/compare-text.js';
import type { OrgCollection, WorkspaceCollection } from './kind-read.js';

/**
 * The order the files' `prune` and `ignore` keys were listed in (exported
 * files, change-scope messages) before the kinds declared them: kept, so
 * that no file or message changes.
 */
const LISTED_BEFORE: readonly string[] = [
  'members',
  'teams',
  'teamMembers',
  'participants',
  'credentials',
  'computeEnvironments',
  'pipelines',
  'secrets',
  'labels',
  'dataLinks',
  'roles',
  'datasets',
  'actions',
];

/**
 * The collection kinds, the keys of `policy.prune`, `prune` and `ignore`:
 * each resource's `view.ignoreKey` (the names its kind's `model.ts` adds to
 * `CollectionKinds`). The kinds of `LISTED_BEFORE` come first, in its order;
 * a kind added since comes after them, in registry order.
 */
export const COLLECTION_KINDS: readonly CollectionKind[] = collectionKinds();

function collectionKinds(): CollectionKind[] {
  const declared = KINDS.flatMap((kind) =>
    kind.resources.flatMap((spec) => (spec.view.ignoreKey === undefined ? [] : [spec.view.ignoreKey])),
  );
  const rank = (key: CollectionKind): number => {
    const listed = LISTED_BEFORE.indexOf(key);
    return listed === -1 ? LISTED_BEFORE.length + declared.indexOf(key) : listed;
  };
  return [...declared].sort((a, b) => rank(a) - rank(b));
}

/** The lists of each configuration file, by their key (the same key in the desired state). */
export const CONFIG_COLLECTIONS: Readonly<Record<ConfigFile, readonly string[]>> = {
  organization: KINDS.flatMap((kind) => (kind.load?.file === 'organization' ? [kind.load.key] : [])),
  workspace: KINDS.flatMap((kind) => (kind.load?.file === 'workspace' ? [kind.load.key] : [])),
};

/**
 * Per list key of each configuration file, the fields of its desired items
 * that say where they were read from besides `source` (the load facet's
 * `whereFrom`); a key without any is absent.
 */
export const CONFIG_WHERE_FROM: Readonly<Record<ConfigFile, ReadonlyMap<string, readonly string[]>>> = {
  organization: whereFromOf('organization'),
  workspace: whereFromOf('workspace'),
};

function whereFromOf(file: ConfigFile): ReadonlyMap<string, readonly string[]> {
  return new Map(
    KINDS.flatMap((kind) =>
      kind.load?.file === file && kind.load.whereFrom !== undefined
        ? [[kind.load.key, kind.load.whereFrom] as const]
        : [],
    ),
  );
}

/** The collections of a live organisation and of a live workspace, one per kind that reads one. */
export const LIVE_COLLECTIONS: {
  readonly org: readonly OrgCollection[];
  readonly workspace: readonly WorkspaceCollection[];
} = {
  org: KINDS.flatMap((kind) => (kind.read?.org === undefined ? [] : [kind.read.org.field])),
  workspace: KINDS.flatMap((kind) => (kind.read?.workspace === undefined ? [] : [kind.read.workspace.field])),
};

/** A resource whose items are a collection its kind reads, at the level it reads them. */
export interface CollectionResource {
  readonly kind: Kind;
  readonly spec: ResourceSpec;
  readonly level: 'org' | 'workspace';
  /** The live collection (`ws.credentials`). */
  readonly field: OrgCollection | WorkspaceCollection;
}

/**
 * Every resource with an address segment, paired with its kind's read at
 * the same level: the live list holding that resource's items.
 */
export const COLLECTION_RESOURCES: readonly CollectionResource[] = KINDS.flatMap((kind) =>
  kind.resources.flatMap((spec): CollectionResource[] => {
    if (spec.segment === undefined) return [];
    if (spec.scope === 'org' && kind.read?.org !== undefined) {
      return [{ kind, spec, level: 'org', field: kind.read.org.field }];
    }
    if (spec.scope === 'workspace' && kind.read?.workspace !== undefined) {
      return [{ kind, spec, level: 'workspace', field: kind.read.workspace.field }];
    }
    return [];
  }),
);

/** A live item's last address segment (its `name`, unless its resource says otherwise). */
function liveName(spec: ResourceSpec, item: object): string {
  // `liveName` is declared for the resource's own live items, which `item` is.
  if (spec.liveName !== undefined) return spec.liveName(item as never);
  const { name } = item as { readonly name?: unknown };
  return typeof name === 'string' ? name : '';
}

/** The items of a live collection (its read facet's value), as its resource declares them (a list unless it says). */
function liveItems(spec: ResourceSpec, collection: unknown): readonly object[] | undefined {
  if (collection === undefined) return undefined;
  // `liveItems` is declared for the resource's own live collection, which `collection` is.
  return spec.liveItems === undefined
    ? (collection as readonly object[])
    : spec.liveItems(collection as never);
}

/**
 * The addresses of what the platform deletes with a workspace: every item
 * of the collections read of it, per collection in registry order, each
 * collection sorted.
 */
export function workspaceContents(org: string, live: ActualWorkspace): string[] {
  return COLLECTION_RESOURCES.filter((c) => c.level === 'workspace').flatMap(({ spec, field }) => {
    const collection = collectionAddress(spec, org, live.name);
    const items = liveItems(spec, live[field as WorkspaceCollection]);
    if (collection === undefined || items === undefined) return [];
    return items.map((item) => `${collection}/${liveName(spec, item)}`).sort(compareText);
  });
}

/**
 * The live size of every collection of an organisation, by the collection's
 * address (0 when not read, or when the live value is not a list).
 */
export function collectionSizes(org: ActualOrg): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const { spec, level, field } of COLLECTION_RESOURCES) {
    if (level === 'org') {
      const collection = collectionAddress(spec, org.name, undefined);
      if (collection !== undefined)
        sizes.set(collection, liveItems(spec, org[field as OrgCollection])?.length ?? 0);
      continue;
    }
    for (const ws of org.workspaces) {
      const collection = collectionAddress(spec, org.name, ws.name);
      if (collection !== undefined)
        sizes.set(collection, liveItems(spec, ws[field as WorkspaceCollection])?.length ?? 0);
      const items: unknown = ws[field as WorkspaceCollection];
      if (collection !== undefined) sizes.set(collection, Array.isArray(items) ? items.length : 0);
    }
  }
  return sizes;
}
