/**
 * Canonical JSON for structural comparison and digests: object keys sorted at
 * every depth, `undefined` members dropped (as `JSON.stringify` does). Two
 * values with the same canonical text are the same plain data.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => canonical(item));
  if (isPlainObject(value)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member !== undefined) sorted[key] = canonical(member);
    }
    return sorted;
  }
  return value;
}

/** A JSON-like object (not an array, not null). */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of plain data (key order irrelevant, `undefined` members ignored). */
export function sameData(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}
