/**
 * Custom roles of an organisation (`/roles?orgId=`), named by their name (the
 * path segment). Platforms without custom roles answer 403 (or 404).
 */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { decodePermissionName, decodeRole, decodeRoleInfo } from './decoders/role.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import type { Transport } from './transport.js';

export type RoleOperations = Pick<
  ApiClient,
  'listCustomRoles' | 'describeRole' | 'listRolePermissions' | 'createRole' | 'updateRole' | 'deleteRole'
>;

export function roleOperations(t: Transport, pageSize?: number): RoleOperations {
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
