/**
 * Schema checks of candidate items before they are written, so that the
 * exported files always validate even when the platform holds values the
 * schema does not accept (a newer role, an out-of-range number, an odd name).
 * An item is checked on its own inside a minimal file; a fixer may drop the
 * offending part (e.g. one config key: a key the file does not declare is
 * not compared, so dropping it keeps the plan empty) and the check repeats.
 * An item that cannot be fixed is not exported (the caller lists it under
 * `ignore`, so the plan does not report it as drift).
 */
import type { FileKind } from '../../formats/schema-validator.js';
import { segmentsOf } from '../../formats/json-pointer.js';
import type { ExportSchema } from './export-schema.js';
import { isPlainObject } from './prune.js';

export type MutableRecord = Record<string, unknown>;

/**
 * Tries to fix one issue at `path` (segments relative to the item). Returns a
 * description of what it dropped (`config.forge.minCpus`), or undefined when
 * it cannot fix that issue.
 */
export type Fixer = (path: readonly string[], item: MutableRecord) => string | undefined;

export interface CheckedItem {
  /** The (possibly fixed) item; undefined when it could not be made valid. */
  readonly item?: MutableRecord;
  /** The first issue that could not be fixed. */
  readonly problem?: string;
  /** What fixers dropped, each with the issue that made them drop it. */
  readonly dropped: readonly string[];
}

const PROBE_NAME = 'export-check';
const MAX_FIXES = 50;

function probe(kind: FileKind, collection: string, item: MutableRecord): unknown {
  return kind === 'workspace'
    ? { name: PROBE_NAME, fullName: PROBE_NAME, [collection]: [item] }
    : { name: PROBE_NAME, [collection]: [item] };
}

/** Validates `item` as an element of `collection` in a `kind` file, fixing what `fix` can. */
export function checkItem(
  schema: ExportSchema,
  kind: FileKind,
  collection: string,
  item: MutableRecord,
  fix: Fixer,
): CheckedItem {
  const current = structuredClone(item);
  const dropped: string[] = [];
  for (let attempt = 0; attempt <= MAX_FIXES; attempt++) {
    const issues = schema.validate(kind, probe(kind, collection, current));
    if (issues.length === 0) return { item: current, dropped };
    let fixed = false;
    for (const issue of issues) {
      const segments = segmentsOf(issue.pointer);
      if (segments[0] !== collection || segments[1] !== '0') continue;
      const what = fix(segments.slice(2), current);
      if (what !== undefined) {
        dropped.push(`${what} (${issue.message})`);
        fixed = true;
        break;
      }
    }
    if (!fixed) return { problem: issues[0]?.message ?? 'invalid', dropped };
  }
  return { problem: 'too many invalid values', dropped };
}

/**
 * A fixer that deletes the offending key inside one of `roots` (`config`,
 * `keys`, `launch`): the key at the issue's path, or, when the path runs
 * through an array, the key holding that array (array elements compare by
 * position, so one is never removed on its own). Never deletes a root itself.
 */
export function dropInside(roots: readonly string[]): Fixer {
  return (path, item) => {
    const root = path[0];
    if (root === undefined || !roots.includes(root) || path.length < 2) return undefined;
    let parent: unknown = item;
    const taken: string[] = [];
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] ?? '';
      const next: unknown = isPlainObject(parent) ? parent[key] : undefined;
      if (!isPlainObject(next)) break;
      taken.push(key);
      parent = next;
    }
    const key = path[taken.length];
    if (key === undefined || taken.length === 0 || !isPlainObject(parent) || !(key in parent))
      return undefined;
    Reflect.deleteProperty(parent, key);
    return [...taken, key].join('.');
  };
}

/** A fixer that deletes optional top-level keys of the item (e.g. a too long `description`). */
export function dropTopLevel(keys: readonly string[]): Fixer {
  return (path, item) => {
    const key = path[0];
    if (key === undefined || !keys.includes(key) || !(key in item)) return undefined;
    Reflect.deleteProperty(item, key);
    return key;
  };
}

/** A fixer that fixes nothing: the item is valid as a whole or not exported. */
export const noFix: Fixer = () => undefined;

/**
 * Stands in for a secret field's `${VAR}` while an item is checked: names are
 * allocated only for items that are written, so the numbering has no gaps.
 */
export const REFERENCE_PLACEHOLDER = '${EXPORT_PLACEHOLDER}';

/** Tries each fixer in turn. */
export function anyOf(...fixers: readonly Fixer[]): Fixer {
  return (path, item) => {
    for (const fix of fixers) {
      const what = fix(path, item);
      if (what !== undefined) return what;
    }
    return undefined;
  };
}
