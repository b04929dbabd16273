/**
 * Digests recorded in saved plans: `sha256:<hex>` of the canonical JSON
 * (sorted keys) of a value (a live object, the desired state, the document
 * itself). `desiredDigest` leaves out every `source`
 * (file, line, column, pointer of a declaration), so reformatting or
 * reordering comments in the YAML does not change it (the lists whose items
 * carry one are the kinds' collections, from the registry); any change of a
 * declared value, policy, ignore list or maintainer does.
 */
import { createHash, createHmac } from 'node:crypto';
import type { SourceRef } from '../model/diagnostics.js';
import type { DesiredState } from '../model/desired.js';
import { CONFIG_COLLECTIONS } from '../kinds/collections.js';
import { canonicalJson } from '../render/canonical-json.js';

/** `sha256:<64 hex>` of `canonicalJson(value)`. */
export function liveObjectDigest(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

function withoutSource<T extends { readonly source: SourceRef }>(item: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = item;
  return rest;
}

/** A declaration without its position, and the items of its `lists` without theirs. */
function withoutSources(
  item: { readonly source: SourceRef },
  lists: readonly string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...withoutSource(item) };
  for (const key of lists) {
    const list = (item as Readonly<Record<string, unknown>>)[key];
    result[key] = Array.isArray(list)
      ? list.map((entry: { readonly source: SourceRef }) => withoutSource(entry))
      : undefined;
  }
  return result;
}

/** The desired state without declaration positions (see the module comment). */
function semanticDesired(desired: DesiredState): unknown {
  return desired.orgs.map((org) => ({
    ...withoutSources(org, CONFIG_COLLECTIONS.organization),
    workspaces: org.workspaces.map((ws) => withoutSources(ws, CONFIG_COLLECTIONS.workspace)),
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
