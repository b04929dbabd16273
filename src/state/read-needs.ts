/**
 * What the live-state reader must read, decided from the desired state alone
 * (pure). A collection is read when it is managed, or when another managed
 * collection cannot be planned or applied without it:
 *
 * - org members: managed, and the org level is selected (not under a
 *   `--workspace` filter, nor in a change-scoped plan whose organisation
 *   file did not change: then org-level members and teams are neither
 *   planned nor applied);
 * - teams: managed and the org level selected, or a selected workspace's
 *   managed participants name a team (its id is needed to add it);
 * - team members: per declared team whose `members` is managed, org level
 *   selected;
 * - workspaces list: once per selected org (names for unmanaged-workspace
 *   reporting, ids for everything else);
 * - per selected workspace with `state: absent` that is deleted whole: the
 *   lists of its participants, credentials, compute environments, pipelines
 *   and secrets (no describe, no launch), so the plan names what goes with it
 *   (its labels are not listed: they go with it and are not named);
 * - per selected workspace with `state: present`:
 *   - participants, secrets, labels: managed;
 *   - credentials: managed, or managed compute environments name credentials
 *     (their ids);
 *   - compute-environment list: CEs managed, or managed pipelines name a CE
 *     (its id); each CE is described only when CEs are managed (config);
 *   - pipeline list: pipelines managed, or CEs managed and the workspace has
 *     any CE (a replace re-points, and a prune strands, the pipelines using
 *     it, managed or not); each pipeline's launch is read only when pipelines are
 *     managed.
 */
import type { DesiredOrg, DesiredState, DesiredWorkspace } from '../model/desired.js';
import {
  coversOrgLevel,
  coversWorkspace,
  filterSelection,
  isFilter,
  type Selection,
} from '../model/selection.js';

export interface WorkspaceReads {
  readonly participants: boolean;
  readonly credentials: boolean;
  readonly computeEnvList: boolean;
  readonly computeEnvDescribe: boolean;
  /** 'managed': list + launch per pipeline; 'list': list only; 'if-any-ce': list only, when the CE list is not empty. */
  readonly pipelines: 'managed' | 'list' | 'if-any-ce' | 'no';
  readonly secrets: boolean;
  readonly labels: boolean;
}

export interface OrgReads {
  readonly org: DesiredOrg;
  /** No workspace filter: org-level members and teams are planned. */
  readonly orgLevel: boolean;
  readonly members: boolean;
  readonly teams: boolean;
  /** Declared teams whose membership is read (when they exist). */
  readonly teamMembers: readonly string[];
  /** Selected workspaces, by name (what is read of an absent one: DELETED_WORKSPACE_READS). */
  readonly workspaces: ReadonlyMap<string, WorkspaceReads>;
}

export function workspaceReads(ws: DesiredWorkspace): WorkspaceReads {
  const cesManaged = ws.computeEnvironments !== undefined;
  const pipelinesManaged = ws.pipelines !== undefined;
  return {
    participants: ws.participants !== undefined,
    credentials:
      ws.credentials !== undefined ||
      (ws.computeEnvironments ?? []).some((ce) => ce.credentials !== undefined),
    computeEnvList: cesManaged || (ws.pipelines ?? []).some((p) => p.computeEnvironment !== undefined),
    computeEnvDescribe: cesManaged,
    pipelines: pipelinesManaged ? 'managed' : cesManaged ? 'if-any-ce' : 'no',
    secrets: ws.secrets !== undefined,
    labels: ws.labels !== undefined,
  };
}

/** An absent workspace: what goes with it when it is deleted, listed. */
export const DELETED_WORKSPACE_READS: WorkspaceReads = {
  participants: true,
  credentials: true,
  computeEnvList: true,
  computeEnvDescribe: false,
  pipelines: 'list',
  secrets: true,
  labels: false,
};

function orgReads(org: DesiredOrg, selection: Selection): OrgReads | undefined {
  const selected = org.workspaces.filter((ws) => coversWorkspace(selection, org.name, ws.name));
  const orgLevel = coversOrgLevel(selection, org.name);
  if (!orgLevel && selected.length === 0) return undefined;
  const present = selected.filter((ws) => ws.state === 'present');
  const teamParticipants = present.some((ws) => (ws.participants ?? []).some((p) => p.type === 'team'));
  return {
    org,
    orgLevel,
    members: orgLevel && org.members !== undefined,
    teams: (orgLevel && org.teams !== undefined) || teamParticipants,
    teamMembers: orgLevel ? (org.teams ?? []).filter((t) => t.members !== undefined).map((t) => t.name) : [],
    workspaces: new Map(
      selected.map((ws) => [ws.name, ws.state === 'present' ? workspaceReads(ws) : DELETED_WORKSPACE_READS]),
    ),
  };
}

/**
 * The reads per selected org (an org whose org level is not selected and
 * that has no selected workspace is not read at all). A filter list is a
 * `--workspace` filter (empty = everything).
 */
export function planReads(desired: DesiredState, scope: readonly string[] | Selection): OrgReads[] {
  const selection = isFilter(scope) ? filterSelection(scope) : scope;
  return desired.orgs
    .map((org) => orgReads(org, selection))
    .filter((reads): reads is OrgReads => reads !== undefined);
}
