/**
 * The labels a live compute environment or pipeline carries, as its file
 * writes them (`name` or `name=value`, sorted), for the exports of those
 * kinds. A file may name only labels it declares, so when one of them is not
 * written under the workspace's `labels:` (a dynamic value, a label removed
 * since), the item gets no `labels` key (they are then not managed) and the
 * export says so.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import type { ExportedObject } from '../kind-export.js';
import type { MapContext } from '../kit/export-context.js';
import { labelRefOf, sortedRefs } from './reference.js';

/** The kind id whose exported objects (labels, by id) a reference may name. */
export const LABELS = 'labels';

export function exportedLabelRefs(
  ctx: MapContext,
  ws: ActualWorkspace,
  labelIds: readonly number[],
  exportedLabels: readonly ExportedObject[],
  itemAddress: string,
): string[] | undefined {
  if (labelIds.length === 0) return undefined;
  const written = new Set(exportedLabels.map((label) => label.id));
  const refs: string[] = [];
  for (const id of labelIds) {
    const label = ws.labels?.find((candidate) => candidate.id === id);
    if (label === undefined || !written.has(String(id))) {
      ctx.sink.warnings.push(
        `${itemAddress}: labels not declared (its label ${label?.name ?? `#${String(id)}`} is not exported from this workspace)`,
      );
      return undefined;
    }
    refs.push(labelRefOf(label));
  }
  return sortedRefs(refs);
}
