/**
 * Live pipeline secrets → `secrets:` entries of a workspace file, by name:
 * `{ name, value: ${VAR} }`, each value a reference to a variable with a
 * predictable name. A secret's value is never read.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { checkItem, noFix, REFERENCE_PLACEHOLDER, type MutableRecord } from '../kit/item-check.js';
import { byName, leaveOut } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';

function mapSecrets(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  for (const secret of [...(ws.secrets ?? [])].sort(byName)) {
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
