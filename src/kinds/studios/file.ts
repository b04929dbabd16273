/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: a workspace file's `studios:` object: the declared fields, as written (no defaults: an absent field is not managed).
 *
 * Export: the live Studios settings → a workspace file's `studios:` object, every
 * field the platform reports (a repository it leaves unset is left out, so
 * it is not managed). Settings the schema refuses are left out with a
 * warning, and the key with them (the settings are then not managed).
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { planActionSchema } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { objectLoad } from '../kind-load.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import type { MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';
import { STUDIOS_FIELDS } from './fields.js';

export const studiosLoad = objectLoad({
  file: 'workspace',
  key: 'studios',
  resource: 'studiosSettings',
  what: 'Studios settings',
  normalise: (w, from) => ({
    ...opt('lifespanHours', w.lifespanHours),
    ...opt('privateStudioByDefault', w.privateStudioByDefault),
    ...opt('containerRepository', w.containerRepository),
    source: from.source,
  }),
});

function mapStudios(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const live = ws.studios;
  if (live === undefined) return { items: [] };
  const item: MutableRecord = {};
  for (const field of STUDIOS_FIELDS) if (live[field] !== undefined) item[field] = live[field];
  if (Object.keys(item).length === 0) return { items: [] };
  const issues = ctx.schema.validate('workspace', { name: ws.name, fullName: ws.fullName, studios: item });
  const issue = issues.find((i) => i.pointer.startsWith('/studios'));
  if (issue !== undefined) {
    ctx.sink.warnings.push(
      `${address.studios(ctx.org, ws.name)}: not exported (${issue.message} at ${issue.pointer}); the Studios settings are not managed`,
    );
    return { items: [] };
  }
  return { items: [item] };
}

export const studiosExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'studios',
  single: true,
  map: mapStudios,
};

/** The Studios settings' fields in a plan action, declared and live alike. */
const studiosFields = {
  lifespanHours: {
    type: 'integer',
  },
  privateStudioByDefault: {
    type: 'boolean',
  },
  containerRepository: {
    type: 'string',
  },
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
      studios: {
        $ref: '#/$defs/studios',
        description:
          "The workspace's Studios settings (one object). Only the fields given are compared and sent; the others are left as they are on the platform.",
      },
    },
    $defs: {
      studios: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        description: 'Workspace Studios settings: declare the fields to manage.',
        properties: {
          lifespanHours: {
            type: 'integer',
            minimum: 0,
            maximum: 2147483647,
            description: 'Hours a Studio session may run before it is stopped automatically; 0 = no limit.',
          },
          privateStudioByDefault: {
            type: 'boolean',
            description:
              'New Studio sessions are private (only their creator can reach them) unless made otherwise.',
          },
          containerRepository: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description:
              'Container repository where Wave pushes the images it builds for Studios in this workspace (e.g. cr.example.org/ausgen/studios).',
          },
        },
      },
    },
  },
  plan: {
    actions: {
      studiosSettings: 'studiosSettingsAction',
    },
    $defs: {
      studiosSettingsAction: planActionSchema('studiosSettings', [], {
        type: {
          enum: ['update'],
          description: 'What the action does: the settings exist with the workspace, so only an update.',
        },
        desired: { $ref: '#/$defs/studiosDesired', description: 'The declared fields.' },
        current: {
          $ref: '#/$defs/studiosCurrent',
          description: 'The live settings the action was computed from.',
        },
      }),
      studiosDesired: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...studiosFields,
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      studiosCurrent: {
        type: 'object',
        additionalProperties: false,
        properties: studiosFields,
      },
    },
  },
};
