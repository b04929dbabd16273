/**
 * Organisation workspaces. The creator becomes the workspace's first `owner`
 * participant. The list holds only the workspaces the caller can see (all of
 * them for an org owner) and is not paged. An update keeps the fields it
 * does not send (the real behaviour is unverified; clients send all four).
 */
import {
  effectiveWorkspaceRole,
  findOrg,
  findWorkspaceInOrg,
  requireOrgMember,
  requireOrgOwner,
  requireWorkspaceRole,
} from '../access.js';
import { integerParam, objectField, optString, reqObject, reqString, optNullableString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { checkMaxLength, checkResourceName } from '../names.js';
import type { RequestContext, Route } from '../router.js';
import { orNull } from '../wire.js';
import type { EmulatorKind } from '../kind.js';
import { WORKSPACE_IDS, type OrgRecord, type Visibility, type WorkspaceRecord } from '../store.js';

function visibilityOf(value: string | undefined, field: string): Visibility | undefined {
  if (value === undefined) return undefined;
  if (value === 'PRIVATE' || value === 'SHARED') return value;
  throw badRequest(`${field} must be PRIVATE or SHARED, got '${value}'`);
}

/** The `Workspace` shape: list rows, create, describe and update responses alike (as recorded). */
export function workspaceDto(ws: WorkspaceRecord): JsonObject {
  return {
    id: ws.id,
    name: ws.name,
    fullName: ws.fullName,
    description: orNull(ws.description),
    visibility: ws.visibility,
    dateCreated: ws.dateCreated,
    lastUpdated: ws.lastUpdated,
  };
}

function workspaceRoutes({ store }: EmulatorEnv): Route[] {
  const checkNameFree = (org: OrgRecord, name: string, self?: WorkspaceRecord): void => {
    checkResourceName('workspace', name);
    const existing = org.workspaceByName.get(name);
    if (existing !== undefined && existing !== self?.id) {
      throw conflict(`A workspace named '${name}' already exists in organization '${org.name}'`);
    }
  };
  const target = (ctx: RequestContext): { org: OrgRecord; ws: WorkspaceRecord } => {
    const org = findOrg(store, integerParam(ctx.params, 'orgId'));
    return { org, ws: findWorkspaceInOrg(org, integerParam(ctx.params, 'workspaceId')) };
  };
  return [
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/workspaces',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        const member = requireOrgMember(store, org, ctx.user, true);
        const visible = [...org.workspaces.values()].filter(
          (ws) =>
            member.role === 'owner' || effectiveWorkspaceRole(store, org, ws, ctx.user.id) !== undefined,
        );
        return ok({ workspaces: visible.map(workspaceDto) });
      },
    },
    {
      method: 'POST',
      pattern: '/orgs/{orgId}/workspaces',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        const creator = requireOrgOwner(store, org, ctx.user, 'create workspaces');
        const input = reqObject(objectField(ctx.body, 'request body'), 'workspace', '');
        const name = reqString(input, 'name', 'workspace.');
        const fullName = reqString(input, 'fullName', 'workspace.');
        const description = optString(input, 'description', 'workspace.');
        const visibility = visibilityOf(reqString(input, 'visibility', 'workspace.'), 'workspace.visibility');
        checkNameFree(org, name);
        checkMaxLength('workspace.fullName', fullName, 100);
        checkMaxLength('workspace.description', description, 1000);
        const ws = store.newWorkspaceRecord(
          store.nextId(WORKSPACE_IDS),
          org.id,
          {
            name,
            fullName,
            visibility: visibility ?? 'PRIVATE',
            ...(description === undefined ? {} : { description }),
          },
          ctx.timestamp,
        );
        store.addWorkspace(org, ws);
        store.addParticipant(ws, { memberId: creator.memberId }, 'owner');
        return ok({ workspace: workspaceDto(ws) });
      },
    },
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}',
      handler: (ctx) => {
        const { org, ws } = target(ctx);
        requireWorkspaceRole(store, org, ws, ctx.user, 'view');
        return ok({ workspace: workspaceDto(ws) });
      },
    },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}',
      handler: (ctx) => {
        const { org, ws } = target(ctx);
        requireWorkspaceRole(store, org, ws, ctx.user, 'admin');
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '');
        const fullName = optString(body, 'fullName', '');
        const description = optNullableString(body, 'description', '');
        const visibility = visibilityOf(optString(body, 'visibility', ''), 'visibility');
        if (name !== undefined) checkNameFree(org, name, ws);
        if (fullName !== undefined && fullName.trim() === '') throw badRequest('fullName must not be blank');
        checkMaxLength('fullName', fullName, 100);
        checkMaxLength('description', description ?? undefined, 1000);
        if (name !== undefined && name !== ws.name) store.renameWorkspace(org, ws, name);
        if (fullName !== undefined) ws.fullName = fullName;
        if (description === null) delete ws.description;
        else if (description !== undefined) ws.description = description;
        if (visibility !== undefined) ws.visibility = visibility;
        ws.lastUpdated = ctx.timestamp;
        return ok({ workspace: workspaceDto(ws) });
      },
    },
    {
      method: 'DELETE',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}',
      handler: (ctx) => {
        const { org, ws } = target(ctx);
        requireWorkspaceRole(store, org, ws, ctx.user, 'owner');
        store.deleteWorkspace(org, ws);
        return noContent();
      },
    },
  ];
}

/** The workspaces are the organisations' container (records.ts); what they hold is each kind's. */
export const workspacesKind: EmulatorKind = { routes: workspaceRoutes };
