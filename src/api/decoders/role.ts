/**
 * Custom roles: a row of `GET /roles` (RoleInfo: no permissions), a described
 * role (`GET /roles/{name}`: `{role: RoleDto}`), and the permission catalogue
 * (`GET /roles/permissions`: `{permissions: [{name, category}]}`).
 */
import type { RoleDto, RoleInfoDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

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
