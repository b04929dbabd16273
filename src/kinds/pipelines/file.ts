/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: pipelines in a workspace file: unique by name, taken as written (launch
 * fields passed through); in a private workspace each names a compute
 * environment and a work dir.
 *
 * Export: live pipelines → `pipelines:` entries, from the default version's launch:
 * `url` (launch `pipeline`), `revision`, `computeEnvironment` (by name, when
 * the CE is exported), `workDir`, `profiles` (`configProfiles`), `params`
 * (`paramsText` parsed as the planner parses it: JSON or YAML, into a
 * mapping) and `launch` with every other non-empty launch field the schema
 * knows, and `labels` (the exported labels it carries). A private workspace's pipeline needs a compute environment and a
 * work dir (the platform refuses it otherwise): one without them is left out (under `ignore`).
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { labelRefList, suitsLabelRef } from '../labels/reference.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualPipeline } from './model.js';
import { address } from '../../model/address.js';
import { parseParams } from './plan.js';
import { anyOf, checkItem, dropInside, dropTopLevel, type MutableRecord } from '../kit/item-check.js';
import { leaveOut, noteDropped, nonEmptyText, type MapContext, nameOrder } from '../kit/export-context.js';
import { isPlainObject, pruneToSchema } from '../kit/prune.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { exportedLabelRefs, LABELS } from '../labels/export-refs.js';
import { byName } from '../kit/load-identity.js';

export const pipelinesLoad = collectionLoad({
  file: 'workspace',
  key: 'pipelines',
  resource: 'pipeline',
  what: 'pipeline',
  identity: byName,
  nested: (p) => [labelRefList(`label of pipeline ${p.name}`, p.labels)],
  normalise: (p, from) => ({
    name: p.name,
    ...opt('description', p.description),
    url: p.url,
    ...opt('revision', p.revision),
    ...opt('computeEnvironment', p.computeEnvironment),
    ...opt('workDir', p.workDir),
    ...opt('profiles', p.profiles),
    ...opt('params', p.params),
    ...opt('launch', p.launch as Readonly<Record<string, unknown>> | undefined),
    ...opt('labels', p.labels),
    source: from.source,
  }),
  checks: [
    // In a private workspace the platform refuses a pipeline without them (and does not copy the CE's).
    (list) => {
      if ((list.file.visibility ?? 'private') !== 'private') return;
      list.items.forEach((pipeline, i) => {
        for (const field of ['computeEnvironment', 'workDir'] as const) {
          if (pipeline[field] === undefined) {
            list.report(
              list.pointer(i),
              `pipeline '${pipeline.name}' needs ${field}: the workspace is private (the platform refuses a private pipeline without it)`,
            );
          }
        }
      });
    },
  ],
  suits: { labels: (_p, target, entry) => suitsLabelRef(target, entry) },
});

/** The kind whose exported objects a pipeline's `computeEnvironment` may name. */
const COMPUTE_ENVIRONMENTS = 'compute-environments';

/** Launch fields with a key of their own (or resolved by the reader), never under `launch`. */
const OWN_FIELDS = new Set([
  'pipeline',
  'revision',
  'workDir',
  'configProfiles',
  'paramsText',
  'computeEnvId',
  'computeEnvName',
]);

function mapPipelines(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const computeEnvs = ctx.exported(COMPUTE_ENVIRONMENTS) ?? [];
  const labels = ctx.exported(LABELS) ?? [];
  const items: MutableRecord[] = [];
  for (const pipeline of [...(ws.pipelines ?? [])].sort(nameOrder)) {
    const item = mapPipeline(ctx, ws, pipeline, computeEnvs, labels);
    if (item !== undefined) items.push(item);
  }
  return { items };
}

export const pipelinesExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'pipelines',
  uses: [COMPUTE_ENVIRONMENTS, LABELS],
  map: mapPipelines,
};

/**
 * The launch fields of an exported pipeline entry (or pipeline action) from a
 * live launch: `url`, `revision`, `computeEnvironment` (by name, when the CE is
 * exported), `workDir`, `profiles`, `params` and `launch` with every other
 * launch field the schema knows; or why the item (`what`, in the message)
 * cannot be written.
 */
