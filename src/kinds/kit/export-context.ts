/**
 * Shared state of one file's mapping: where warnings and variables go, and
 * the `ignore` lists that acknowledge live items the file cannot declare (so
 * that a plan does not report them as drift).
 */
import type { CollectionKind } from '../../model/resources.js';
import type { ExportSchema } from './export-schema.js';
import type { ExportSink } from './export-model.js';
import type { VariableNames } from './variable-names.js';

export interface MapContext {
  readonly org: string;
  readonly schema: ExportSchema;
  readonly names: VariableNames;
  readonly sink: ExportSink;
  /** The file the items go to, for messages (`biocommons/ausgen.yaml`). */
  readonly file: string;
  /** Keys acknowledged under `ignore`, per kind, in the order they were left out. */
  readonly ignore: Partial<Record<CollectionKind, string[]>>;
}

/** Leaves a live item out of the file: lists it under `ignore.<kind>` and says why. */
export function leaveOut(
  ctx: MapContext,
  kind: CollectionKind,
  key: string,
  address: string,
  reason: string,
): void {
  const list = (ctx.ignore[kind] ??= []);
  if (!list.includes(key)) list.push(key);
  ctx.sink.warnings.push(`${address}: not exported (${reason}); listed under ignore.${kind} in ${ctx.file}`);
}

/** Records what a fixer dropped from an item. */
export function noteDropped(ctx: MapContext, address: string, dropped: readonly string[]): void {
  for (const what of dropped) ctx.sink.warnings.push(`${address}: ${what} not exported`);
}

/**
 * The `ignore` value of a file: the kinds that have entries (in `order`, the
 * registry's `COLLECTION_KINDS`, which the kit cannot import), entries sorted.
 */
export function ignoreOf(
  ignore: MapContext['ignore'],
  order: readonly CollectionKind[],
): Partial<Record<CollectionKind, readonly string[]>> | undefined {
  const out: Partial<Record<CollectionKind, readonly string[]>> = {};
  for (const kind of order) {
    const keys = ignore[kind];
    if (keys !== undefined && keys.length > 0) out[kind] = [...keys].sort();
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

export const nameOrder = <T extends { readonly name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** A non-empty string, else undefined (unlike the decoders' `text`, which keeps an empty one). */
export function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
