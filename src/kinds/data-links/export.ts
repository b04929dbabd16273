/**
 * Live custom data links → `dataLinks:` entries of a workspace file, by
 * name (discovered links were never read). `credentials` names the link's
 * credential when that credential is exported from the workspace (else it
 * is left out, with a warning, and not compared); `publicAccessible` is
 * written only when true. A link the file cannot declare (a provider other
 * than aws, google or azure, a name the schema refuses) is left out and
 * listed under `ignore.dataLinks`.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualDataLink } from './model.js';
import { address } from '../../model/address.js';
import { byName, leaveOut, nonEmptyText } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';

/** The kind whose exported objects a link's `credentials` may name. */
const CREDENTIALS = 'credentials';

function credentialsOf(
  ctx: ExportContext,
  link: ActualDataLink,
  credentials: readonly ExportedObject[],
  linkAddress: string,
): string | undefined {
  if (link.credentialsId === undefined) return undefined;
  const credential = credentials.find((c) => c.id === link.credentialsId);
  if (credential !== undefined) return credential.name;
  ctx.sink.warnings.push(
    `${linkAddress}: credentials not declared (its credential ${link.credentialsName ?? link.credentialsId} is not exported from this workspace)`,
  );
  return undefined;
}

function mapDataLinks(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  const credentials = ctx.exported(CREDENTIALS) ?? [];
  for (const link of [...(ws.dataLinks?.links ?? [])].sort(byName)) {
    const linkAddress = address.dataLink(ctx.org, ws.name, link.name);
    const credentialsName = credentialsOf(ctx, link, credentials, linkAddress);
    const description = nonEmptyText(link.description);
    const candidate: MutableRecord = {
      name: link.name,
      provider: link.provider,
      resourceRef: link.resourceRef,
      ...(credentialsName === undefined ? {} : { credentials: credentialsName }),
      ...(description === undefined ? {} : { description }),
      ...(link.publicAccessible ? { publicAccessible: true } : {}),
    };
    const checked = checkItem(ctx.schema, 'workspace', 'dataLinks', candidate, noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'dataLinks', link.name, linkAddress, checked.problem ?? 'invalid');
      continue;
    }
    items.push(checked.item);
  }
  return { items };
}

export const dataLinksExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'dataLinks',
  uses: [CREDENTIALS],
  map: mapDataLinks,
};
