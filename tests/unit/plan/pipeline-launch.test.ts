import { describe, expect, it } from 'vitest';
import { launchDigest, launchFieldsOf, paramsTextOf } from '../../../src/kinds/pipelines/launch-fields.js';
import { parseParams } from '../../../src/kinds/pipelines/plan.js';
import { aDesiredPipeline } from '../../helpers/builders.js';

describe('launchFieldsOf', () => {
  it('maps the YAML keys to WorkflowLaunchRequest fields, without computeEnvId, keys sorted', () => {
    const fields = launchFieldsOf(
      aDesiredPipeline({
        profiles: ['test'],
        params: { b: 1, a: { d: 2, c: 3 } },
        launch: { headJobCpus: 2, computeEnvId: 'x', revision: 'ignored' },
      }),
    );
    expect(fields).toEqual({
      configProfiles: ['test'],
      headJobCpus: 2,
      paramsText: '{"a":{"c":3,"d":2},"b":1}',
      pipeline: 'https://github.com/nf-core/rnaseq',
      revision: '3.14.0',
      workDir: 's3://ausgen-work/scratch',
    });
    expect(Object.keys(fields)).toEqual([...Object.keys(fields)].sort());
  });

  it('omits undeclared fields instead of sending undefined', () => {
    const fields = launchFieldsOf({ url: 'https://g/x' });
    expect(fields).toEqual({ pipeline: 'https://g/x' });
  });

  it('paramsText parses back to the declared params', () => {
    const params = { outdir: 's3://x', list: [1, 2], nested: { k: true } };
    expect(parseParams(paramsTextOf(params))).toEqual(params);
  });
});

describe('launchDigest', () => {
  it('is deterministic, key-order independent and 16 hex chars', () => {
    const a = launchDigest({ pipeline: 'p', revision: '1', paramsText: '{}' });
    const b = launchDigest({ revision: '1', paramsText: '{}', pipeline: 'p' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes when any launch field changes', () => {
    const digests = new Set([
      launchDigest({ pipeline: 'p', revision: '1' }),
      launchDigest({ pipeline: 'p', revision: '2' }),
      launchDigest({ pipeline: 'q', revision: '1' }),
      launchDigest({ pipeline: 'p', revision: '1', headJobCpus: 2 }),
    ]);
    expect(digests.size).toBe(4);
  });

  it('is FNV-1a 64-bit over the canonical JSON (reference values from an independent implementation)', () => {
    expect(launchDigest({})).toBe('08f44b07b5901a25');
    expect(launchDigest({ revision: '1', pipeline: 'p' })).toBe('c333ddff37c05ed9');
  });
});
