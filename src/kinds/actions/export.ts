/**
 * Live pipeline actions → `actions:` entries: `name`, `source`, `cron` for a
 * scheduled one, the launch fields as a pipeline entry writes them, and the
 * attached labels by name. An action the file cannot declare (a `bucket`
 * action, a launch without a repository URL, or a private workspace's
 * action without a compute environment or a work dir) is left out and
 * listed under `ignore.actions`.
 */
import { labelRefOf, sortedRefs } from '../labels/reference.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualAction } from './model.js';
import { address } from '../../model/address.js';
import { byName, leaveOut, noteDropped, type MapContext } from '../kit/export-context.js';
import { checkItem, dropInside, type MutableRecord } from '../kit/item-check.js';
import { isPlainObject } from '../kit/prune.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { launchItemFields } from '../pipelines/export.js';

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
  for (const action of [...(ws.actions ?? [])].sort(byName)) {
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
