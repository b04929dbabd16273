/**
 * What the bench's lower bound counts for custom roles: a create per
 * missing role (its permissions go in it). A seed lists the organisation's
 * custom roles under `customRoles`, each a name or `{ name }`.
 */
import type { ResourceWrites } from '../kind.js';
import { textOf } from '../kit/write-items.js';

/** The names of a seed's custom roles. */
function customRoles(org: object): string[] {
  const list = (org as Readonly<Record<string, unknown>>)['customRoles'];
  const roles = Array.isArray(list) ? (list as readonly unknown[]) : [];
  return roles.map((role) =>
    typeof role === 'string' ? role : textOf((role ?? {}) as Readonly<Record<string, unknown>>, 'name'),
  );
}

export const roleWrites: ResourceWrites = {
  create: 'POST /roles',
  live: (org) => customRoles(org).map((name) => ({ id: name, fields: { name } })),
  // `roles`: the custom roles' list; `customRoles`: the roles that exist, by name (a describe each when declared).
  seedSizes: (org) => {
    const names = new Set(customRoles(org));
    return { roles: names.size, customRoles: Object.fromEntries([...names].map((name) => [name, 1])) };
  },
};
