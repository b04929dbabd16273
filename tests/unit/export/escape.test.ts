import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolateString } from '../../../src/config/interpolate.js';
import { escapeInterpolation, escapeTree } from '../../../src/export/escape.js';

const NO_VARIABLES = new Map<string, string>();

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

  it('interpolating an escaped string gives it back exactly, with nothing malformed or unset', () => {
    const text = fc.string({ unit: fc.constantFrom('$', '{', '}', 'A', 'a', '.', ' ', '_', '1') });
    fc.assert(
      fc.property(text, (s) => {
        const result = interpolateString(escapeInterpolation(s), NO_VARIABLES);
        expect(result.value).toBe(s);
        expect(result.malformed).toEqual([]);
        expect(result.unset).toEqual([]);
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
