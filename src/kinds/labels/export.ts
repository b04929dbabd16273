/**
 * Live workspace labels → `labels:` entries of a workspace file, by name:
 * `{ name }` for a simple label, `{ name, value, resource: true }` (and
 * `default: true` when it is a default) for a resource label. A label the
 * file cannot declare (a dynamic value such as `${workflowId}`, a name the
 * schema refuses) is left out and listed under `ignore.labels`, so the next
 * plan neither recreates nor reports it. The labels written (by id) are
 * what compute environments and pipelines may name.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { byName, leaveOut } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';

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
  for (const label of [...(ws.labels ?? [])].sort(byName)) {
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
