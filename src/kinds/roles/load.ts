/**
 * Custom roles in the organisation file: unique by name, never named like a
 * predefined role; permissions kept as a sorted set.
 */
import { isPredefinedRole } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

export const rolesLoad = collectionLoad({
  file: 'organization',
  key: 'roles',
  resource: 'role',
  what: 'custom role',
  identity: byName,
  normalise: (r, from) => ({
    name: r.name,
    description: r.description,
    permissions: [...new Set(r.permissions)].sort(),
    source: from.source,
  }),
  checks: [
    (list) => {
      list.items.forEach((role, index) => {
        if (isPredefinedRole(role.name.toLowerCase())) {
          list.report(
            list.pointer(index, 'name'),
            `role name '${role.name}' is a predefined workspace role: a custom role needs another name`,
          );
        }
      });
    },
  ],
});
