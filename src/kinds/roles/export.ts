/**
 * Live custom roles → `roles:` entries of the organisation file, by name,
 * with their description and permissions (sorted). A role the file cannot
 * declare (no description, a name the schema refuses) is left out and
 * listed under `ignore.roles`. A platform without custom roles gets
 * `roles: []`, which asks for nothing.
 */
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { byName, leaveOut } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';

function mapRoles(ctx: ExportContext, org: ActualOrg): ExportedItems {
  const items: MutableRecord[] = [];
  const live = org.roles?.available === true ? org.roles.custom : [];
  for (const role of [...live].sort(byName)) {
    const candidate: MutableRecord = {
      name: role.name,
      ...(role.description === undefined ? {} : { description: role.description }),
      permissions: [...(role.permissions ?? [])],
    };
    const checked = checkItem(ctx.schema, 'organization', 'roles', candidate, noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'roles', role.name, address.role(ctx.org, role.name), checked.problem ?? 'invalid');
      continue;
    }
    items.push(checked.item);
  }
  return { items, exported: items.map((item) => ({ name: String(item['name']) })) };
}

export const rolesExport: ItemsExport<'organization'> = {
  part: 'items',
  file: 'organization',
  key: 'roles',
  flowItems: ['permissions'],
  map: mapRoles,
};
