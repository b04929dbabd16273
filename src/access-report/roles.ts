/**
 * Workspace role strength, to pick the effective role of a person from all
 * of its sources. Unknown roles (custom roles, newer values) rank below every
 * built-in role and are compared by name among themselves, so a custom role
 * never hides a built-in one and the choice stays stable.
 */
import { workspaceRoleRank } from '../model/roles.js';

/** Higher is stronger; unknown roles are 0. */
export function roleRank(role: string): number {
  return workspaceRoleRank(role);
}

/** Negative when `a` is stronger than `b` (for sorting strongest first). */
export function compareRoles(a: string, b: string): number {
  return roleRank(b) - roleRank(a) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The strongest of `roles` (which must not be empty). */
export function strongestRole(roles: readonly string[]): string {
  const sorted = [...roles].sort(compareRoles);
  const first = sorted[0];
  if (first === undefined) throw new Error('strongestRole needs at least one role');
  return first;
}
