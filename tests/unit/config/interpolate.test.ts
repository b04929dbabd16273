import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { literalOf, scanReferences, singleReference } from '../../../src/formats/interpolate.js';
import {
  checkReferences,
  keyFieldPathsOf,
  LITERAL_SECRET_MESSAGE,
  OUTSIDE_MESSAGE,
  secretPathsOf,
} from '../../../src/formats/interpolate-tree.js';
import { readVariables } from '../../../src/config/read-variables.js';
import { parseVariables, variablesOf } from '../../../src/secrets/variables.js';
import { SyncError, UsageError } from '../../../src/errors.js';

describe('scanReferences', () => {
  it.each([
    ['$${REGION}', '${REGION}'],
    ['cost $$${REGION}', 'cost $${REGION}'],
    ['$TW_AGENT_WORK', '$TW_AGENT_WORK'],
    ['price $5 and $', 'price $5 and $'],
    ['no references', 'no references'],
  ])('%s is literal text reading %s', (text, literal) => {
    const pieces = scanReferences(text);
    expect(pieces.every((p) => p.kind === 'text')).toBe(true);
    expect(literalOf(pieces)).toBe(literal);
  });

  it('finds references between literal text', () => {
    expect(scanReferences('s3://${BUCKET}/x')).toEqual([
      { kind: 'text', text: 's3://' },
      { kind: 'reference', name: 'BUCKET' },
      { kind: 'text', text: '/x' },
    ]);
  });

  it.each([
    ['${ausgen-key}', '${ausgen-key}', 'e.g. ${AUSGEN_KEY}'],
    ['${task.cpus}', '${task.cpus}', 'e.g. ${TASK_CPUS}'],
    ['${1ABC}', '${1ABC}', 'e.g. ${_1ABC}'],
    ['${}', '${}', 'the name is empty'],
    ['open ${REGION', '${REGION', 'no closing }'],
  ])('reports %s as malformed, with its own reason', (text, quoted, reason) => {
    const malformed = scanReferences(text).filter((p) => p.kind === 'malformed');
    expect(malformed).toEqual([expect.objectContaining({ text: quoted })]);
    expect(JSON.stringify(malformed)).toContain(reason);
  });

  it('recognises a whole-string reference only', () => {
    expect(singleReference('${SECRET_KEY}')).toBe('SECRET_KEY');
    expect(singleReference(' ${SECRET_KEY}')).toBeUndefined();
    expect(singleReference('${A}${B}')).toBeUndefined();
    expect(singleReference('literal')).toBeUndefined();
  });
});

describe('checkReferences: where a ${NAME} may be', () => {
  const value = {
    description: 'a $${literal} brace',
    credentials: [
      { provider: 'aws', keys: { accessKey: '${AWS_ACCESS}', secretKey: '${AWS_SECRET}', region: 'x$${Y}' } },
      { provider: 'ssh', keys: { privateKey: 'literal-key-material' } },
      { provider: 'tw-agent', keys: { connectionId: 'pre-${ID}' } },
    ],
    computeEnvironments: [
      { config: { preRunScript: 'echo ${HOME} ${task.cpus}', region: '${REGION}', n: 3 } },
    ],
    secrets: [{ value: '${TOKEN}' }, { value: '${bad-name}' }],
  };
  const result = checkReferences(value, {
    verbatimKeys: new Set(['preRunScript']),
    isSecret: secretPathsOf('workspace', value),
    isKeyField: keyFieldPathsOf('workspace'),
  });

  it('turns references in key fields and secret values into SecretRefs, unescapes $${ and keeps verbatim fields', () => {
    expect(result.value).toMatchObject({
      description: 'a ${literal} brace',
      credentials: [
        {
          keys: {
            accessKey: { secretRef: 'AWS_ACCESS' },
            secretKey: { secretRef: 'AWS_SECRET' },
            region: 'x${Y}',
          },
        },
        {},
        {},
      ],
      computeEnvironments: [{ config: { preRunScript: 'echo ${HOME} ${task.cpus}' } }],
      secrets: [{ value: { secretRef: 'TOKEN' } }, {}],
    });
    expect(result.references.map((r) => `${r.name}@${r.pointer}`)).toEqual([
      'AWS_ACCESS@/credentials/0/keys/accessKey',
      'AWS_SECRET@/credentials/0/keys/secretKey',
      'TOKEN@/secrets/0/value',
    ]);
  });

  it('reports a literal secret, a key field that is not a single reference, a reference elsewhere and a malformed one', () => {
    expect(result.findings).toEqual([
      { pointer: '/credentials/1/keys/privateKey', message: `privateKey: ${LITERAL_SECRET_MESSAGE}` },
      {
        pointer: '/credentials/2/keys/connectionId',
        message: expect.stringContaining('a literal or a single ${NAME}'),
      },
      { pointer: '/computeEnvironments/0/config/region', message: OUTSIDE_MESSAGE },
      {
        pointer: '/secrets/1/value',
        message:
          'value: malformed variable reference: a name is A-Z, 0-9 and _, not starting with a digit; write a single ${NAME}',
      },
    ]);
  });

  it('never quotes a secret field back, even a malformed one', () => {
    const secret = { secrets: [{ value: '${hunter2-Real-Secret' }] };
    const checked = checkReferences(secret, {
      verbatimKeys: new Set(),
      isSecret: secretPathsOf('workspace', secret),
      isKeyField: keyFieldPathsOf('workspace'),
    });
    expect(checked.findings).toEqual([
      { pointer: '/secrets/0/value', message: expect.stringContaining('it has no closing }') as unknown },
    ]);
    expect(JSON.stringify(checked.findings)).not.toContain('hunter2');
  });

  it('treats no field of an organisation file as a key or secret', () => {
    const org = { description: '${GITHUB_TOKEN}' };
    const checked = checkReferences(org, {
      verbatimKeys: new Set(),
      isSecret: secretPathsOf('organization', org),
      isKeyField: keyFieldPathsOf('organization'),
    });
    expect(checked.findings).toEqual([{ pointer: '/description', message: OUTSIDE_MESSAGE }]);
  });
});

