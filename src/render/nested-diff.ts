/**
 * Object-valued fields (a pipeline's `params`, a compute environment's
 * `config`, launch fields) shown key by key, as Terraform shows nested
 * attributes: `+` an added key, `-` a removed one, `~` a changed one (objects
 * recurse), and the keys that did not change folded into one
 * `# (N unchanged attributes hidden)` line. A create lists every key with
 * `+`, a delete with `-`. `changedPaths` gives the same differences as dotted
 * paths, for the JSON plan. Values are rendered by the caller's `show`, so
 * secrets have been redacted before they reach this module.
 */
import { isPlainObject as isJsonObject, sortKeysDeep } from '../model/canonical.js';
import { isSecretRef } from '../model/resources.js';

type PlainObject = Readonly<Record<string, unknown>>;

/** An object shown key by key; a `${VAR}` reference is a single value. */
function isPlainObject(value: unknown): value is PlainObject {
  return isJsonObject(value) && !isSecretRef(value);
}

/** Renders one leaf value (or a pair `old → new`); bounded and escaped by the caller. */
export interface ValueFormat {
  readonly value: (value: unknown) => string;
  readonly pair: (from: unknown, to: unknown) => string;
}

/** Indent of the keys inside `{ … }`, relative to the line that opens it. */
const INDENT = '  ';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeysDeep(a)) === JSON.stringify(sortKeysDeep(b));
}

function unchangedLine(count: number): string {
  return `# (${String(count)} unchanged attribute${count === 1 ? '' : 's'} hidden)`;
}

/** Every key of `object` with one symbol (`+` for a create, `-` for a delete), objects expanded. */
function allKeys(object: PlainObject, symbol: '+' | '-', format: ValueFormat): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const value = object[key];
    if (value === undefined) continue;
    lines.push(...keyLines(symbol, key, value, format, (inner) => allKeys(inner, symbol, format)));
  }
  return lines;
}

/** `<symbol> key: value`, or `<symbol> key: {` + the nested lines + `}` for an object. */
function keyLines(
  symbol: string,
  key: string,
  value: unknown,
  format: ValueFormat,
  nested: (object: PlainObject) => string[],
): string[] {
  if (!isPlainObject(value)) return [`${symbol} ${key}: ${format.value(value)}`];
  const inner = nested(value);
  if (inner.length === 0) return [`${symbol} ${key}: {}`];
  return [`${symbol} ${key}: {`, ...inner.map((line) => `${INDENT}${INDENT}${line}`), `${INDENT}}`];
}

/** The lines inside `{ … }` for an update of one object to another. */
function objectDiff(from: PlainObject, to: PlainObject, format: ValueFormat): string[] {
  const lines: string[] = [];
  let unchanged = 0;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  for (const key of keys) {
    const old = from[key];
    const next = to[key];
    if (old === undefined && next === undefined) continue;
    if (old === undefined) {
      lines.push(...keyLines('+', key, next, format, (inner) => allKeys(inner, '+', format)));
    } else if (next === undefined) {
      lines.push(...keyLines('-', key, old, format, (inner) => allKeys(inner, '-', format)));
    } else if (same(old, next)) {
      unchanged++;
    } else if (isPlainObject(old) && isPlainObject(next)) {
      lines.push(...keyLines('~', key, next, format, () => objectDiff(old, next, format)));
    } else {
      lines.push(`~ ${key}: ${format.pair(old, next)}`);
    }
  }
  if (unchanged > 0) lines.push(`  ${unchangedLine(unchanged)}`);
  return lines;
}

/** True when a change is shown key by key (one of its values is an object). */
export function isNestedChange(from: unknown, to: unknown): boolean {
  return isPlainObject(from) || isPlainObject(to);
}

/**
 * The lines of one object-valued change: `field: {`, the keys (indented),
 * `}`. `mode` is the action's: a create shows every key of `to` as added, a
 * delete every key of `from` as removed. A value that is not an object on one
 * side of an update is shown whole (`old → new`).
 */
export function nestedChangeLines(
  field: string,
  from: unknown,
  to: unknown,
  mode: 'create' | 'delete' | 'update',
  format: ValueFormat,
): string[] {
  let inner: string[];
  if (mode === 'create' || (mode === 'update' && from === undefined && isPlainObject(to))) {
    if (!isPlainObject(to)) return [`${field}: ${format.value(to)}`];
    inner = allKeys(to, '+', format);
  } else if (mode === 'delete' || (to === undefined && isPlainObject(from))) {
    if (!isPlainObject(from)) return [`${field}: ${format.value(from)}`];
    inner = allKeys(from, '-', format);
  } else if (isPlainObject(from) && isPlainObject(to)) {
    inner = objectDiff(from, to, format);
  } else {
    return [`${field}: ${format.pair(from, to)}`];
  }
  if (inner.length === 0) return [`${field}: {}`];
  return [`${field}: {`, ...inner.map((line) => `${INDENT}${line}`), '}'];
}

function leafPaths(value: unknown, prefix: string): string[] {
  if (!isPlainObject(value)) return [prefix];
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length === 0) return [prefix];
  return keys.sort().flatMap((key) => leafPaths(value[key], `${prefix}.${key}`));
}

/**
 * The dotted paths that differ between two values under `field`: every key
 * added, removed or changed, objects followed down to their leaves (arrays
 * are leaves). Empty when neither value is an object (the field itself is
 * the change).
 */
export function changedPaths(field: string, from: unknown, to: unknown): string[] {
  if (!isNestedChange(from, to)) return [];
  const walk = (old: unknown, next: unknown, prefix: string): string[] => {
    if (same(old, next)) return [];
    if (old === undefined) return leafPaths(next, prefix);
    if (next === undefined) return leafPaths(old, prefix);
    if (!isPlainObject(old) || !isPlainObject(next)) return [prefix];
    const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort();
    return keys.flatMap((key) => walk(old[key], next[key], `${prefix}.${key}`));
  };
  return walk(from, to, field);
}
