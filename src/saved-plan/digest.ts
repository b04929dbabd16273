/**
 * Digests recorded in saved plans: `sha256:<hex>` of the canonical JSON
 * (sorted keys) of a value (a live object, the desired state, the document
 * itself). `desiredDigest` leaves out every `source`
 * (file, line, column, pointer of a declaration) and the other fields a
 * kind's load facet marks as where an item was read from (`whereFrom`: an
 * absolute file path), so moving the folder, reformatting or
 * reordering comments in the YAML does not change it (the lists whose items
 * carry one are the kinds' collections, from the registry); any change of a
 * declared value, policy, ignore list or maintainer does.
 */
import { createHash, createHmac } from 'node:crypto';
import type { SourceRef } from '../model/diagnostics.js';
import type { DesiredState } from '../model/desired.js';
import { CONFIG_COLLECTIONS, CONFIG_WHERE_FROM } from '../kinds/collections.js';
import type { ConfigFile } from '../kinds/kind-load.js';
import { canonicalJson } from '../render/canonical-json.js';

/** `sha256:<64 hex>` of `canonicalJson(value)`. */
export function liveObjectDigest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

function withoutSource<T extends { readonly source: SourceRef }>(item: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = item;
  return rest;
}

/** An item without its position and the other fields that say where it was read from. */
function withoutWhereFrom(
  item: { readonly source: SourceRef },
  whereFrom: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(withoutSource(item)).filter(([field]) => !whereFrom.includes(field)),
  );
}

/**
 * A declaration of `file` without its position, and the items of its lists
 * without theirs (a key that holds one object, not a list: that object
 * without its).
 */
function withoutSources(item: { readonly source: SourceRef }, file: ConfigFile): Record<string, unknown> {
  const result: Record<string, unknown> = { ...withoutSource(item) };
  for (const key of CONFIG_COLLECTIONS[file]) {
    const list = (item as Readonly<Record<string, unknown>>)[key];
    const whereFrom = CONFIG_WHERE_FROM[file].get(key) ?? [];
    result[key] = Array.isArray(list)
      ? list.map((entry: { readonly source: SourceRef }) => withoutWhereFrom(entry, whereFrom))
      : typeof list === 'object' && list !== null
        ? withoutWhereFrom(list as { readonly source: SourceRef }, whereFrom)
        : undefined;
  }
  return result;
}

/** The desired state without declaration positions (see the module comment). */
function semanticDesired(desired: DesiredState): unknown {
  return desired.orgs.map((org) => ({
    ...withoutSources(org, 'organization'),
    workspaces: org.workspaces.map((ws) => withoutSources(ws, 'workspace')),
  }));
}

/** Digest of the desired state a plan was computed from; secrets are `SecretRef`s, never values. */
export function desiredDigest(desired: DesiredState): string {
  return liveObjectDigest(semanticDesired(desired));
}

/**
 * The digest a plan document carries of its own content: every field but
 * `planDigest` itself, in canonical JSON, so any edit of the file (an action
 * added, an override flag set, a blocked rule removed) changes it. With a
 * `key` (the CLI passes the API token) it is an HMAC, `hmac-sha256:<hex>`:
 * someone who can edit the file but does not hold the token cannot make an
 * edited file match again. Without one it is `sha256:<hex>`.
 */
export function planDocumentDigest(document: Readonly<Record<string, unknown>>, key?: string): string {
  const { planDigest: _planDigest, ...content } = document;
  if (key === undefined) return liveObjectDigest(content);
  return `hmac-sha256:${createHmac('sha256', key).update(canonicalJson(content)).digest('hex')}`;
}
