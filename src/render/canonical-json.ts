/**
 * Canonical JSON text (see src/model/canonical.ts): the same value always
 * gives the same text, so it is used both for the JSON plan document and for
 * the digests of saved plans.
 */
import { sortKeysDeep } from '../model/canonical.js';

/** `JSON.stringify` with sorted keys; `indent` as in `JSON.stringify` (compact when omitted). */
export function canonicalJson(value: unknown, indent?: number): string {
  if (value === undefined) return 'null';
  return JSON.stringify(sortKeysDeep(value), null, indent);
}
