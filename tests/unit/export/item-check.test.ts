import { beforeAll, describe, expect, it } from 'vitest';
import { loadExportSchema, type ExportSchema } from '../../../src/kinds/kit/export-schema.js';
import { anyOf, checkItem, dropInside, dropTopLevel } from '../../../src/kinds/kit/item-check.js';
import { pruneToSchema } from '../../../src/kinds/kit/prune.js';

let schema: ExportSchema;
beforeAll(async () => {
  schema = await loadExportSchema();
});

describe('item checks', () => {
  it('drops only the offending config keys, never the whole config', () => {
    const checked = checkItem(
      schema,
      'workspace',
      'computeEnvironments',
      {
        name: 'ce',
        platform: 'aws-batch',
        description: 'x'.repeat(2001),
        config: {
          workDir: 's3://w',
          headJobCpus: 0,
          forge: { type: 'SPOT', minCpus: -1, maxCpus: 4 },
          environment: [{ value: 'no name' }],
        },
      },
      anyOf(dropInside(['config']), dropTopLevel(['description'])),
    );
    expect(checked.item).toEqual({
      name: 'ce',
      platform: 'aws-batch',
      config: { workDir: 's3://w', forge: { type: 'SPOT', maxCpus: 4 } },
    });
    expect(checked.dropped.map((d) => d.split(' ')[0]).sort()).toEqual([
      'config.environment',
      'config.forge.minCpus',
      'config.headJobCpus',
      'description',
    ]);
  });

  it('reports an item it cannot fix', () => {
    const checked = checkItem(
      schema,
      'workspace',
      'secrets',
      { name: '1-not-a-name', value: '${X}' },
      dropInside(['config']),
    );
    expect(checked.item).toBeUndefined();
    expect(checked.problem).toContain('must be 2 to 100 letters');
  });

  it('trims a config to the platform schema, in its order, without empty values', () => {
    const config = pruneToSchema(
      {
        workDir: '/w',
        dateCreated: '2024',
        hostName: 'h',
        port: null,
        maxQueueSize: 0,
        propagateHeadJobOptions: false,
        environment: [{ name: 'A', value: '', head: false, extra: 1 }],
      },
      schema.definition('config-slurm-platform'),
      schema,
    );
    expect(config).toEqual({ environment: [{ name: 'A' }], hostName: 'h', maxQueueSize: 0, workDir: '/w' });
  });
});
