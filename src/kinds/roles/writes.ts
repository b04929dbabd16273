/**
 * What the bench's lower bound counts for custom roles: a create per
 * missing role (its permissions go in it). A seed lists the organisation's
 * custom roles under `customRoles`, each a name or `{ name }`.
 */
import type { ResourceWrites } from '../kind.js';
import { textOf } from '../kit/write-items.js';

export const roleWrites: ResourceWrites = {
  create: 'POST /roles',
  live: (org) => {
    const list = (org as Readonly<Record<string, unknown>>)['customRoles'];
    const roles = Array.isArray(list) ? (list as readonly unknown[]) : [];
    return roles.map((role) => {
      const name =
        typeof role === 'string' ? role : textOf((role ?? {}) as Readonly<Record<string, unknown>>, 'name');
      return { id: name, fields: { name } };
    });
  },
};
