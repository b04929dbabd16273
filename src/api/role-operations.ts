/**
 * Custom roles of an organisation (`/roles?orgId=`), named by their name (the
 * path segment). Platforms without custom roles answer 403 (or 404).
 */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** A custom role as listed (`ListRolesResponse.RoleInfo`, without its permissions). */
export interface RoleInfoDto {
  name: string;
  description?: string;
  isPredefined?: boolean;
}

/** A role described (`RoleDto`), with its permissions. */
export interface RoleDto extends RoleInfoDto {
  permissions: string[];
}

/** `CreateRoleRequest` / `UpdateRoleRequest`: the description is required (1 to 120 characters). */
export interface RoleRequest {
  name: string;
  description: string;
  permissions: string[];
}

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * Custom roles: a row of `GET /roles` (RoleInfo: no permissions), a described
 * role (`GET /roles/{name}`: `{role: RoleDto}`), and the permission catalogue
 * (`GET /roles/permissions`: `{permissions: [{name, category}]}`).
 */
export function decodeRoleInfo(f: Fields): RoleInfoDto {
  return {
    name: f.string('name'),
    ...opt('description', f.optString('description')),
    ...opt('isPredefined', f.optBoolean('isPredefined')),
  };
}

export function decodeRole(f: Fields): RoleDto {
  return { ...decodeRoleInfo(f), permissions: f.optStrings('permissions') ?? [] };
}

export function decodePermissionName(f: Fields): string {
  return f.string('name');
}

// ── Client methods ──

/** The client's custom-role methods (part of `ApiClient`). */
export interface RoleOperations {
  /** Paged; the organisation's custom roles (`type=custom`), without their permissions. */
  listCustomRoles(orgId: number): Promise<RoleInfoDto[]>;
  /** One role with its permissions. */
  describeRole(orgId: number, name: string): Promise<RoleDto>;
  /** The permission names the platform accepts in a role. */
  listRolePermissions(orgId: number): Promise<string[]>;
  createRole(orgId: number, body: RoleRequest): Promise<void>;
  /** Named by the role's current name (the body may rename it). */
  updateRole(orgId: number, name: string, body: RoleRequest): Promise<void>;
  deleteRole(orgId: number, name: string): Promise<void>;
}

export function roleOperations({ transport: t, pageSize }: OperationsContext): RoleOperations {
  const role = (name: string): string => `/roles/${segment(name)}`;
  return {
    listCustomRoles: (orgId) =>
      paginate(t, '/roles', { orgId, type: 'custom' }, 'roles', decodeRoleInfo, pageSize),
    async describeRole(orgId, name) {
      const result = await t.call({ method: 'GET', path: role(name), query: { orgId } });
      return decodeRole(Fields.body(result.body, contextOf(result)).object('role'));
    },
    async listRolePermissions(orgId) {
      const result = await t.call({ method: 'GET', path: '/roles/permissions', query: { orgId } });
      return Fields.body(result.body, contextOf(result)).list('permissions', decodePermissionName);
    },
    async createRole(orgId, body) {
      await t.call({ method: 'POST', path: '/roles', query: { orgId }, body });
    },
    async updateRole(orgId, name, body) {
      await t.call({ method: 'PUT', path: role(name), query: { orgId }, body });
    },
    async deleteRole(orgId, name) {
      await t.call({ method: 'DELETE', path: role(name), query: { orgId } });
    },
  };
}
