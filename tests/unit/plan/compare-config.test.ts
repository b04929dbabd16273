import { describe, expect, it } from 'vitest';
import { compareConfig } from '../../../src/kinds/kit/compare-config.js';
import { isEmpty, trimSlash } from '../../../src/kinds/kit/compare-declared.js';
import { serverFilledConfig } from '../../helpers/builders.js';

const fields = (declared: Record<string, unknown>, live: Record<string, unknown>) =>
  compareConfig(declared, live).map((c) => c.field);

describe('compareConfig: what is not drift', () => {
  it.each([
    ['identical', { region: 'r' }, { region: 'r' }],
    [
      'keys the file does not declare',
      { region: 'r' },
      { region: 'r', headQueue: 'q', computeQueue: 'c', volumes: [] },
    ],
    [
      'server-filled fields even when declared',
      { forgedResources: [{ a: 1 }], discriminator: 'aws-batch', deletedResources: [] },
      {},
    ],
    [
      'set-like lists in any order',
      { forge: { instanceTypes: ['a', 'b'], subnets: ['s1', 's2'], securityGroups: ['g1', 'g2'] } },
      { forge: { instanceTypes: ['b', 'a'], subnets: ['s2', 's1'], securityGroups: ['g2', 'g1'] } },
    ],
    [
      'GCP set-like lists',
      { computeJobsMachineType: ['n1', 'n2'], networkTags: ['x', 'y'] },
      { computeJobsMachineType: ['n2', 'n1'], networkTags: ['y', 'x'] },
    ],
    [
      'the work dir the server appends to allowBuckets',
      { workDir: 's3://w/x', forge: { allowBuckets: ['s3://d'] } },
      { workDir: 's3://w/x', forge: { allowBuckets: ['s3://d', 's3://w/x'] } },
    ],
    [
      'a trailing slash on workDir, launchDir and bucket paths',
      { workDir: 's3://w/x/', launchDir: '/home/u/', forge: { allowBuckets: ['s3://d/'] } },
      { workDir: 's3://w/x', launchDir: '/home/u', forge: { allowBuckets: ['s3://d', 's3://w/x/'] } },
    ],
    [
      'nested objects on declared keys only',
      { forge: { type: 'SPOT' } },
      { forge: { type: 'SPOT', minCpus: 0, ebsAutoScale: true } },
    ],
    [
      'empty values against absent ones',
      { environment: [], fusion2Enabled: false, preRunScript: '', nested: {} },
      {},
    ],
    [
      'arrays of objects compared on declared keys',
      { environment: [{ name: 'A', value: '1' }] },
      { environment: [{ name: 'A', value: '1', head: true }] },
    ],
    [
      'the server config a perfect apply leaves',
      { workDir: 's3://w', forge: { type: 'SPOT', allowBuckets: ['s3://d'] } },
      serverFilledConfig({ workDir: 's3://w', forge: { type: 'SPOT', allowBuckets: ['s3://d'] } }, 'ce'),
    ],
  ])('%s', (_name, declared, live) => {
    expect(compareConfig(declared, live)).toEqual([]);
  });
});

describe('compareConfig: what is drift', () => {
  it.each([
    ['a scalar', { region: 'a' }, { region: 'b' }, ['config.region']],
    [
      'a nested scalar, by dotted path',
      { forge: { maxCpus: 500 } },
      { forge: { maxCpus: 100 } },
      ['config.forge.maxCpus'],
    ],
    [
      'a set member',
      { forge: { instanceTypes: ['a', 'c'] } },
      { forge: { instanceTypes: ['a', 'b'] } },
      ['config.forge.instanceTypes'],
    ],
    [
      'an ordered list in another order',
      { nextflowOptions: ['a', 'b'] },
      { nextflowOptions: ['b', 'a'] },
      ['config.nextflowOptions'],
    ],
    ['a declared key the server lacks', { waveEnabled: true }, {}, ['config.waveEnabled']],
    [
      'a bucket beyond the work dir',
      { workDir: 's3://w', forge: { allowBuckets: ['s3://d', 's3://e'] } },
      { workDir: 's3://w', forge: { allowBuckets: ['s3://d', 's3://w'] } },
      ['config.forge.allowBuckets'],
    ],
    [
      'an object element of an array',
      { environment: [{ name: 'A', value: '1' }] },
      { environment: [{ name: 'A', value: '2' }] },
      ['config.environment'],
    ],
    ['an object replaced by a scalar', { forge: { type: 'SPOT' } }, { forge: 'x' }, ['config.forge']],
    ['a different work dir', { workDir: 's3://w/a' }, { workDir: 's3://w/b' }, ['config.workDir']],
    [
      'two fields, sorted',
      { region: 'a', workDir: 'x' },
      { region: 'b', workDir: 'y' },
      ['config.region', 'config.workDir'],
    ],
  ])('%s', (_name, declared, live, expected) => {
    expect(fields(declared, live)).toEqual(expected);
  });

  it('reports from (live) and to (declared)', () => {
    expect(compareConfig({ region: 'a' }, { region: 'b' })).toEqual([
      { field: 'config.region', from: 'b', to: 'a' },
    ]);
  });
});

describe('normalisation helpers', () => {
  it.each([
    ['s3://b/x/', 's3://b/x'],
    ['s3://b/x//', 's3://b/x'],
    ['/', '/'],
    ['/home', '/home'],
  ])('trimSlash(%s) = %s', (input, output) => {
    expect(trimSlash(input)).toBe(output);
  });

  it.each([
    [undefined, true],
    [null, true],
    ['', true],
    [false, true],
    [[], true],
    [{}, true],
    [0, false],
    ['x', false],
    [[1], false],
    [{ a: 1 }, false],
  ])('isEmpty(%j) = %s', (value, expected) => {
    expect(isEmpty(value)).toBe(expected);
  });
});
