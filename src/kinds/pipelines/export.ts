/**
 * Live pipelines → `pipelines:` entries, from the default version's launch:
 * `url` (launch `pipeline`), `revision`, `computeEnvironment` (by name, when
 * the CE is exported), `workDir`, `profiles` (`configProfiles`), `params`
 * (`paramsText` parsed as the planner parses it: JSON or YAML, into a
 * mapping) and `launch` with every other non-empty launch field the schema
 * knows, and `labels` (the exported labels it carries). A private workspace's pipeline needs a compute environment and a
 * work dir (the platform refuses it otherwise): one without them is left out (under `ignore`).
 */
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualPipeline } from './model.js';
import { address } from '../../model/address.js';
import { parseParams } from './plan.js';
import { anyOf, checkItem, dropInside, dropTopLevel, type MutableRecord } from '../kit/item-check.js';
import { byName, leaveOut, noteDropped, nonEmptyText, type MapContext } from '../kit/export-context.js';
import { isPlainObject, pruneToSchema } from '../kit/prune.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { exportedLabelRefs, LABELS } from '../labels/export-refs.js';

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
  for (const pipeline of [...(ws.pipelines ?? [])].sort(byName)) {
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
