/**
 * The live Studios settings → a workspace file's `studios:` object, every
 * field the platform reports (a repository it leaves unset is left out, so
 * it is not managed). Settings the schema refuses are left out with a
 * warning, and the key with them (the settings are then not managed).
 */
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import type { MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';
import { STUDIOS_FIELDS } from './fields.js';

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
