import { describe, expect, it } from 'vitest';
import type { Plan, PlanAction } from '../../../src/model/plan.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { changedPaths } from '../../../src/render/nested-diff.js';
import { renderText } from '../../../src/render/text.js';
import { emptyPlan } from '../../fixtures/plans/rich-plan.js';

const BASE_PARAMS = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`param_${String(i).padStart(2, '0')}`, `value-${String(i)}`]),
);

function pipelineUpdate(from: unknown, to: unknown): PlanAction {
  return {
    kind: 'pipeline',
    type: 'update',
    address: 'biocommons/ausgen/pipelines/rnaseq',
    org: 'biocommons',
    workspace: 'ausgen',
    name: 'rnaseq',
    reason: 'launch fields differ from ausgen.yaml',
    changes: [{ field: 'launch.params', from, to }],
    dependsOn: [],
  };
}

function planOf(action: PlanAction): Plan {
  return { ...emptyPlan(), actions: [action] };
}

describe('object fields, key by key', () => {
  it('shows only the key that changed in a large params object, the rest folded', () => {
    const action = pipelineUpdate({ ...BASE_PARAMS, genome: 'GRCh37' }, { ...BASE_PARAMS, genome: 'GRCh38' });
    const text = renderText(planOf(action), { color: false });
    expect(text).toContain(
      [
        '      launch.params: {',
        '        ~ genome: "GRCh37" → "GRCh38"',
        '          # (12 unchanged attributes hidden)',
        '      }',
      ].join('\n'),
    );
    expect(text).not.toContain('param_03');
    expect(text).not.toContain('…');
  });

  it('marks added and removed keys, and recurses into nested objects', () => {
    const action = pipelineUpdate(
      { outdir: 's3://a', old: 1, nested: { a: 1, b: 2 } },
      { outdir: 's3://a', added: true, nested: { a: 1, b: 3 } },
    );
    const text = renderText(planOf(action), { color: false });
    expect(text).toContain(
      [
        '      launch.params: {',
        '        + added: true',
        '        ~ nested: {',
        '            ~ b: 2 → 3',
        '              # (1 unchanged attribute hidden)',
        '          }',
        '        - old: 1',
        '          # (1 unchanged attribute hidden)',
        '      }',
      ].join('\n'),
    );
  });

  it('lists every key of an object on a create', () => {
    const action: PlanAction = {
      ...pipelineUpdate(undefined, { outdir: 's3://x', forge: { type: 'SPOT' } }),
      type: 'create',
    };
    const text = renderText(planOf(action), { color: false });
    expect(text).toContain('        + forge: {\n            + type: "SPOT"\n          }');
    expect(text).toContain('        + outdir: "s3://x"');
  });

  it('shows the same per-key lines in the markdown details', () => {
    const action = pipelineUpdate({ ...BASE_PARAMS, genome: 'GRCh37' }, { ...BASE_PARAMS, genome: 'GRCh38' });
    const markdown = renderMarkdown(planOf(action));
    expect(markdown).toContain('~ genome: "GRCh37" → "GRCh38"');
    expect(markdown).toContain('# (12 unchanged attributes hidden)');
    expect(markdown).not.toContain('param_03');
  });

  it('never shows a secret key nested in an object', () => {
    const action: PlanAction = {
      kind: 'credential',
      type: 'update',
      address: 'biocommons/ausgen/credentials/aws',
      org: 'biocommons',
      workspace: 'ausgen',
      name: 'aws',
      reason: 'keys differ',
      changes: [
        {
          field: 'keys',
          from: { accessKey: 'AKIAOLD', secretKey: 'old-secret-value' },
          to: { accessKey: 'AKIANEW', secretKey: 'new-secret-value' },
        },
      ],
      dependsOn: [],
      desired: {
        name: 'aws',
        provider: 'aws',
        keys: { accessKey: 'AKIANEW', secretKey: { secretRef: 'AWS_SECRET' } },
        source: { file: 'f', line: 1, column: 1, pointer: '' },
      },
    };
    const text = renderText(planOf(action), { color: false });
    expect(text).toContain('~ accessKey: "AKIAOLD" → "AKIANEW"');
    expect(text).not.toContain('secret-value');
  });
});

describe('changedPaths', () => {
  it('names every added, removed or changed leaf under the field', () => {
    expect(
      changedPaths(
        'launch.params',
        { a: 1, gone: 2, nested: { x: 1, y: 2 } },
        { a: 1, added: 3, nested: { x: 1, y: 5 } },
      ),
    ).toEqual(['launch.params.added', 'launch.params.gone', 'launch.params.nested.y']);
  });

  it('is empty for a scalar change, and lists every key on a create', () => {
    expect(changedPaths('role', 'view', 'admin')).toEqual([]);
    expect(changedPaths('config.forge', undefined, { type: 'SPOT', maxCpus: 4 })).toEqual([
      'config.forge.maxCpus',
      'config.forge.type',
    ]);
  });
});
