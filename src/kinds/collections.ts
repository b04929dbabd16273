/**
 * The collections the kinds hold, derived from the registry: which lists an
 * organisation or a workspace has in the configuration files (each kind's
 * load facet) and in the live state (each kind's read facet), which
 * resource's items each live collection holds, their addresses and sizes.
 * The engines iterate these instead of naming the collections.
 */
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import { collectionAddress } from './graph.js';
import { KINDS, type Kind, type ResourceSpec } from './index.js';
import type { ConfigFile } from './kind-load.js';
import { compareText } from './kit/compare-text.js';
import type { OrgCollection, WorkspaceCollection } from './kind-read.js';

/** The lists of each configuration file, by their key (the same key in the desired state). */
export const CONFIG_COLLECTIONS: Readonly<Record<ConfigFile, readonly string[]>> = {
  organization: KINDS.flatMap((kind) => (kind.load?.file === 'organization' ? [kind.load.key] : [])),
  workspace: KINDS.flatMap((kind) => (kind.load?.file === 'workspace' ? [kind.load.key] : [])),
};

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

/**
 * The addresses of what the platform deletes with a workspace: every item
 * of the collections read of it, per collection in registry order, each
 * collection sorted.
 */
export function workspaceContents(org: string, live: ActualWorkspace): string[] {
  return COLLECTION_RESOURCES.filter((c) => c.level === 'workspace').flatMap(({ spec, field }) => {
    const collection = collectionAddress(spec, org, live.name);
    const items = live[field as WorkspaceCollection] as readonly object[] | undefined;
    if (collection === undefined || items === undefined) return [];
    return items.map((item) => `${collection}/${liveName(spec, item)}`).sort(compareText);
  });
}

/** The live size of every collection of an organisation, by the collection's address (0 when not read). */
export function collectionSizes(org: ActualOrg): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const { spec, level, field } of COLLECTION_RESOURCES) {
    if (level === 'org') {
      const collection = collectionAddress(spec, org.name, undefined);
      if (collection !== undefined) sizes.set(collection, org[field as OrgCollection]?.length ?? 0);
      continue;
    }
    for (const ws of org.workspaces) {
      const collection = collectionAddress(spec, org.name, ws.name);
      if (collection !== undefined) sizes.set(collection, ws[field as WorkspaceCollection]?.length ?? 0);
    }
  }
  return sizes;
}
