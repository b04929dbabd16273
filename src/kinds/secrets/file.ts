/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: pipeline secrets in a workspace file: unique by name; the value is a `SecretRef`, with its variable's position.
 *
 * Export: live pipeline secrets → `secrets:` entries of a workspace file, by name:
 * `{ name, value: ${VAR} }`, each value a reference to a variable with a
 * predictable name. A secret's value is never read.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema, secretField } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { checkItem, noFix, REFERENCE_PLACEHOLDER, type MutableRecord } from '../kit/item-check.js';
import { leaveOut, nameOrder } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';
import { byName } from '../kit/load-identity.js';

export const secretsLoad = collectionLoad({
  file: 'workspace',
  key: 'secrets',
  resource: 'secret',
  what: 'secret',
  identity: byName,
  normalise: (s, from) => ({
    name: s.name,
    value: from.secretRef(s.value, `${from.pointer}/value`),
    ...opt('variableSources', from.variableSources(`${from.pointer}/value`)),
    source: from.source,
  }),
});

function mapSecrets(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  for (const secret of [...(ws.secrets ?? [])].sort(nameOrder)) {
    const secretAddress = address.secret(ctx.org, ws.name, secret.name);
    const checked = checkItem(
      ctx.schema,
      'workspace',
      'secrets',
      { name: secret.name, value: REFERENCE_PLACEHOLDER },
      noFix,
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'secrets', secret.name, secretAddress, checked.problem ?? 'invalid');
      continue;
    }
    const name = ctx.names.allocate([ws.name, secret.name]);
    ctx.sink.variables.push({ name, address: secretAddress, field: 'value' });
    items.push({ name: secret.name, value: `\${${name}}` });
  }
  return { items };
}

export const secretsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'secrets',
  flowItems: ['secrets'],
  variablesReport: { untilSet: 'pipeline secrets are never rewritten unless --rotate-secrets is given' },
  map: mapSecrets,
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
      secrets: {
        type: 'array',
        items: {
          $ref: '#/$defs/secret',
        },
        description: 'Pipeline secrets of the workspace.',
      },
    },
    $defs: {
      secret: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'value'],
        properties: {
          name: {
            type: 'string',
            description: 'Pipeline secret name: letters, digits and single underscores.',
            pattern: '^[a-zA-Z_](?:[0-9A-Za-z]|_(?!_)){1,99}$',
            patternErrorMessage:
              'must be 2 to 100 letters, digits or single underscores, not starting with a digit',
          },
          value: secretField('Secret value.'),
        },
      },
    },
  },
  collections: {
    secrets: collectionSchema(
      'Delete pipeline secrets that exist on the platform but are not declared.',
      'Acknowledged extra pipeline secrets (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      secret: 'secretAction',
    },
    $defs: {
      secretAction: planActionSchema('secret', ['create', 'update', 'delete']),
      secretDesired: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'value'],
        properties: {
          name: {
            type: 'string',
          },
          value: {
            $ref: '#/$defs/secretRef',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
          variableSources: {
            type: 'object',
            description: 'Where each variable is referenced in the file (the `${NAME}` position), by name.',
            additionalProperties: {
              $ref: '#/$defs/sourceRef',
            },
          },
        },
      },
      secretCurrent: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
        },
      },
    },
  },
};
