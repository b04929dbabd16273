/**
 * Reads one organisation: its collections (each kind with an organisation
 * read facet, as `OrgReads` says) and the workspace list, then the selected
 * workspaces' collections (read-workspace.ts), all concurrently; then the
 * kinds' completing reads (`OrgRead.complete`: what the safety rules need
 * once those are read), in registry order. Requests: 1 (the workspace
 * list, unpaged) + the kinds' `requests`.
 */
import type { ApiClient } from '../api/api-client.js';
import type { OrganizationDbDto } from '../kinds/organization/api.js';
import { KINDS } from '../kinds/index.js';
import type { Kind } from '../kinds/kind.js';
import type { OrgCollection, OrgDraft, OrgReadContext } from '../kinds/kind-read.js';
import { reading } from '../kinds/kit/reading.js';
import { mapOrganization } from '../kinds/organization/api.js';
import { mapWorkspace, workspaceReads } from '../kinds/workspace/api.js';
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import { orgFacets, type OrgReads } from './read-needs.js';
import { readWorkspace } from './read-workspace.js';

/** How `readActualState` schedules and observes the workspace reads. */
export interface WorkspaceReadHooks {
  /** Runs one workspace's read when a slot is free (bounds the workspaces read at once). */
  readonly limitWorkspace: <T>(read: () => Promise<T>) => Promise<T>;
  readonly onWorkspaceRead?: (orgName: string, workspace: ActualWorkspace) => void;
}

export async function readOrg(
  client: ApiClient,
  dto: OrganizationDbDto,
  reads: OrgReads,
  hooks: WorkspaceReadHooks,
  tokenEmail: string,
  kinds: readonly Kind[] = KINDS,
): Promise<ActualOrg> {
  const orgId = dto.orgId;
  const name = dto.name;
  const ctx: OrgReadContext = { client, orgId, orgName: name };
  const facets = orgFacets(kinds);
  const collections = Promise.all(
    facets.map(async (facet) => [facet.field, await facet.read(ctx, reads.flags)] as const),
  );
  const workspaces = reading(`workspaces of ${name}`, () =>
    client.use(workspaceReads).listWorkspaces(orgId),
  ).then((list) =>
    Promise.all(
      list.map((ws) => {
        const wsReads = reads.workspaces.get(ws.name);
        if (wsReads === undefined) return Promise.resolve(mapWorkspace(ws));
        return hooks.limitWorkspace(async () => {
          const read = await readWorkspace(client, { orgId, orgName: name, dto: ws, reads: wsReads }, kinds);
          hooks.onWorkspaceRead?.(name, read);
          return read;
        });
      }),
    ),
  );
  const [firstCollections, firstWorkspaces] = await Promise.all([collections, workspaces]);
  const read: Partial<Record<OrgCollection, unknown>> = {};
  for (const [field, value] of firstCollections) if (value !== undefined) read[field] = value;
  // Each value is the collection its kind's facet read for that field.
  let draft: OrgDraft = {
    collections: read as OrgDraft['collections'],
    workspaces: firstWorkspaces,
  };
  const complete = { ...ctx, org: reads.org, orgLevel: reads.orgLevel, tokenEmail };
  for (const facet of facets) if (facet.complete !== undefined) draft = await facet.complete(complete, draft);
  return {
    ...mapOrganization(dto),
    ...draft.collections,
    workspaces: draft.workspaces,
  };
}
