/**
 * The kinds' collections in the configuration files, read through their
 * load facets (`src/kinds/kind-load.ts`): which lists each file holds and how
 * their items become desired objects. Names no kind: a kind with no load
 * facet has no list in the files.
 */
import { SyncError } from '../errors.js';
import type { Kind } from '../kinds/kind.js';
import type { CollectionKey, ConfigFile, DesiredFile, ItemSource, KindLoad } from '../kinds/kind-load.js';
import type { SourceRef } from '../model/diagnostics.js';
import { isSecretRef, type SecretRef } from '../model/resources.js';
import type { LoadedFile } from './load-file.js';

/** The load facets of `kinds`, in registry order. */
export function loadsOf(kinds: readonly Kind[], file?: ConfigFile): readonly KindLoad[] {
  return kinds.flatMap((kind) =>
    kind.load === undefined || (file !== undefined && kind.load.file !== file) ? [] : [kind.load],
  );
}

/** The list under `key` of a validated file; undefined when the file leaves it out (unmanaged). */
export function itemsOf(written: unknown, key: string): readonly unknown[] | undefined {
  if (typeof written !== 'object' || written === null) return undefined;
  const items = (written as Readonly<Record<string, unknown>>)[key];
  return Array.isArray(items) ? (items as readonly unknown[]) : undefined;
}

/** The object under `key` of a validated file; undefined when the file leaves it out (unmanaged). */
export function objectOf(written: unknown, key: string): object | undefined {
  const value = fieldOf(written, key);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

/** An item's `field`, when the item is an object. */
export function fieldOf(item: unknown, field: string): unknown {
  return typeof item === 'object' && item !== null
    ? (item as Readonly<Record<string, unknown>>)[field]
    : undefined;
}

export function sourceOf(file: LoadedFile<unknown>, pointer: string): SourceRef {
  const { line, column } = file.locate(pointer);
  return { file: file.ref.display, line, column, pointer };
}

/**
 * A secret field as the reference check left it: a `SecretRef`. Anything else
 * is an internal error (validation lets only single references through).
 */
function secretRef(file: LoadedFile<unknown>, value: unknown, pointer: string): SecretRef {
  if (isSecretRef(value)) return value;
  const { line } = sourceOf(file, pointer);
  throw new SyncError(
    `${file.ref.display}:${String(line)}: internal: secret field is not a \${VAR} reference after validation`,
  );
}

/** Variable name → position of its first `${NAME}` at or under `prefix`. */
function variableSources(
  file: LoadedFile<unknown>,
  prefix: string,
): Readonly<Record<string, SourceRef>> | undefined {
  const sources: Record<string, SourceRef> = {};
  for (const use of file.references) {
    if (
      (use.pointer === prefix || use.pointer.startsWith(`${prefix}/`)) &&
      !Object.hasOwn(sources, use.name)
    ) {
      sources[use.name] = sourceOf(file, use.pointer);
    }
  }
  return Object.keys(sources).length === 0 ? undefined : sources;
}

function itemSource(file: LoadedFile<unknown>, pointer: string): ItemSource {
  return {
    pointer,
    source: sourceOf(file, pointer),
    filePath: file.ref.absolutePath,
    at: (other) => sourceOf(file, other),
    secretRef: (value, at) => secretRef(file, value, at),
    variableSources: (prefix) => variableSources(file, prefix),
  };
}

/**
 * The desired lists (and single objects) of a file that passed every check,
 * in the order of `loads`: each declared one normalised by its kind; one the
 * file leaves out stays absent (unmanaged).
 */
export function normaliseCollections<F extends ConfigFile>(
  file: LoadedFile<unknown>,
  loads: readonly KindLoad[],
): Partial<Pick<DesiredFile<F>, CollectionKey<F>>> {
  const lists: Record<string, unknown> = {};
  for (const load of loads) {
    if (load.single === true) {
      const object = objectOf(file.written, load.key);
      if (object !== undefined) lists[load.key] = load.normalise(object, itemSource(file, `/${load.key}`));
      continue;
    }
    const items = itemsOf(file.written, load.key);
    if (items === undefined) continue;
    lists[load.key] = items.map((item, index) =>
      load.normalise(item, itemSource(file, `/${load.key}/${String(index)}`)),
    );
  }
  return lists as Partial<Pick<DesiredFile<F>, CollectionKey<F>>>;
}
