/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: custom roles in the organisation file: unique by name, never named like a
 * predefined role; permissions kept as a sorted set.
 *
 * Export: live custom roles → `roles:` entries of the organisation file, by name,
 * with their description and permissions (sorted). A role the file cannot
 * declare (no description, a name the schema refuses) is left out and
 * listed under `ignore.roles`. A platform without custom roles gets
 * `roles: []`, which asks for nothing. The export reads every custom role
 * (`readAll`: each listed, so each is described with its permissions).
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { isPredefinedRole } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { ApiError } from '../../api/errors.js';
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { leaveOut, nameOrder } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ExportReadContext, ItemsExport } from '../kind-export.js';
import { roleReads } from './api.js';
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

function mapRoles(ctx: ExportContext, org: ActualOrg): ExportedItems {
  const items: MutableRecord[] = [];
  const live = org.roles?.available === true ? org.roles.custom : [];
  for (const role of [...live].sort(nameOrder)) {
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
    return (await client.use(roleReads).listCustomRoles(orgId))
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

/** A role's fields in a plan action, declared and live alike. */
const roleFields = {
  name: {
    type: 'string',
  },
  description: {
    type: 'string',
  },
  permissions: {
    type: 'array',
    items: {
      type: 'string',
    },
  },
};

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  organization: {
    properties: {
      roles: {
        type: 'array',
        items: {
          $ref: '#/$defs/role',
        },
        description:
          'Custom workspace roles (platforms that offer them); present = custom roles are managed.',
      },
    },
    $defs: {
      role: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'description', 'permissions'],
        properties: {
          name: {
            type: 'string',
            description:
              'Role name, unique in the organisation; participants use it as their role. Not one of the predefined roles.',
            minLength: 1,
            maxLength: 40,
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d]))*$',
            patternErrorMessage: "must be at most 40 letters or digits, with single '-' or '_' between them",
          },
          description: {
            type: 'string',
            description: 'What the role is for (required by the platform).',
            minLength: 1,
            maxLength: 120,
          },
          permissions: {
            type: 'array',
            items: {
              type: 'string',
              minLength: 1,
              description:
                "A permission by the API's name, such as dataset:write (checked against the platform's list at plan time).",
            },
            uniqueItems: true,
            description: "The role's permissions, a set (order does not matter).",
          },
        },
      },
    },
  },
  collections: {
    roles: collectionSchema(
      'Delete custom roles that exist on the platform but are not declared (never one still used by a participant).',
      'Acknowledged extra custom roles (by name): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      role: 'roleAction',
    },
    blockRules: ['customRoles', 'unknownRole'],
    $defs: {
      roleAction: planActionSchema('role', ['create', 'update', 'delete']),
      roleDesired: {
        type: 'object',
        required: ['name', 'description', 'permissions'],
        properties: {
          ...roleFields,
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      roleCurrent: {
        type: 'object',
        required: ['name'],
        properties: roleFields,
      },
    },
  },
};
