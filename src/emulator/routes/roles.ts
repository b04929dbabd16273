/**
 * Custom workspace roles of an organisation (`/roles?orgId=`), named by
 * their name. An organisation whose tier has no custom roles
 * (`customRolesEnabled: false` in the seed) answers every role endpoint
 * with 403. Reads need org membership, writes an org owner. The list
 * (`type=predefined|custom`, `name`, paged with `totalSize`) holds the
 * predefined roles too, flagged `isPredefined`; it carries no permissions
 * (describe a role for them). A role's description (1 to 120 characters)
 * is required, its permissions must be in the catalogue, names are unique
 * (409) and never a predefined role's. A role that a participant holds
 * cannot be deleted (400, the emulator's documented choice).
 */
import { findOrg, requireOrgMember, requireOrgOwner, WORKSPACE_ROLES } from '../access.js';
import { objectField, optStringArray, reqString, stringParam, type Query } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, forbidden, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { seedObj, seedOptStr, seedStr, seedStrList, type EmulatorKind } from '../kind.js';
import { paginate } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import { MAX_CUSTOM_ROLES, ROLE_PERMISSIONS } from '../settings.js';
import type { OrgRecord, Store } from '../store.js';

/** A custom workspace role of an organisation (names are its identity). */
export interface RoleRecord {
  name: string;
  description: string;
  permissions: string[];
}

export interface RoleSeed {
  readonly name: string;
  /** Default: the name. */
  readonly description?: string;
  readonly permissions?: readonly string[];
}

declare module '../records.js' {
  interface OrgCollections {
    /** Custom roles by name; the role endpoints answer 403 when `customRolesEnabled` is false. */
    readonly customRoles: Map<string, RoleRecord>;
    customRolesEnabled: boolean;
  }
}

declare module '../seed-types.js' {
  interface OrgSeed {
    /** Custom workspace roles: a name (no permissions), or the whole role. */
    readonly customRoles?: readonly (string | RoleSeed)[];
    /** False: a platform tier without custom roles (the role endpoints answer 403). Default true. */
    readonly customRolesEnabled?: boolean;
  }
}

const ROLE_NAME = /^[a-zA-Z\d](?:[a-zA-Z\d]|[-_](?=[a-zA-Z\d]))*$/;
const PERMISSION_NAMES = new Set(ROLE_PERMISSIONS.map((p) => p.name));

interface RoleRow {
  readonly name: string;
  readonly description: string;
  readonly isPredefined: boolean;
  readonly permissions: readonly string[];
}

function predefinedRows(): RoleRow[] {
  return [...WORKSPACE_ROLES].reverse().map((name) => ({
    name,
    description: `Predefined ${name} role`,
    isPredefined: true,
    permissions: [],
  }));
}

function customRow(role: RoleRecord): RoleRow {
  return { ...role, isPredefined: false };
}

function infoDto(row: RoleRow): JsonObject {
  return { name: row.name, description: row.description, isPredefined: row.isPredefined };
}

function roleDto(row: RoleRow): JsonObject {
  return { ...infoDto(row), permissions: [...row.permissions] };
}

function inUse(org: OrgRecord, name: string): boolean {
  for (const ws of org.workspaces.values()) {
    for (const p of ws.participants.values()) if (p.role === name) return true;
  }
  return false;
}

function checkRoleBody(body: Record<string, unknown>): { description: string; permissions: string[] } {
  const description = reqString(body, 'description', '');
  if (description.length > 120) throw badRequest('description must be at most 120 characters');
  const permissions = [...new Set(optStringArray(body, 'permissions', '') ?? [])];
  const unknown = permissions.filter((p) => !PERMISSION_NAMES.has(p));
  if (unknown.length > 0) throw badRequest(`Unknown permission(s): ${unknown.join(', ')}`);
  return { description, permissions };
}

function checkRoleName(org: OrgRecord, name: string, self?: RoleRecord): void {
  if (name.length > 40 || !ROLE_NAME.test(name)) {
    throw badRequest(
      `Invalid role name '${name}': at most 40 letters or digits, with single '-' or '_' between them`,
    );
  }
  if ((WORKSPACE_ROLES as readonly string[]).includes(name.toLowerCase())) {
    throw conflict(`Role name '${name}' is a predefined role`);
  }
  const existing = org.customRoles.get(name);
  if (existing !== undefined && existing !== self) throw conflict(`A role named '${name}' already exists`);
}

