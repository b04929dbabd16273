/**
 * The skeleton shared by every workspace collection matched by name
 * (credentials, compute environments, pipelines, secrets, labels): record live ids,
 * size the collection for the deletion caps, plan each declared item against
 * its live namesake, and hand every undeclared live item to `handleExtra`
 * (ignored, drift, or a pruned delete). What differs per kind — how a
 * declared item is planned and what a delete shows — comes in the spec.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import type { DesiredWorkspace } from '../../model/desired.js';
import type { FieldChange, PlanAction } from '../../model/plan.js';
import type { CollectionKind, ResourceKind } from '../../model/resources.js';
import { handleExtra, pruneReason, type WorkspaceScope } from './scope.js';

/** The fields every delete of a pruned extra shares; the kind adds `kind`, `changes` and `current`. */
export interface DeleteBase {
  readonly type: 'delete';
  readonly address: string;
  readonly org: string;
  readonly workspace: string;
  readonly name: string;
  readonly reason: string;
  readonly dependsOn: readonly string[];
}

export interface NamedCollectionSpec<
  D extends { readonly name: string },
  L extends { readonly name: string },
> {
  readonly kind: ResourceKind;
  /** Its key in the file's `prune`/`ignore` and its address segment (`credentials`). */
  readonly collection: CollectionKind;
  /** `undefined` = unmanaged: only live ids are recorded. */
  readonly desired: readonly D[] | undefined;
  readonly live: readonly L[] | undefined;
  readonly addressOf: (name: string) => string;
  readonly idOf: (item: L) => string | number;
  readonly planDeclared: (item: D, live: L | undefined) => void;
  readonly deleteAction: (item: L, base: DeleteBase) => PlanAction;
}

/** A list of items identified by name (or no list). */
type NamedList = readonly { readonly name: string }[] | undefined;

/**
 * The workspace collections of named items that the file and the platform
 * hold under the same key: derived from the registries, so a new kind's
 * collection qualifies by its types alone.
 */
export type SameKeyCollection = {
  [K in CollectionKind]: K extends keyof DesiredWorkspace & keyof ActualWorkspace
    ? DesiredWorkspace[K] extends NamedList
      ? ActualWorkspace[K] extends NamedList
        ? K
        : never
      : never
    : never;
}[CollectionKind];

/**
 * A spec's collection, its desired and live lists and its item addresses
 * (`org/workspace/collection/name`), for a collection both sides hold under
 * its key.
 */
export function sameKeyCollection<C extends SameKeyCollection>(
  s: WorkspaceScope,
  collection: C,
): {
  readonly collection: C;
  readonly desired: DesiredWorkspace[C];
  readonly live: ActualWorkspace[C] | undefined;
  readonly addressOf: (name: string) => string;
} {
  return {
    collection,
    desired: s.ws[collection],
    live: s.actualWs?.[collection],
    addressOf: (name) => address.workspaceItem(s.org.name, s.ws.name, collection, name),
  };
}

export function planNamedCollection<D extends { readonly name: string }, L extends { readonly name: string }>(
  s: WorkspaceScope,
  spec: NamedCollectionSpec<D, L>,
): void {
  const live = spec.live ?? [];
  for (const item of live) s.out.liveId(spec.addressOf(item.name), spec.idOf(item));
  if (spec.desired === undefined) return;
  const org = s.org.name;
  const collection = `${org}/${s.ws.name}/${spec.collection}`;
  s.out.collectionSize(collection, live.length);
  const liveByName = new Map(live.map((item) => [item.name, item]));
  for (const item of spec.desired) spec.planDeclared(item, liveByName.get(item.name));
  const declared = new Set(spec.desired.map((item) => item.name));
  for (const item of live) {
    if (declared.has(item.name)) continue;
    const itemAddress = spec.addressOf(item.name);
    const doDelete = handleExtra(s.out, {
      address: itemAddress,
      kind: spec.kind,
      org,
      workspace: s.ws.name,
      name: item.name,
      ignoreKeys: [item.name],
      ignore: s.ws.ignore[spec.collection],
      prune: s.ws.prune[spec.collection],
      collection: spec.collection,
      file: s.ws.source.file,
    });
    if (!doDelete) continue;
    s.out.add(
      spec.deleteAction(item, {
        type: 'delete',
        address: itemAddress,
        org,
        workspace: s.ws.name,
        name: item.name,
        reason: pruneReason(s.ws.source.file, spec.collection),
        dependsOn: [],
      }),
    );
    s.out.deletion({ org, collection, address: itemAddress });
  }
}

/** The one field a delete shows, or none. */
export function shownField(field: string, from: unknown): FieldChange[] {
  return from === undefined ? [] : [{ field, from }];
}
