import { describe, expect, it } from 'vitest';
import { composeSchemas, type NamedFragment, type SchemaSet } from '../../../src/formats/compose-schemas.js';

const file = (own: string): Record<string, unknown> => ({
  properties: { [own]: { type: 'string' } },
  $defs: {
    prune: { type: 'object', properties: {} },
    ignore: { type: 'object', properties: {} },
  },
});

function skeletons(): SchemaSet {
  return {
    organization: file('name'),
    workspace: file('name'),
    plan: {
      $defs: {
        action: { properties: { kind: { enum: [] } }, oneOf: [] },
        unmanagedItem: { properties: { kind: { enum: [] } } },
        blockedRule: { properties: { rule: { enum: ['maxDeletions'] } } },
      },
    },
  };
}

const widgets: NamedFragment = {
  kind: 'widgets',
  fragment: {
    workspace: { properties: { widgets: { type: 'array' } }, $defs: { widget: { type: 'object' } } },
    collections: { widgets: { prune: { type: 'boolean' }, ignore: { type: 'array' } } },
    plan: { actions: { widget: 'widgetAction' }, blockRules: ['unknownWidget'], $defs: { widgetAction: {} } },
  },
};

const gadgets: NamedFragment = {
  kind: 'gadgets',
  fragment: {
    organization: { properties: { gadgets: { type: 'array' } } },
    collections: { gadgets: { prune: { type: 'boolean' }, ignore: { type: 'array' } } },
    plan: { actions: { gadget: 'gadgetAction' }, $defs: { gadgetAction: {} } },
  },
};

describe('composeSchemas', () => {
  it('adds each kind’s keys after the skeleton’s, in the order given, and the collections in theirs, in both files', () => {
    const base = skeletons();
    const out = composeSchemas(base, [widgets, gadgets], ['gadgets', 'widgets']);
    expect(Object.keys(out.workspace['properties'] as object)).toEqual(['name', 'widgets']);
    expect(Object.keys(out.organization['properties'] as object)).toEqual(['name', 'gadgets']);
    for (const f of [out.organization, out.workspace]) {
      const defs = f['$defs'] as Record<string, { properties: object }>;
      expect(Object.keys(defs['prune']?.properties ?? {})).toEqual(['gadgets', 'widgets']);
      expect(Object.keys(defs['ignore']?.properties ?? {})).toEqual(['gadgets', 'widgets']);
    }
    expect(out.plan).toMatchObject({
      $defs: {
        action: {
          properties: { kind: { enum: ['widget', 'gadget'] } },
          oneOf: [{ $ref: '#/$defs/widgetAction' }, { $ref: '#/$defs/gadgetAction' }],
        },
        unmanagedItem: { properties: { kind: { enum: ['widget', 'gadget'] } } },
        blockedRule: { properties: { rule: { enum: ['maxDeletions', 'unknownWidget'] } } },
      },
    });
    expect(base).toEqual(skeletons());
  });

  it('refuses, by kind and name, what two parts define', () => {
    const clash: NamedFragment = { kind: 'clash', fragment: { workspace: { properties: { widgets: {} } } } };
    expect(() => composeSchemas(skeletons(), [widgets, clash], ['widgets'])).toThrow(
      'kind clash: workspace file key widgets is defined twice',
    );
    const rule: NamedFragment = { kind: 'rules', fragment: { plan: { blockRules: ['maxDeletions'] } } };
    expect(() => composeSchemas(skeletons(), [rule], [])).toThrow(
      'kind rules: block rule maxDeletions is defined twice',
    );
  });

  it('refuses a collection that is not a collection kind, a collection kind without entries, and an action without its shape', () => {
    expect(() => composeSchemas(skeletons(), [widgets], [])).toThrow(
      'kind widgets: collection widgets is not a collection kind',
    );
    expect(() => composeSchemas(skeletons(), [widgets], ['widgets', 'gizmos'])).toThrow(
      'collection gizmos has no prune/ignore entry',
    );
    const shapeless: NamedFragment = {
      kind: 'shapeless',
      fragment: { plan: { actions: { thing: 'thingAction' } } },
    };
    expect(() => composeSchemas(skeletons(), [shapeless], [])).toThrow(
      'kind shapeless: plan action thing names no $defs entry thingAction',
    );
  });
});
