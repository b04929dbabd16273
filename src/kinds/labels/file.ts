/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: workspace labels in a workspace file: unique by name; `resource` and `default` default to false.
 *
 * Export: live workspace labels → `labels:` entries of a workspace file, by name:
 * `{ name }` for a simple label, `{ name, value, resource: true }` (and
 * `default: true` when it is a default) for a resource label. A label the
 * file cannot declare (a dynamic value such as `${workflowId}`, a name the
 * schema refuses) is left out and listed under `ignore.labels`, so the next
 * plan neither recreates nor reports it. The labels written (by id) are
 * what compute environments and pipelines may name.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { leaveOut, nameOrder } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { byName } from '../kit/load-identity.js';

export const labelsLoad = collectionLoad({
  file: 'workspace',
  key: 'labels',
  resource: 'label',
  what: 'label',
  identity: byName,
  normalise: (l, from) => ({
    name: l.name,
    ...opt('value', l.value),
    resource: l.resource ?? false,
    isDefault: l.default ?? false,
    source: from.source,
  }),
});

function itemOf(label: NonNullable<ActualWorkspace['labels']>[number]): MutableRecord {
  if (!label.resource) return { name: label.name };
  return {
    name: label.name,
    ...(label.value === undefined ? {} : { value: label.value }),
    resource: true,
    ...(label.isDefault ? { default: true } : {}),
  };
}

function mapLabels(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  for (const label of [...(ws.labels ?? [])].sort(nameOrder)) {
    const labelAddress = address.label(ctx.org, ws.name, label.name);
    if (label.dynamic === true) {
      leaveOut(ctx, 'labels', label.name, labelAddress, 'its value is dynamic');
      continue;
    }
    const checked = checkItem(ctx.schema, 'workspace', 'labels', itemOf(label), noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'labels', label.name, labelAddress, checked.problem ?? 'invalid');
      continue;
    }
    items.push(checked.item);
    exported.push({ id: String(label.id), name: label.name });
  }
  return { items, exported };
}

export const labelsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'labels',
  flowItems: ['labels'],
  map: mapLabels,
};

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  workspace: {
    properties: {
      labels: {
        type: 'array',
        items: {
          $ref: '#/$defs/label',
        },
        description:
          'Workspace labels: simple labels (a name) and resource labels (a name and a value, sent to the cloud provider with each run). Identified by name.',
      },
    },
    $defs: {
      label: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        errorMessage:
          "a simple label has only a name (no value, never default); a resource label has 'resource: true' and a value",
        properties: {
          name: {
            type: 'string',
            description: 'Label name, unique in the workspace.',
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
            patternErrorMessage:
              "must be 2 to 39 letters or digits, optionally joined by single '-' or '_' (no leading, trailing or doubled '-'/'_')",
          },
          value: {
            type: 'string',
            description: "A resource label's value (resource labels only).",
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
            patternErrorMessage:
              "must be 2 to 39 letters or digits, optionally joined by single '-' or '_' (no leading, trailing or doubled '-'/'_')",
          },
          resource: {
            type: 'boolean',
            default: false,
            description:
              'A resource label (name=value, sent to the cloud provider); default false: a simple label. Cannot be changed on an existing label.',
          },
          default: {
            type: 'boolean',
            default: false,
            description:
              'Pre-selected when a compute environment is created (resource labels only). Default false.',
          },
        },
        oneOf: [
          {
            description: 'A simple label: a name only.',
            additionalProperties: false,
            properties: {
              name: {
                description: "The label's name.",
              },
              resource: {
                const: false,
                description: 'Absent or false for a simple label.',
              },
              default: {
                const: false,
                description: 'A simple label is never a default.',
              },
            },
          },
          {
            description: 'A resource label: a name and a value.',
            additionalProperties: false,
            required: ['resource', 'value'],
            properties: {
              name: {
                description: "The label's name.",
              },
              value: {
                description: "The label's value.",
              },
              resource: {
                const: true,
                description: 'True for a resource label.',
              },
              default: {
                description: 'Whether new compute environments get it by default.',
              },
            },
          },
        ],
      },
    },
  },
  collections: {
    labels: collectionSchema(
      'Delete workspace labels that exist on the platform but are not declared.',
      'Acknowledged extra workspace labels (by name): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      label: 'labelAction',
    },
    blockRules: ['immutableLabel', 'unknownLabel'],
    $defs: {
      labelAction: planActionSchema('label', ['create', 'update', 'delete']),
      labelDesired: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'resource', 'isDefault'],
        properties: {
          name: {
            type: 'string',
          },
          value: {
            type: 'string',
            description: 'Resource labels only.',
          },
          resource: {
            type: 'boolean',
          },
          isDefault: {
            type: 'boolean',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      labelCurrent: {
        type: 'object',
        required: ['id', 'name', 'resource', 'isDefault'],
        properties: {
          id: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
          value: {
            type: 'string',
          },
          resource: {
            type: 'boolean',
          },
          isDefault: {
            type: 'boolean',
          },
          dynamic: {
            const: true,
            description: 'The value is filled in per run; it cannot be changed in place.',
          },
        },
      },
    },
  },
};
