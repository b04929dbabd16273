/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit, recursively),
 * arrays kept in order, `undefined` properties dropped. The same value always
 * gives the same text, so it is used both for the JSON plan document and for
 * the digests of saved plans.
 */

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value === 'object' && value !== null) {
    const source = value as Readonly<Record<string, unknown>>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const item = source[key];
      if (item !== undefined) sorted[key] = sortKeysDeep(item);
    }
    return sorted;
  }
  return value;
}

/** `JSON.stringify` with sorted keys; `indent` as in `JSON.stringify` (compact when omitted). */
export function canonicalJson(value: unknown, indent?: number): string {
  if (value === undefined) return 'null';
  return JSON.stringify(sortKeysDeep(value), null, indent);
}
