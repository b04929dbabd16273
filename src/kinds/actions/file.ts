/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: pipeline actions in a workspace file: unique by name; the launch fields
 * taken as a pipeline entry's are; `source` kept as the action's trigger.
 * In a private workspace each names a compute environment and a work dir,
 * as a pipeline does (the platform launches it the same way).
 *
 * Export: live pipeline actions → `actions:` entries: `name`, `source`, `cron` for a
 * scheduled one, the launch fields as a pipeline entry writes them, and the
 * attached labels by name. An action the file cannot declare (a `bucket`
 * action, a launch without a repository URL, or a private workspace's
 * action without a compute environment or a work dir) is left out and
 * listed under `ignore.actions`.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { labelRefList, suitsLabelRef } from '../labels/reference.js';
import { labelRefOf, sortedRefs } from '../labels/reference.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualAction } from './model.js';
import { address } from '../../model/address.js';
import { leaveOut, noteDropped, type MapContext, nameOrder } from '../kit/export-context.js';
import { checkItem, dropInside, type MutableRecord } from '../kit/item-check.js';
import { isPlainObject } from '../kit/prune.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { launchItemFields } from '../pipelines/file.js';
import { byName } from '../kit/load-identity.js';

export const actionsLoad = collectionLoad({
  file: 'workspace',
  key: 'actions',
  resource: 'pipelineAction',
  what: 'pipeline action',
  identity: byName,
  nested: (a) => [labelRefList(`label of pipeline action ${a.name}`, a.labels)],
  normalise: (a, from) => ({
    name: a.name,
    trigger: a.source,
    ...opt(
      'cron',
      a.cron === undefined
        ? undefined
        : { expression: a.cron.expression, ...opt('timezone', a.cron.timezone) },
    ),
    url: a.url,
    ...opt('revision', a.revision),
    ...opt('computeEnvironment', a.computeEnvironment),
    ...opt('workDir', a.workDir),
    ...opt('profiles', a.profiles),
    ...opt('params', a.params),
    ...opt('launch', a.launch as Readonly<Record<string, unknown>> | undefined),
    ...opt('labels', a.labels),
    source: from.source,
  }),
  suits: { labels: (_action, target, entry) => suitsLabelRef(target, entry) },
  checks: [
    (list) => {
      if ((list.file.visibility ?? 'private') !== 'private') return;
      list.items.forEach((action, i) => {
        for (const field of ['computeEnvironment', 'workDir'] as const) {
          if (action[field] === undefined) {
            list.report(
              list.pointer(i),
              `pipeline action '${action.name}' needs ${field}: the workspace is private (the platform refuses a private launch without it)`,
            );
          }
        }
      });
    },
  ],
});

/** The kind whose exported objects an action's `computeEnvironment` may name. */
const COMPUTE_ENVIRONMENTS = 'compute-environments';

const TRIGGERS = new Set(['github', 'tower', 'cron']);

function mapAction(
  ctx: MapContext,
  ws: ActualWorkspace,
  action: ActualAction,
  computeEnvs: readonly ExportedObject[],
): MutableRecord | undefined {
  const actionAddress = address.action(ctx.org, ws.name, action.name);
  if (!TRIGGERS.has(action.trigger)) {
    leaveOut(ctx, 'actions', action.name, actionAddress, `its source ${action.trigger} is not managed`);
    return undefined;
  }
  const fields = launchItemFields(ctx, ws, action.launch, computeEnvs, actionAddress, 'pipeline action');
  if (typeof fields['problem'] === 'string') {
    leaveOut(ctx, 'actions', action.name, actionAddress, fields['problem']);
    return undefined;
  }
  const cron = action.trigger === 'cron' ? action.cron : undefined;
  const labels = sortedRefs(action.labels.map(labelRefOf));
  const candidate: MutableRecord = {
    name: action.name,
    source: action.trigger,
    ...(cron?.expression === undefined
      ? {}
      : {
          cron: {
            expression: cron.expression,
            ...(cron.timezone === undefined ? {} : { timezone: cron.timezone }),
          },
        }),
    ...fields,
    ...(labels.length === 0 ? {} : { labels }),
  };
  const checked = checkItem(ctx.schema, 'workspace', 'actions', candidate, dropInside(['launch']));
  if (checked.item === undefined) {
    leaveOut(ctx, 'actions', action.name, actionAddress, checked.problem ?? 'invalid');
    return undefined;
  }
  noteDropped(ctx, actionAddress, checked.dropped);
  const item = checked.item;
  if (isPlainObject(item['launch']) && Object.keys(item['launch']).length === 0) {
    Reflect.deleteProperty(item, 'launch');
  }
  return item;
}