describe('parseVariables', () => {
  it('keys values by workspace; a workspace sees only its own; empty values are unset', () => {
    const vars = parseVariables(
      JSON.stringify({ 'bio/ausgen': { A: 'a-value', E: '' }, 'bio/genomics': { B: 'b-value' } }),
      'SEQERA_SYNC_VARS',
    );
    expect([...variablesOf(vars, 'bio', 'ausgen')]).toEqual([['A', 'a-value']]);
    expect(variablesOf(vars, 'bio', 'ausgen').get('B')).toBeUndefined();
    expect(variablesOf(vars, 'bio', 'unknown').size).toBe(0);
  });

  it.each([
    ['{"bio/ausgen": {"A": "sec', /not valid JSON/],
    ['["A"]', /must be a JSON object/],
    ['{"A": "flat-value-1"}', /key "A" is not "<org>\/<workspace>"/],
    ['{"bio/ausgen": "flat-value-2"}', /the value of "bio\/ausgen" must be an object/],
    ['{"bio/ausgen": {"lower": "x"}}', /"bio\/ausgen" has "lower", which is not a variable name/],
    ['{"bio/ausgen": {"A": {"nested": "x"}}}', /"bio\/ausgen" → A must be a string/],
    ['{"bio/ausgen": {"A": 3}}', /"bio\/ausgen" → A must be a string/],
    ['{"__proto__": {"A": "x"}}', /key "__proto__"/],
  ])('refuses %s, naming the key at fault and no value', (raw, message) => {
    expect(() => parseVariables(raw, 'SEQERA_SYNC_VARS')).toThrow(SyncError);
    expect(() => parseVariables(raw, 'SEQERA_SYNC_VARS')).toThrow(message);
    expect(() => parseVariables(raw, 'SEQERA_SYNC_VARS')).toThrow(
      expect.objectContaining({ message: expect.not.stringMatching(/flat-value|sec$|"x"/) as unknown }),
    );
  });
});

describe('readVariables', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reads SEQERA_SYNC_VARS and nothing else of the environment', async () => {
    const vars = await readVariables(
      { SEQERA_SYNC_VARS: '{"bio/ausgen": {"A": "a"}}', B: 'env-b', A: 'env-a' },
      '/',
      undefined,
    );
    expect([...variablesOf(vars, 'bio', 'ausgen')]).toEqual([['A', 'a']]);
  });

  it('reads --vars-file, and refuses it together with SEQERA_SYNC_VARS', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'seqera-sync-vars-'));
    await writeFile(path.join(dir, 'vars.json'), '{"bio/ausgen": {"A": "from-file"}}');
    const vars = await readVariables({}, dir, 'vars.json');
    expect(variablesOf(vars, 'bio', 'ausgen').get('A')).toBe('from-file');
    await expect(readVariables({ SEQERA_SYNC_VARS: '{}' }, dir, 'vars.json')).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(readVariables({}, dir, 'nope.json')).rejects.toThrow(
      /--vars-file nope.json: cannot read the file \(ENOENT\)/,
    );
  });
});
