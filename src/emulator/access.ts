/**
 * Authentication (bearer tokens of seeded users) and the permission rules the
 * emulator enforces:
 * - org reads need an org member or owner (collaborators only see their
 *   workspaces); org writes (update, members, teams, creating or deleting
 *   workspaces) need an org owner;
 * - workspace reads need any participant role (direct or through a team);
 *   pipelines and secrets need `maintain`; participants, credentials, compute
 *   environments and workspace updates need `admin`; deleting needs `owner`.
 *   Org owners have owner rights in every workspace of their org; a user who
 *   is both a named participant and in a participating team gets the higher
 *   role; a custom role counts as `launch`.
 */
import type { Query } from './body.js';
import { badRequest, forbidden, HttpError, notFound } from './http-error.js';
import type { EmulatorSettings } from './settings.js';
import type { MemberRecord, OrgRecord, Store, UserRecord, WorkspaceRecord } from './store.js';

/** Predefined workspace roles, lowest to highest. */
export const WORKSPACE_ROLES = ['view', 'connect', 'launch', 'maintain', 'admin', 'owner'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

const rank = (role: string): number => {
  const index = (WORKSPACE_ROLES as readonly string[]).indexOf(role);
  return index >= 0 ? index : WORKSPACE_ROLES.indexOf('launch');
};

/** The user behind `Authorization: Bearer <token>`; 401 (or the configured 403) otherwise. */
export function authenticate(
  store: Store,
  settings: EmulatorSettings,
  header: string | undefined,
): UserRecord {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (token === undefined) {
    throw new HttpError(
      settings.invalidTokenStatus,
      'Unauthorized: missing "Authorization: Bearer <token>" header',
    );
  }
  const user = store.userByTokenValue(token);
  if (user === undefined)
    throw new HttpError(settings.invalidTokenStatus, 'Unauthorized: invalid or expired access token');
  return user;
}

export function findOrg(store: Store, orgId: number): OrgRecord {
  const org = store.orgs.get(orgId);
  if (org === undefined) throw notFound(`Organization ${orgId} not found`);
  return org;
}

/** The caller's membership; 403 unless an owner or member (or, with `allowCollaborator`, a collaborator). */
export function requireOrgMember(
  store: Store,
  org: OrgRecord,
  user: UserRecord,
  allowCollaborator = false,
): MemberRecord {
  const member = store.memberOf(org, user.id);
  if (member === undefined || (member.role === 'collaborator' && !allowCollaborator)) {
    throw forbidden(`User '${user.userName}' is not a member of organization '${org.name}'`);
  }
  return member;
}

/** 403 unless the caller owns the org. `action` completes "Only organization owners can ...". */
export function requireOrgOwner(
  store: Store,
  org: OrgRecord,
  user: UserRecord,
  action: string,
): MemberRecord {
  const member = store.memberOf(org, user.id);
  if (member?.role !== 'owner')
    throw forbidden(`Only organization owners can ${action} (organization '${org.name}')`);
  return member;
}

/** The caller's effective role in a workspace, or undefined when they have none. */
export function effectiveWorkspaceRole(
  store: Store,
  org: OrgRecord,
  ws: WorkspaceRecord,
  userId: number,
): string | undefined {
  const member = store.memberOf(org, userId);
  if (member === undefined) return undefined;
  if (member.role === 'owner') return 'owner';
  let best: string | undefined;
  const consider = (role: string): void => {
    if (best === undefined || rank(role) > rank(best)) best = role;
  };
  const direct = ws.participantByMember.get(member.memberId);
  if (direct !== undefined) {
    const participant = ws.participants.get(direct);
    if (participant !== undefined) consider(participant.role);
  }
  for (const [teamId, participantId] of ws.participantByTeam) {
    const team = org.teams.get(teamId);
    const participant = ws.participants.get(participantId);
    if (team?.memberIds.has(member.memberId) === true && participant !== undefined)
      consider(participant.role);
  }
  return best;
}

/** 403 unless the caller's role in the workspace is at least `minimum` (org owners always pass). */
export function requireWorkspaceRole(
  store: Store,
  org: OrgRecord,
  ws: WorkspaceRecord,
  user: UserRecord,
  minimum: WorkspaceRole,
): void {
  const role = effectiveWorkspaceRole(store, org, ws, user.id);
  if (role === undefined) {
    throw forbidden(`User '${user.userName}' is not a participant of workspace '${org.name}/${ws.name}'`);
  }
  if (rank(role) < rank(minimum)) {
    throw forbidden(
      `Workspace role '${role}' of '${user.userName}' in '${org.name}/${ws.name}' is not enough: '${minimum}' or higher is required`,
    );
  }
}

/** A workspace of an org by path ids (404 when it is not in that org). */
export function findWorkspaceInOrg(org: OrgRecord, workspaceId: number): WorkspaceRecord {
  const ws = org.workspaces.get(workspaceId);
  if (ws === undefined) throw notFound(`Workspace ${workspaceId} not found in organization '${org.name}'`);
  return ws;
}

/** The workspace named by `?workspaceId=`, checked for the caller's role. */
export function workspaceFromQuery(
  store: Store,
  query: Query,
  user: UserRecord,
  minimum: WorkspaceRole,
): { readonly org: OrgRecord; readonly ws: WorkspaceRecord } {
  const workspaceId = query.integer('workspaceId');
  if (workspaceId === undefined) {
    throw badRequest(
      'workspaceId is required: the emulator models organisation workspaces only (no personal workspace)',
    );
  }
  const ws = store.workspaces.get(workspaceId);
  if (ws === undefined) throw notFound(`Workspace ${workspaceId} not found`);
  const org = findOrg(store, ws.orgId);
  requireWorkspaceRole(store, org, ws, user, minimum);
  return { org, ws };
}
