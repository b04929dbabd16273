/**
 * Reads one organisation for an export through the ordinary reader
 * (`readActualState`): the organisation's workspaces and teams are listed
 * first, then a synthetic desired state that manages everything (every
 * collection of the selected workspaces, org members, every team and its
 * members) makes the reader read it all. With a workspace selection, only
 * those workspaces are read, and no members or teams (no organisation file
 * is written then).
 */
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_POLICY, NO_IGNORE, NO_PRUNE } from '../config/normalise-policy.js';
import { SyncError, UsageError } from '../errors.js';
import type { ActualOrg } from '../model/actual.js';
import type { DesiredOrg, DesiredState, DesiredTeam, DesiredWorkspace } from '../model/desired.js';
import type { SourceRef } from '../model/diagnostics.js';
import { readActualState } from '../state/read-actual-state.js';

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

/** A desired workspace that manages every collection (empty lists: only what to read matters). */
function managedWorkspace(org: string, name: string): DesiredWorkspace {
  return {
    org,
    name,
    fullName: name,
    visibility: 'private',
    state: 'present',
    prune: NO_PRUNE,
    ignore: NO_IGNORE,
    maintainers: [],
    participants: [],
    credentials: [],
    computeEnvironments: [],
    pipelines: [],
    secrets: [],
    labels: [],
    actions: [],
    source: SOURCE,
  };
}

/** The desired state that makes the reader read everything the export writes. */
export function exportReadScope(
  org: string,
  workspaces: readonly string[],
  teams: readonly string[] | undefined,
): DesiredState {
  const desiredTeams: DesiredTeam[] | undefined = teams?.map((name) => ({
    name,
    members: [],
    source: SOURCE,
  }));
  const desiredOrg: DesiredOrg = {
    name: org,
    hasFile: true,
    ...(desiredTeams === undefined ? {} : { members: [], teams: desiredTeams }),
    policy: DEFAULT_POLICY,
    ignore: NO_IGNORE,
    workspaces: workspaces.map((name) => managedWorkspace(org, name)),
    source: SOURCE,
  };
  return { orgs: [desiredOrg] };
}

/** Reads `orgName` (or only `selection`, workspace names) for an export. */
export async function readLiveOrg(
  client: ApiClient,
  orgName: string,
  selection: readonly string[],
): Promise<LiveOrg> {
  const orgs = await client.listOrganizations();
  const dto = orgs.find((o) => o.name === orgName);
  if (dto === undefined) {
    throw new SyncError(
      `organisation ${orgName} was not found on ${client.endpoint} (or the token's user is not a member of it)`,
    );
  }
  const names = (await client.listWorkspaces(dto.orgId)).map((ws) => ws.name).sort();
  const unknown = selection.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `--workspace names no workspace of ${orgName}: ${unknown.join(', ')} (its workspaces: ${names.join(', ') || 'none'})`,
    );
  }
  const withOrganization = selection.length === 0;
  const workspaces = withOrganization ? names : [...new Set(selection)].sort();
  const teams = withOrganization ? (await client.listTeams(dto.orgId)).map((t) => t.name) : undefined;
  const actual = await readActualState(client, exportReadScope(orgName, workspaces, teams), {
    workspaceFilter: [],
  });
  const org = actual.orgs.find((o) => o.name === orgName);
  if (org === undefined) {
    throw new SyncError(`organisation ${orgName} disappeared while it was being read: run the export again`);
  }
  return { org, tokenEmail: actual.user.email, workspaces, withOrganization };
}
