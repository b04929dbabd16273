/**
 * Reads one workspace's collections, as `WorkspaceReads` says: every kind
 * with a workspace read facet starts its read, concurrently (the client
 * bounds and paces the requests); a kind whose reader waits for another's
 * (`uses`) starts after it. The requests each costs: the kinds' `requests`.
 */
import type { ApiClient } from '../api/api-client.js';
import type { WorkspaceDbDto } from '../kinds/workspace/api.js';
import { KINDS } from '../kinds/index.js';
import type { Kind } from '../kinds/kind.js';
import { dependencyOrder } from '../kinds/kit/dependency-order.js';
import type {
  Reading,
  WorkspaceCollection,
  WorkspaceRead,
  WorkspaceReadContext,
} from '../kinds/kind-read.js';
import { mapWorkspace } from '../kinds/workspace/api.js';
import type { ActualWorkspace } from '../model/actual.js';
import { workspaceFacets, type WorkspaceReads } from './read-needs.js';

export interface WorkspaceTarget {
  readonly orgId: number;
  readonly orgName: string;
  readonly dto: WorkspaceDbDto;
  readonly reads: WorkspaceReads;
}

/** The facets, each after the ones whose reads it uses (declaration order otherwise). */
export function startOrder(facets: readonly WorkspaceRead[]): WorkspaceRead[] {
  return dependencyOrder(
    facets,
    (facet) => facet.field,
    (facet) => facet.uses ?? [],
    (left) => new Error(`the kinds' read "uses" declarations form a cycle among ${left.join(', ')}`),
  );
}

const KIND_ORDER = startOrder(workspaceFacets(KINDS));

export async function readWorkspace(
  client: ApiClient,
  target: WorkspaceTarget,
  kinds: readonly Kind[] = KINDS,
): Promise<ActualWorkspace> {
  const { orgId, dto, reads } = target;
  const readings = new Map<WorkspaceCollection, Reading<unknown>>();
  const ctx: WorkspaceReadContext = {
    client,
    orgId,
    workspaceId: dto.id,
    label: (what) => `${what} of ${target.orgName}/${dto.name}`,
    // The reading stored under a field is that field's kind's, so it holds that field's type.
    used: (field) => readings.get(field) as Reading<ActualWorkspace[typeof field]> | undefined,
  };
  const order = kinds === KINDS ? KIND_ORDER : startOrder(workspaceFacets(kinds));
  for (const facet of order) readings.set(facet.field, facet.read(ctx, reads));
  const results = await Promise.all(
    order.map(async (facet) => [facet.field, await readings.get(facet.field)?.result] as const),
  );
  const collections: Partial<Record<WorkspaceCollection, unknown>> = {};
  for (const facet of workspaceFacets(kinds)) {
    const value = results.find(([field]) => field === facet.field)?.[1];
    if (value !== undefined) collections[facet.field] = value;
  }
  // Each value is the collection its kind's facet read for that field.
  return { ...mapWorkspace(dto), ...(collections as Partial<Pick<ActualWorkspace, WorkspaceCollection>>) };
}