function mapActions(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const computeEnvs = ctx.exported(COMPUTE_ENVIRONMENTS) ?? [];
  const items: MutableRecord[] = [];
  for (const action of [...(ws.actions ?? [])].sort(nameOrder)) {
    const item = mapAction(ctx, ws, action, computeEnvs);
    if (item !== undefined) items.push(item);
  }
  return { items };
}

export const actionsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'actions',
  uses: [COMPUTE_ENVIRONMENTS],
  map: mapActions,
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
      actions: {
        type: 'array',
        items: {
          $ref: '#/$defs/action',
        },
        description:
          'Pipeline actions: a pipeline launched on a push to its GitHub repository (`github`), through its endpoint (`tower`) or on a schedule (`cron`). Identified by name.',
      },
    },
    $defs: {
      action: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'source', 'url'],
        properties: {
          name: {
            type: 'string',
            description: 'Action name, unique in the workspace.',
            minLength: 2,
            maxLength: 99,
          },
          source: {
            enum: ['github', 'tower', 'cron'],
            description:
              "What launches the pipeline: a push to its GitHub repository (`github`), a call of the action's endpoint (`tower`), or a schedule (`cron`). Cannot change in place: a change replaces the action.",
          },
          cron: {
            type: 'object',
            additionalProperties: false,
            required: ['expression'],
            description: 'The schedule (`cron` actions only).',
            properties: {
              expression: {
                type: 'string',
                description:
                  'A cron expression of five fields: minute, hour, day of month, month, day of week (e.g. `0 2 * * *`).',
                pattern: '^\\S+( \\S+){4}$',
                patternErrorMessage:
                  "must be five fields separated by single spaces (minute hour day-of-month month day-of-week), e.g. '0 2 * * *'",
              },
              timezone: {
                type: 'string',
                description: 'An IANA time zone for the schedule, e.g. `Australia/Sydney`.',
                minLength: 1,
              },
            },
          },
          url: {
            $ref: '#/$defs/pipeline/properties/url',
            description: 'Repository URL of the pipeline the action launches (as a pipeline entry).',
          },
          revision: {
            $ref: '#/$defs/pipeline/properties/revision',
            description: 'Branch, tag or commit to launch.',
          },
          computeEnvironment: {
            $ref: '#/$defs/pipeline/properties/computeEnvironment',
            description: 'Name of a compute environment of this workspace (required in a private workspace).',
          },
          workDir: {
            $ref: '#/$defs/pipeline/properties/workDir',
            description:
              "Work directory (required in a private workspace: the platform does not copy the compute environment's).",
          },
          profiles: {
            $ref: '#/$defs/pipeline/properties/profiles',
            description: 'Nextflow config profiles.',
          },
          params: {
            $ref: '#/$defs/pipeline/properties/params',
            description:
              'Pipeline parameters (a free mapping; sent as `paramsText`, compared after parsing).',
          },
          launch: {
            $ref: '#/$defs/pipeline/properties/launch',
            description: 'Other launch settings (WorkflowLaunchRequest fields), as for a pipeline entry.',
          },
          labels: {
            $ref: '#/$defs/pipeline/properties/labels',
            description:
              'Labels as `name` (simple) or `name=value` (resource), as for a pipeline; updated in place (the whole set). Absent: its labels are not managed (an update keeps them).',
          },
        },
        if: {
          required: ['source'],
          properties: {
            source: {
              const: 'cron',
            },
          },
        },
        then: {
          required: ['cron'],
        },
        else: {
          not: {
            required: ['cron'],
          },
        },
      },
    },
  },
  collections: {
    actions: collectionSchema(
      'Delete pipeline actions that exist on the platform but are not declared.',
      'Acknowledged extra pipeline actions (by name): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      pipelineAction: 'pipelineActionAction',
    },
    $defs: {
      pipelineActionAction: planActionSchema('pipelineAction', ['create', 'update', 'replace', 'delete']),
      pipelineActionDesired: {
        type: 'object',
        required: ['name', 'trigger', 'url'],
        properties: {
          name: {
            type: 'string',
          },
          trigger: {
            enum: ['github', 'tower', 'cron'],
            description: 'The `source` declared in the file.',
          },
          url: {
            type: 'string',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      pipelineActionCurrent: {
        type: 'object',
        required: ['id', 'name', 'trigger', 'labels', 'launch'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          trigger: {
            type: 'string',
          },
          hookUrl: {
            type: 'string',
          },
          labels: {
            type: 'array',
          },
          launch: {
            type: 'object',
          },
        },
      },
    },
  },
};
