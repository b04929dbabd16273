import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalOf, scanReferences } from '../../../src/formats/interpolate.js';
import { escapeInterpolation, escapeTree } from '../../../src/kinds/kit/escape.js';

describe('escaping ${ for interpolation', () => {
  it.each([
    ['${HOME}/cache', '$${HOME}/cache'],
    ['${task.cpus}', '$${task.cpus}'],
    ['$${already}', '$$${already}'],
    ['$TW_AGENT_WORK', '$TW_AGENT_WORK'],
    ['no dollars', 'no dollars'],
    ['${', '$${'],
  ])('%s → %s', (input, expected) => {
    expect(escapeInterpolation(input)).toBe(expected);
  });

  it('reading an escaped string back gives it exactly, as literal text with no reference', () => {
    const text = fc.string({ unit: fc.constantFrom('$', '{', '}', 'A', 'a', '.', ' ', '_', '1') });
    fc.assert(
      fc.property(text, (s) => {
        const pieces = scanReferences(escapeInterpolation(s));
        expect(pieces.every((p) => p.kind === 'text')).toBe(true);
        expect(literalOf(pieces)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes a tree except verbatim keys, secret paths and object keys', () => {
    const value = {
      'key${X}': 'a ${B}',
      list: ['${C}', { nextflowConfig: '${task.cpus}' }],
      secrets: [{ name: 'S', value: '${S_VAR}' }],
    };
    const escaped = escapeTree(value, {
      verbatimKeys: new Set(['nextflowConfig']),
      isSecret: (path) => path.length === 3 && path[0] === 'secrets' && path[2] === 'value',
    });
    expect(escaped).toEqual({
      'key${X}': 'a $${B}',
      list: ['$${C}', { nextflowConfig: '${task.cpus}' }],
      secrets: [{ name: 'S', value: '${S_VAR}' }],
    });
    expect(value.list[0]).toBe('${C}');
  });
});