function roleRoutes({ store }: EmulatorEnv): Route[] {
  const orgOf = (ctx: RequestContext, ownerAction?: string): OrgRecord => {
    const org = orgFromQuery(store, ctx.query);
    if (ownerAction === undefined) requireOrgMember(store, org, ctx.user);
    else requireOrgOwner(store, org, ctx.user, ownerAction);
    if (!org.customRolesEnabled) {
      throw forbidden(`Custom roles are not available to organization '${org.name}'`);
    }
    return org;
  };
  const roleOf = (org: OrgRecord, ctx: RequestContext): RoleRecord => {
    const name = stringParam(ctx.params, 'roleName');
    const role = org.customRoles.get(name);
    if (role === undefined) throw notFound(`Role '${name}' not found`);
    return role;
  };
  return [
    {
      method: 'GET',
      pattern: '/roles',
      handler: (ctx) => {
        const org = orgOf(ctx);
        const type = ctx.query.get('type');
        if (type !== undefined && type !== 'predefined' && type !== 'custom') {
          throw badRequest(`type must be predefined or custom, got '${type}'`);
        }
        const name = ctx.query.get('name')?.toLowerCase();
        const rows = [
          ...(type === 'custom' ? [] : predefinedRows()),
          ...(type === 'predefined' ? [] : [...org.customRoles.values()].map(customRow)),
        ].filter((row) => name === undefined || name === '' || row.name.toLowerCase().includes(name));
        const page = paginate(rows, ctx.query);
        return ok({ roles: page.items.map(infoDto), totalSize: page.totalSize });
      },
    },
    {
      method: 'POST',
      pattern: '/roles',
      handler: (ctx) => {
        const org = orgOf(ctx, 'create roles');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        checkRoleName(org, name);
        const fields = checkRoleBody(body);
        if (org.customRoles.size >= MAX_CUSTOM_ROLES) {
          throw badRequest(`Organization '${org.name}' already has ${MAX_CUSTOM_ROLES} custom roles`);
        }
        const role: RoleRecord = { name, ...fields };
        org.customRoles.set(name, role);
        return { status: 201, body: roleDto(customRow(role)) };
      },
    },
    {
      method: 'GET',
      pattern: '/roles/permissions',
      handler: (ctx) => {
        orgOf(ctx);
        return ok({ permissions: ROLE_PERMISSIONS.map((p) => ({ name: p.name, category: p.category })) });
      },
    },
    {
      method: 'GET',
      pattern: '/roles/{roleName}',
      handler: (ctx) => {
        const org = orgOf(ctx);
        return ok({ role: roleDto(customRow(roleOf(org, ctx))) });
      },
    },
    {
      method: 'PUT',
      pattern: '/roles/{roleName}',
      handler: (ctx) => {
        const org = orgOf(ctx, 'update roles');
        const role = roleOf(org, ctx);
        const body = objectField(ctx.body, 'request body');
        const fields = checkRoleBody(body);
        const name = typeof body['name'] === 'string' && body['name'] !== '' ? body['name'] : role.name;
        checkRoleName(org, name, role);
        if (name !== role.name) {
          // A rename keeps the role's assignments.
          for (const ws of org.workspaces.values()) {
            for (const p of ws.participants.values()) if (p.role === role.name) p.role = name;
          }
          org.customRoles.delete(role.name);
          role.name = name;
          org.customRoles.set(name, role);
        }
        role.description = fields.description;
        role.permissions = fields.permissions;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/roles/{roleName}',
      handler: (ctx) => {
        const org = orgOf(ctx, 'delete roles');
        const role = roleOf(org, ctx);
        if (inUse(org, role.name)) {
          throw badRequest(`Role '${role.name}' is assigned to workspace participants and cannot be deleted`);
        }
        org.customRoles.delete(role.name);
        return noContent();
      },
    },
  ];
}

function orgFromQuery(store: Store, query: Query): OrgRecord {
  const orgId = query.integer('orgId');
  if (orgId === undefined) throw badRequest('orgId is required');
  return findOrg(store, orgId);
}

export const rolesKind: EmulatorKind = {
  routes: roleRoutes,
  org: {
    state: () => ({ customRoles: new Map(), customRolesEnabled: true }),
    seedSchema: {
      customRoles: {
        type: 'array',
        items: {
          oneOf: [
            seedStr,
            seedObj(['name'], { name: seedStr, description: seedOptStr, permissions: seedStrList }),
          ],
        },
      },
      customRolesEnabled: { type: 'boolean' },
    },
    loadSeed: (_loader, _store, org, seed) => {
      if (seed.customRolesEnabled === false) org.customRolesEnabled = false;
      for (const role of seed.customRoles ?? []) {
        const { name, description, permissions } = typeof role === 'string' ? { name: role } : role;
        org.customRoles.set(name, {
          name,
          description: description ?? name,
          permissions: [...(permissions ?? [])],
        });
      }
    },
    snapshot: (_store, _owner, org) => ({
      ...(org.customRolesEnabled ? {} : { customRolesEnabled: false }),
      ...(org.customRoles.size === 0
        ? {}
        : {
            customRoles: [...org.customRoles.values()].map((r) => ({
              name: r.name,
              description: r.description,
              permissions: [...r.permissions],
            })),
          }),
    }),
  },
};
