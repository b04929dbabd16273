/**
 * Structural comparison of a declared value with its live counterpart, on the
 * keys the file declares only (a key the file does not declare is not drift).
 * Used for compute-environment configs and pipeline launch passthrough.
 *
 * Normalisation: "empty" values (absent, null, '', false, [], {}) are all
 * equal, since the platform omits them; arrays under a set key compare as
 * sets; strings under a path key (and elements of a path set) ignore a
 * trailing `/`; objects recurse on declared keys; arrays of objects compare
 * element by element on declared keys and report the whole array.
 */
import type { FieldChange } from '../../model/plan.js';
import { isPlainObject, sameData, stableStringify } from './stable-json.js';

export interface CompareRules {
  /** Keys whose arrays are unordered sets. */
  readonly setKeys: ReadonlySet<string>;
  /** Keys whose string value (or set elements) are paths: a trailing `/` is ignored. */
  readonly pathKeys: ReadonlySet<string>;
  /** Server-filled keys never compared, even when declared. */
  readonly ignoredKeys: ReadonlySet<string>;
  /** Extra elements added to both sides of a set before comparing (e.g. the work dir the server appends to `allowBuckets`). */
  readonly setExtras?: ReadonlyMap<string, readonly string[]>;
}

/** Field changes (`from` live, `to` declared) for every declared key under `path` that differs. */
export function compareDeclared(
  declared: Readonly<Record<string, unknown>>,
  live: unknown,
  path: string,
  rules: CompareRules,
): FieldChange[] {
  const changes: FieldChange[] = [];
  compareObject(declared, live, path, rules, changes);
  return changes;
}

function compareObject(
  declared: Readonly<Record<string, unknown>>,
  live: unknown,
  path: string,
  rules: CompareRules,
  out: FieldChange[],
): void {
  const liveObject = isPlainObject(live) ? live : {};
  for (const key of Object.keys(declared).sort()) {
    if (rules.ignoredKeys.has(key)) continue;
    compareAt(key, `${path}.${key}`, declared[key], liveObject[key], rules, out);
  }
}

function compareAt(
  key: string | undefined,
  path: string,
  declared: unknown,
  live: unknown,
  rules: CompareRules,
  out: FieldChange[],
): void {
  if (isEmpty(declared) && isEmpty(live)) return;
  const change: FieldChange = { field: path, from: live, to: declared };
  if (isPlainObject(declared)) {
    if (isPlainObject(live)) compareObject(declared, live, path, rules, out);
    else out.push(change);
    return;
  }
  if (Array.isArray(declared)) {
    if (!Array.isArray(live) || !sameArray(key, declared, live, rules)) out.push(change);
    return;
  }
  if (!sameScalar(key, declared, live, rules)) out.push(change);
}

function sameArray(
  key: string | undefined,
  declared: readonly unknown[],
  live: readonly unknown[],
  rules: CompareRules,
): boolean {
  if (key !== undefined && rules.setKeys.has(key)) {
    const extras = rules.setExtras?.get(key) ?? [];
    const isPath = rules.pathKeys.has(key);
    return sameSet([...declared, ...extras], [...live, ...extras], isPath);
  }
  if (declared.length !== live.length) return false;
  const nested: FieldChange[] = [];
  declared.forEach((item, index) => {
    compareAt(undefined, `[${index}]`, item, live[index], rules, nested);
  });
  return nested.length === 0;
}

function sameScalar(key: string | undefined, declared: unknown, live: unknown, rules: CompareRules): boolean {
  if (
    key !== undefined &&
    rules.pathKeys.has(key) &&
    typeof declared === 'string' &&
    typeof live === 'string'
  ) {
    return trimSlash(declared) === trimSlash(live);
  }
  return sameData(declared, live);
}

function sameSet(declared: readonly unknown[], live: readonly unknown[], isPath: boolean): boolean {
  const canon = (items: readonly unknown[]): string =>
    stableStringify(
      [
        ...new Set(
          items.map((item) => stableStringify(isPath && typeof item === 'string' ? trimSlash(item) : item)),
        ),
      ].sort(),
    );
  return canon(declared) === canon(live);
}

/** Absent, null, '', false, [] and {} are all "nothing": the platform omits them. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every((member) => member === undefined);
  return false;
}

/** A path without its trailing slashes (`s3://b/x/` → `s3://b/x`); a bare `/` stays. */
export function trimSlash(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? path : trimmed;
}