export function launchItemFields(
  ctx: MapContext,
  ws: ActualWorkspace,
  launch: Readonly<Record<string, unknown>>,
  computeEnvs: readonly ExportedObject[],
  itemAddress: string,
  what: string,
): MutableRecord | { readonly problem: string } {
  const url = nonEmptyText(launch['pipeline']);
  if (url === undefined) return { problem: 'its launch has no repository URL' };
  const computeEnvironment = computeEnvOf(ctx, launch, computeEnvs, itemAddress);
  const workDir = nonEmptyText(launch['workDir']);
  if (ws.visibility === 'private' && (computeEnvironment === undefined || workDir === undefined)) {
    return {
      problem: `a ${what} of a private workspace needs a compute environment of the workspace and a work dir`,
    };
  }
  const revision = nonEmptyText(launch['revision']);
  const profiles = profilesOf(launch['configProfiles']);
  const params = paramsOf(ctx, launch['paramsText'], itemAddress);
  const extra = pruneToSchema(
    Object.fromEntries(Object.entries(launch).filter(([key]) => !OWN_FIELDS.has(key))),
    ctx.schema.definition('launch'),
    ctx.schema,
  );
  return {
    url,
    ...(revision === undefined ? {} : { revision }),
    ...(computeEnvironment === undefined ? {} : { computeEnvironment }),
    ...(workDir === undefined ? {} : { workDir }),
    ...(profiles === undefined ? {} : { profiles }),
    ...(params === undefined ? {} : { params }),
    ...(isPlainObject(extra) ? { launch: { ...extra } } : {}),
  };
}

function mapPipeline(
  ctx: MapContext,
  ws: ActualWorkspace,
  pipeline: ActualPipeline,
  computeEnvs: readonly ExportedObject[],
  labels: readonly ExportedObject[],
): MutableRecord | undefined {
  const pipelineAddress = address.pipeline(ctx.org, ws.name, pipeline.name);
  const fields = launchItemFields(ctx, ws, pipeline.launch, computeEnvs, pipelineAddress, 'pipeline');
  if (typeof fields['problem'] === 'string') {
    leaveOut(ctx, 'pipelines', pipeline.name, pipelineAddress, fields['problem']);
    return undefined;
  }
  const description = nonEmptyText(pipeline.description);
  const candidate: MutableRecord = {
    name: pipeline.name,
    ...(description === undefined ? {} : { description }),
    ...fields,
  };
  const labelRefs = exportedLabelRefs(ctx, ws, pipeline.labelIds, labels, pipelineAddress);
  if (labelRefs !== undefined) candidate['labels'] = labelRefs;
  const checked = checkItem(
    ctx.schema,
    'workspace',
    'pipelines',
    candidate,
    anyOf(dropInside(['launch']), dropTopLevel(['description', 'labels'])),
  );
  if (checked.item === undefined) {
    leaveOut(ctx, 'pipelines', pipeline.name, pipelineAddress, checked.problem ?? 'invalid');
    return undefined;
  }
  noteDropped(ctx, pipelineAddress, checked.dropped);
  const item = checked.item;
  if (isPlainObject(item['launch']) && Object.keys(item['launch']).length === 0) {
    Reflect.deleteProperty(item, 'launch');
  }
  return item;
}

/** The launch's CE by name when it is an exported CE of this workspace; else undefined (not compared). */
function computeEnvOf(
  ctx: MapContext,
  launch: Readonly<Record<string, unknown>>,
  computeEnvs: readonly ExportedObject[],
  pipelineAddress: string,
): string | undefined {
  const id = nonEmptyText(launch['computeEnvId']);
  const name = nonEmptyText(launch['computeEnvName']);
  if (id === undefined && name === undefined) return undefined;
  const match =
    id === undefined ? computeEnvs.find((ce) => ce.name === name) : computeEnvs.find((ce) => ce.id === id);
  if (match !== undefined) return match.name;
  ctx.sink.warnings.push(
    `${pipelineAddress}: computeEnvironment not declared (its compute environment ${name ?? id ?? ''} is not exported from this workspace)`,
  );
  return undefined;
}

/** Profiles without repeats (the planner compares them as a set), in first-seen order. */
function profilesOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((p): p is string => typeof p === 'string')) return undefined;
  const profiles = [...new Set(value)];
  return profiles.length === 0 ? undefined : profiles;
}

