/**
 * Custom roles on the platform (`/roles?orgId=`, named by their name): the
 * wire types and decoders, the list (without permissions), a role described
 * with its permissions, the permission catalogue, the writes, and a role → the
 * live role. Platforms without custom roles answer 403 (or 404).
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf, type OperationsContext } from '../../api/call-helpers.js';
import { paginate } from '../../api/paginate.js';
import { segment } from '../../api/request-path.js';
import { Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import { operations } from '../../api/operations.js';
import { text } from '../kit/live-text.js';
import type { ActualRole } from './model.js';

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

export interface RoleReads {
  /** Paged; the organisation's custom roles (`type=custom`), without their permissions. */
  listCustomRoles(orgId: number): Promise<RoleInfoDto[]>;
  /** One role with its permissions. */
  describeRole(orgId: number, name: string): Promise<RoleDto>;
  /** The permission names the platform accepts in a role. */
  listRolePermissions(orgId: number): Promise<string[]>;
}

const rolePath = (name: string): string => `/roles/${segment(name)}`;

/** The custom roles kind's own read endpoints. */
export const roleReads = operations(
  'custom roles (reads)',
  ({ transport: t, pageSize }: OperationsContext): RoleReads => {
    return {
      listCustomRoles: (orgId) =>
        paginate(t, '/roles', { orgId, type: 'custom' }, 'roles', decodeRoleInfo, pageSize),
      async describeRole(orgId, name) {
        const result = await t.call({ method: 'GET', path: rolePath(name), query: { orgId } });
        return decodeRole(Fields.body(result.body, contextOf(result)).object('role'));
      },
      async listRolePermissions(orgId) {
        const result = await t.call({ method: 'GET', path: '/roles/permissions', query: { orgId } });
        return Fields.body(result.body, contextOf(result)).list('permissions', decodePermissionName);
      },
    };
  },
);

/** `CreateRoleRequest` / `UpdateRoleRequest`: the description is required (1 to 120 characters). */
export interface RoleRequest {
  name: string;
  description: string;
  permissions: string[];
}

export interface RoleWrites {
  createRole(orgId: number, body: RoleRequest): Promise<void>;
  /** Named by the role's current name (the body may rename it). */
  updateRole(orgId: number, name: string, body: RoleRequest): Promise<void>;
  deleteRole(orgId: number, name: string): Promise<void>;
}

/** The custom roles kind's own write endpoints. */
export const roleWrites = operations(
  'custom roles (writes)',
  ({ transport: t }: OperationsContext): RoleWrites => {
    return {
      async createRole(orgId, body) {
        await t.call({ method: 'POST', path: '/roles', query: { orgId }, body });
      },
      async updateRole(orgId, name, body) {
        await t.call({ method: 'PUT', path: rolePath(name), query: { orgId }, body });
      },
      async deleteRole(orgId, name) {
        await t.call({ method: 'DELETE', path: rolePath(name), query: { orgId } });
      },
    };
  },
);

/** A custom role as listed (name, description) or described (with permissions) → the live role. */
export function mapRole(dto: RoleInfoDto | RoleDto): ActualRole {
  const description = text(dto.description);
  return {
    name: dto.name,
    ...(description === undefined ? {} : { description }),
    ...('permissions' in dto ? { permissions: [...new Set(dto.permissions)].sort() } : {}),
  };
}
