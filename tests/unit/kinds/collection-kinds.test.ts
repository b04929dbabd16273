/**
 * `COLLECTION_KINDS`, derived from the kinds' declarations, lists the
 * collection kinds once each, in the order of the files' `prune` and
 * `ignore` keys in the schemas (the order exported files and change-scope
 * messages use).
 */
import { describe, expect, it } from 'vitest';
import { COLLECTION_KINDS } from '../../../src/kinds/collections.js';
import { nodeAt, propertiesOf, readSchema } from '../config/schema-helpers.js';

describe('COLLECTION_KINDS', () => {
  it('names each collection kind once', () => {
    expect(new Set(COLLECTION_KINDS).size).toBe(COLLECTION_KINDS.length);
  });

  it.each([
    ['organization', '/$defs/prune'],
    ['organization', '/$defs/ignore'],
    ['workspace', '/$defs/prune'],
    ['workspace', '/$defs/ignore'],
  ] as const)('follows the order of %s.schema.json %s', (schema, pointer) => {
    expect(COLLECTION_KINDS).toEqual(Object.keys(propertiesOf(nodeAt(readSchema(schema), pointer))));
  });
});
