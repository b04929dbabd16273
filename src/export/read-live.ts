/**
 * Reads one organisation for an export through the ordinary reader
 * (`readActualState`): the organisation's workspaces and teams are listed
 * first, then a synthetic desired state that manages everything (every
 * collection of the selected workspaces and of the organisation file, as
 * the kinds' export facets name them, each kind's list as its `readAll`
 * gives it) makes the reader read it all. With a workspace selection, only
 * those workspaces are read, and no members or teams (no organisation file
 * is written then).
 */
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_POLICY, NO_IGNORE, NO_PRUNE } from '../config/normalise-policy.js';
import { SyncError, UsageError } from '../errors.js';
import type { ActualOrg } from '../model/actual.js';
import type { DesiredOrg, DesiredState, DesiredWorkspace } from '../model/desired.js';
import { KINDS } from '../kinds/index.js';
import type { ExportReadContext, ItemsExport } from '../kinds/kind-export.js';
import type { SourceRef } from '../model/diagnostics.js';
import { readActualState } from '../state/read-actual-state.js';
import { organizationReads } from '../kinds/organization/api.js';
import { workspaceReads } from '../kinds/workspace/api.js';

export interface LiveOrg {
  readonly org: ActualOrg;
  /** The token's own user (lower-cased). */
  readonly tokenEmail: string;
  /** The workspaces read, by name (all of the org's without a selection). */
  readonly workspaces: readonly string[];
  /** True without a selection: members and teams were read, and an organisation file is written. */
  readonly withOrganization: boolean;
}

const SOURCE: SourceRef = { file: '(export)', line: 1, column: 1, pointer: '' };

/** The export facets of the kinds whose items `file` holds. */
function itemsOf(
  file: 'organization' | 'workspace',
): readonly (ItemsExport<'organization'> | ItemsExport<'workspace'>)[] {
  return KINDS.flatMap((kind) =>
    kind.export?.part === 'items' && kind.export.file === file ? [kind.export] : [],
  );
}

/**
 * The workspace file's lists, each empty: a managed collection is read
 * whole; a key that holds one object is declared with no fields (it is read).
 */
function workspaceLists(): Readonly<Record<string, readonly unknown[] | { readonly source: SourceRef }>> {
  return Object.fromEntries(
    itemsOf('workspace').map((facet) => [facet.key, facet.single === true ? { source: SOURCE } : []]),
  );
}

/** The organisation file's lists that make the reader read all of it: empty, or as the kind lists them. */
async function organizationLists(
  ctx: ExportReadContext,
): Promise<Readonly<Record<string, readonly unknown[]>>> {
  const lists: Record<string, readonly unknown[]> = {};
  for (const facet of itemsOf('organization')) {
    lists[facet.key] = facet.readAll === undefined ? [] : await facet.readAll(ctx);
  }
  return lists;
}

/** A desired workspace that manages every collection (empty lists: only what to read matters). */
function managedWorkspace(
  org: string,
  name: string,
  lists: Readonly<Record<string, readonly unknown[] | { readonly source: SourceRef }>>,
): DesiredWorkspace {
  const workspace: DesiredWorkspace = {
    org,
    name,
    fullName: name,
    visibility: 'private',
    state: 'present',
    prune: NO_PRUNE,
    ignore: NO_IGNORE,
    maintainers: [],
    source: SOURCE,
  };
  // The lists are the workspace file's collections, as the kinds' export facets name them.
  return { ...workspace, ...lists };
}

/**
 * The desired state that makes the reader read everything the export
 * writes: every collection of the workspaces, and, when `orgLists` is given
 * (the organisation file is written), the organisation's.
 */
export function exportReadScope(
  org: string,
  workspaces: readonly string[],
  orgLists: Readonly<Record<string, readonly unknown[]>> | undefined,
): DesiredState {
  const wsLists = workspaceLists();
  const desiredOrg: DesiredOrg = {
    name: org,
    hasFile: true,
    policy: DEFAULT_POLICY,
    ignore: NO_IGNORE,
    workspaces: workspaces.map((name) => managedWorkspace(org, name, wsLists)),
    source: SOURCE,
  };
  // The lists are the organisation file's collections, as the kinds' export facets name them.
  return { orgs: [{ ...desiredOrg, ...orgLists }] };
}

/** Reads `orgName` (or only `selection`, workspace names) for an export. */
export async function readLiveOrg(
  client: ApiClient,
  orgName: string,
  selection: readonly string[],
): Promise<LiveOrg> {
  const orgs = await client.use(organizationReads).listOrganizations();
  const dto = orgs.find((o) => o.name === orgName);
  if (dto === undefined) {
    throw new SyncError(
      `organisation ${orgName} was not found on ${client.endpoint} (or the token's user is not a member of it)`,
    );
  }
  const names = (await client.use(workspaceReads).listWorkspaces(dto.orgId)).map((ws) => ws.name).sort();
  const unknown = selection.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `--workspace names no workspace of ${orgName}: ${unknown.join(', ')} (its workspaces: ${names.join(', ') || 'none'})`,
    );
  }
  const withOrganization = selection.length === 0;
  const workspaces = withOrganization ? names : [...new Set(selection)].sort();
  const orgLists = withOrganization
    ? await organizationLists({ client, orgId: dto.orgId, source: SOURCE })
    : undefined;
  const actual = await readActualState(client, exportReadScope(orgName, workspaces, orgLists), {
    workspaceFilter: [],
  });
  const org = actual.orgs.find((o) => o.name === orgName);
  if (org === undefined) {
    throw new SyncError(`organisation ${orgName} disappeared while it was being read: run the export again`);
  }
  return { org, tokenEmail: actual.user.email, workspaces, withOrganization };
}
