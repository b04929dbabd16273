/**
 * The canonical form of plain data, shared by the planner (structural
 * comparison, launch digests) and the renderers and saved plans (the JSON
 * document and its digests): object keys sorted at every depth (UTF-16 code
 * unit order), arrays kept in order, `undefined` members dropped as
 * `JSON.stringify` does. Two values with the same canonical form are the same
 * plain data.
 */

/** A JSON-like object (not an array, not null). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `value` with object keys sorted at every depth and `undefined` members dropped. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeysDeep(item));
  if (isPlainObject(value)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member !== undefined) sorted[key] = sortKeysDeep(member);
    }
    return sorted;
  }
  return value;
}
