/**
 * The parts the kinds' schema fragments share: a plan action's envelope and
 * a collection's prune/ignore entries. The composed schemas are held to the
 * committed ones by the schema-fragments contract test; these show the
 * options a kind uses.
 */
import { describe, expect, it } from 'vitest';
import { collectionSchema, planActionSchema, secretField } from '../../../src/formats/schema-parts.js';

const ENVELOPE = ['kind', 'type', 'address', 'org', 'workspace', 'name', 'reason', 'changes', 'dependsOn'];

describe('planActionSchema', () => {
  it('gives the envelope, then desired and current named after the kind', () => {
    const action = planActionSchema('label', ['create', 'delete']) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(action.properties)).toEqual([...ENVELOPE, 'desired', 'current']);
    expect(action.additionalProperties).toBe(false);
    expect(action.required).toEqual(ENVELOPE.filter((p) => p !== 'workspace'));
    expect(action.properties['kind']).toEqual({ const: 'label', description: 'The kind of resource.' });
    expect(action.properties['type']?.['enum']).toEqual(['create', 'delete']);
    expect(action.properties['desired']?.['$ref']).toBe('#/$defs/labelDesired');
    expect(action.properties['current']?.['$ref']).toBe('#/$defs/labelCurrent');
  });

  it('leaves out a payload it is told to, and puts what only the action carries last and required', () => {
    const action = planActionSchema('primary', ['update'], {
      desired: false,
      current: false,
      required: ['target'],
      extra: { target: { type: 'string' } },
    }) as { required: string[]; properties: Record<string, unknown> };
    expect(Object.keys(action.properties)).toEqual([...ENVELOPE, 'target']);
    expect(action.required.at(-1)).toBe('target');
  });

  it('takes a type that is not an enum of the types (a settings action: only update)', () => {
    const type = { const: 'update', description: 'Only an update.' };
    const action = planActionSchema('settings', [], { type }) as { properties: Record<string, unknown> };
    expect(action.properties['type']).toEqual(type);
  });
});

describe('collectionSchema', () => {
  it('gives the prune flag and the ignore list of names, with what each says', () => {
    expect(collectionSchema('Delete labels.', 'Acknowledged labels.')).toEqual({
      prune: { type: 'boolean', description: 'Delete labels.' },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        uniqueItems: true,
        description: 'Acknowledged labels.',
      },
    });
  });
});

describe('secretField', () => {
  it('accepts only a single ${VAR} reference, is marked secret, and says so after what it holds', () => {
    const field = secretField('Azure Batch account key.') as { pattern: string; description: string };
    expect(field).toMatchObject({ type: 'string', 'x-secret': true });
    const pattern = new RegExp(field.pattern);
    expect(pattern.test('${AZURE_BATCH_KEY}')).toBe(true);
    expect(pattern.test('plain-key')).toBe(false);
    expect(pattern.test('${A}${B}')).toBe(false);
    expect(field.description).toBe('Azure Batch account key. Secret: must be a single `${VAR}` reference.');
  });
});
