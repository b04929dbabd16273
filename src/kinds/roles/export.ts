/**
 * Live custom roles → `roles:` entries of the organisation file, by name,
 * with their description and permissions (sorted). A role the file cannot
 * declare (no description, a name the schema refuses) is left out and
 * listed under `ignore.roles`. A platform without custom roles gets
 * `roles: []`, which asks for nothing. The export reads every custom role
 * (`readAll`: each listed, so each is described with its permissions).
 */
import { ApiError } from '../../api/errors.js';
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { byName, leaveOut } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ExportReadContext, ItemsExport } from '../kind-export.js';

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

/** Every custom role as a declaration, so the reader describes each; none on a platform without custom roles (403/404). */
async function readAllRoles({ client, orgId, source }: ExportReadContext): Promise<readonly unknown[]> {
  try {
    return (await client.listCustomRoles(orgId))
      .filter((role) => role.isPredefined !== true)
      .map((role) => ({ name: role.name, description: role.name, permissions: [], source }));
  } catch (error) {
    if (error instanceof ApiError && (error.kind === 'forbidden' || error.kind === 'not-found')) return [];
    throw error;
  }
}

export const rolesExport: ItemsExport<'organization'> = {
  part: 'items',
  file: 'organization',
  key: 'roles',
  flowItems: ['permissions'],
  readAll: readAllRoles,
  map: mapRoles,
};
