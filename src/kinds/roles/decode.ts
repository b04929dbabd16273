/** A custom role as listed (name, description) or described (with permissions) → the live role. */
import type { RoleDto, RoleInfoDto } from '../../api/role-operations.js';
import type { ActualRole } from './model.js';
import { text } from '../kit/live-text.js';

export function mapRole(dto: RoleInfoDto | RoleDto): ActualRole {
  const description = text(dto.description);
  return {
    name: dto.name,
    ...(description === undefined ? {} : { description }),
    ...('permissions' in dto ? { permissions: [...new Set(dto.permissions)].sort() } : {}),
  };
}
