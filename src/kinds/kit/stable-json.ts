/**
 * Canonical JSON for structural comparison and digests (see
 * src/model/canonical.ts). Two values with the same canonical text are the
 * same plain data.
 */
import { isPlainObject, sortKeysDeep } from '../../model/canonical.js';

export { isPlainObject };

export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

/** Structural equality of plain data (key order irrelevant, `undefined` members ignored). */
export function sameData(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}
