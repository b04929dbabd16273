import { describe, expect, it } from 'vitest';
import { interpolateString, singleReference } from '../../../src/config/interpolate.js';
import { interpolateTree, secretPathsOf } from '../../../src/config/interpolate-tree.js';
import { resolveVariables } from '../../../src/config/variables.js';
import { SyncError } from '../../../src/errors.js';

const vars = new Map([
  ['REGION', 'ap-southeast-2'],
  ['_X1', 'x'],
]);

describe('interpolateString', () => {
  it.each([
    ['s3://${REGION}/work', 's3://ap-southeast-2/work'],
    ['${REGION}-${_X1}', 'ap-southeast-2-x'],
    ['$${REGION}', '${REGION}'],
    ['cost $$${REGION}', 'cost $${REGION}'],
    ['$TW_AGENT_WORK', '$TW_AGENT_WORK'],
    ['price $5 and $', 'price $5 and $'],
    ['no references', 'no references'],
  ])('%s → %s', (text, expected) => {
    expect(interpolateString(text, vars)).toEqual({ value: expected, unset: [], malformed: [] });
  });

  it('leaves an unset variable as written and reports it once', () => {
    expect(interpolateString('${NOPE}/${NOPE}/${REGION}', vars)).toEqual({
      value: '${NOPE}/${NOPE}/ap-southeast-2',
      unset: ['NOPE'],
      malformed: [],
    });
  });

  it.each([
    ['${task.cpus}', '${task.cpus}'],
    ['${lower}', '${lower}'],
    ['${1ABC}', '${1ABC}'],
    ['${}', '${}'],
    ['open ${REGION', '${REGION'],
  ])('reports %s as malformed', (text, reported) => {
    expect(interpolateString(text, vars).malformed).toEqual([reported]);
  });

  it('recognises a whole-string reference only', () => {
    expect(singleReference('${SECRET_KEY}')).toBe('SECRET_KEY');
    expect(singleReference(' ${SECRET_KEY}')).toBeUndefined();
    expect(singleReference('${A}${B}')).toBeUndefined();
    expect(singleReference('literal')).toBeUndefined();
  });
});

describe('interpolateTree', () => {
  const value = {
    credentials: [
      { provider: 'aws', keys: { accessKey: '${REGION}', secretKey: '${AWS_SECRET}' } },
      { provider: 'tw-agent', keys: { connectionId: '${NOPE}' } },
    ],
    computeEnvironments: [
      { config: { preRunScript: 'echo ${HOME} ${task.cpus}', region: '${REGION}', n: 3 } },
    ],
    secrets: [{ value: '${TOKEN}' }],
  };
  const result = interpolateTree(value, {
    variables: vars,
    verbatimKeys: new Set(['preRunScript']),
    isSecret: secretPathsOf('workspace', value),
  });

  it('interpolates ordinary strings and keeps verbatim and secret fields as written', () => {
    expect(result.value).toEqual({
      credentials: [
        { provider: 'aws', keys: { accessKey: 'ap-southeast-2', secretKey: '${AWS_SECRET}' } },
        { provider: 'tw-agent', keys: { connectionId: '${NOPE}' } },
      ],
      computeEnvironments: [
        { config: { preRunScript: 'echo ${HOME} ${task.cpus}', region: 'ap-southeast-2', n: 3 } },
      ],
      secrets: [{ value: '${TOKEN}' }],
    });
  });

  it('reports unset variables of non-secret fields only, with their pointer', () => {
    expect(result.findings).toEqual([
      { kind: 'unset', pointer: '/credentials/1/keys/connectionId', name: 'NOPE' },
    ]);
  });

  it('treats no field of an organisation file as secret', () => {
    expect(secretPathsOf('organization', value)(['secrets', 0, 'value'])).toBe(false);
  });
});

describe('resolveVariables', () => {
  it('reads the environment and SEQERA_SYNC_VARS, the environment winning and empty values unset', () => {
    const resolved = resolveVariables({
      SEQERA_SYNC_VARS: JSON.stringify({
        A: 'from-json',
        B: 'from-json',
        C: 'from-json',
        N: 3,
        T: true,
        E: '',
      }),
      B: 'from-env',
      C: '',
      D: undefined,
    });
    expect(resolved.get('A')).toBe('from-json');
    expect(resolved.get('B')).toBe('from-env');
    expect(resolved.get('C')).toBe('from-json');
    expect(resolved.get('N')).toBe('3');
    expect(resolved.get('T')).toBe('true');
    expect(resolved.has('D')).toBe(false);
    expect(resolved.has('E')).toBe(false);
  });

  it.each([
    ['{"A": "sec', /not valid JSON/],
    ['["A"]', /must be a JSON object/],
    ['{"lower": "x"}', /'lower' is not a valid variable name/],
    ['{"A": {"nested": "x"}}', /the value of A must be a string/],
  ])('refuses SEQERA_SYNC_VARS=%s', (raw, message) => {
    expect(() => resolveVariables({ SEQERA_SYNC_VARS: raw })).toThrow(SyncError);
    expect(() => resolveVariables({ SEQERA_SYNC_VARS: raw })).toThrow(message);
  });

  it('never quotes a value in its errors', () => {
    expect(() => resolveVariables({ SEQERA_SYNC_VARS: '{"A": "hunter2-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') as unknown }),
    );
  });
});