/** `paramsText` as a mapping; undefined (not compared) when empty, and a warning when it is not a mapping. */
function paramsOf(
  ctx: MapContext,
  paramsText: unknown,
  pipelineAddress: string,
): Readonly<Record<string, unknown>> | undefined {
  const parsed = parseParams(paramsText);
  if (parsed === undefined || parsed === null) return undefined;
  if (!isPlainObject(parsed)) {
    ctx.sink.warnings.push(
      `${pipelineAddress}: params not declared (the pipeline's parameters are not a mapping of names to values)`,
    );
    return undefined;
  }
  return Object.keys(parsed).length === 0 ? undefined : parsed;
}

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  workspace: {
    properties: {
      pipelines: {
        type: 'array',
        items: {
          $ref: '#/$defs/pipeline',
        },
        description: 'Launchpad pipelines of the workspace.',
      },
    },
    $defs: {
      launch: {
        type: 'object',
        additionalProperties: false,
        properties: {
          configText: {
            type: 'string',
            description:
              'Nextflow configuration text of the pipeline. Never interpolated: `${...}` reaches the platform as written.',
            'x-verbatim': true,
          },
          preRunScript: {
            type: 'string',
            description:
              'Bash script run before Nextflow starts. Never interpolated: `${...}` reaches the platform as written.',
            'x-verbatim': true,
          },
          postRunScript: {
            type: 'string',
            description:
              'Bash script run after the run completes. Never interpolated: `${...}` reaches the platform as written.',
            'x-verbatim': true,
          },
          towerConfig: {
            type: 'string',
            description:
              'Platform-level configuration text. Never interpolated: `${...}` reaches the platform as written.',
            'x-verbatim': true,
          },
          entryName: {
            type: 'string',
            description: 'Workflow entry name (`-entry`).',
          },
          mainScript: {
            type: 'string',
            description: 'Main script file name, if not `main.nf`.',
          },
          schemaName: {
            type: 'string',
            description: 'Pipeline schema file name, if not `nextflow_schema.json`.',
          },
          outputDir: {
            type: 'string',
            description: 'Output directory shown on the run page.',
          },
          launchContainer: {
            type: 'string',
            description: 'Container image of the Nextflow head job.',
          },
          nextflowVersion: {
            type: 'string',
            description: 'Nextflow version to run.',
          },
          headJobCpus: {
            type: 'integer',
            description: 'CPUs of the Nextflow head job.',
            minimum: 1,
          },
          headJobMemoryMb: {
            type: 'integer',
            description: 'Memory (MB) of the Nextflow head job.',
            minimum: 1,
          },
          pullLatest: {
            type: 'boolean',
            description: 'Pull the latest revision before each run.',
          },
          stubRun: {
            type: 'boolean',
            description: 'Run in stub mode (`-stub-run`).',
          },
          syntaxParser: {
            type: 'string',
            enum: ['v1', 'v2'],
            description: 'Nextflow syntax parser: v1 or v2.',
          },
          userSecrets: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'User secrets made available to runs.',
            uniqueItems: true,
          },
          workspaceSecrets: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Workspace (pipeline) secrets made available to runs.',
            uniqueItems: true,
          },
        },
      },
      pipeline: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'url'],
        properties: {
          name: {
            type: 'string',
            description: 'Pipeline name on the Launchpad, unique in the workspace.',
            minLength: 2,
            maxLength: 99,
          },
          description: {
            type: 'string',
            description: 'Free text shown on the Launchpad.',
            maxLength: 1000,
          },
          url: {
            type: 'string',
            description: 'Repository URL of the pipeline, e.g. `https://github.com/nf-core/rnaseq`.',
            minLength: 1,
          },
          revision: {
            type: 'string',
            description: 'Branch, tag or commit to launch.',
          },
          computeEnvironment: {
            type: 'string',
            description: 'Name of a compute environment of this workspace (required in a private workspace).',
            minLength: 1,
          },
          workDir: {
            type: 'string',
            description:
              "Work directory (required in a private workspace: the platform does not copy the compute environment's).",
          },
          profiles: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Nextflow config profiles.',
            uniqueItems: true,
          },
          params: {
            type: 'object',
            description:
              'Pipeline parameters (a free mapping; sent as `paramsText`, compared after parsing).',
          },
          launch: {
            $ref: '#/$defs/launch',
            description: 'Other launch settings of the pipeline (WorkflowLaunchRequest fields).',
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
              pattern:
                '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}(?:=[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38})?$',
              patternErrorMessage:
                "must be a label as name (simple) or name=value (resource), each part 2 to 39 letters or digits, optionally joined by single '-' or '_'",
            },
            uniqueItems: true,
            maxItems: 25,
            description:
              'Labels as `name` (simple) or `name=value` (resource), updated in place (the whole set). Absent: its labels are not managed (an update keeps them).',
          },
        },
      },
    },
  },
  collections: {
    pipelines: collectionSchema(
      'Delete pipelines that exist on the platform but are not declared.',
      'Acknowledged extra pipelines (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      pipeline: 'pipelineAction',
    },
    $defs: {
      pipelineAction: planActionSchema('pipeline', ['create', 'update', 'delete']),
      pipelineDesired: {
        type: 'object',
        required: ['name', 'url'],
        properties: {
          name: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Labels as `name` or `name=value`; absent when the file does not manage them.',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      pipelineCurrent: {
        type: 'object',
        required: ['pipelineId', 'name'],
        properties: {
          pipelineId: {
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
