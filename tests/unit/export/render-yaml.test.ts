import { varsSkeleton } from '../../../src/export/render-result.js';
import { setFromSkeleton } from '../../helpers/variables.js';
import path from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { renderYaml } from '../../../src/export/render-yaml.js';
import { isEmptyPlan } from '../../../src/model/plan.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { actualFromDesired, aPlannerContext } from '../../helpers/builders.js';
import { cleanExportDirs, desiredOf, exportToDir } from './harness.js';

afterAll(cleanExportDirs);

const REPO = path.resolve(import.meta.dirname, '../../..');

async function prettierClean(text: string, file: string): Promise<boolean> {
  const options = (await prettier.resolveConfig(path.join(REPO, 'workspaces', file))) ?? {};
  return prettier.check(text, { ...options, parser: 'yaml' });
}

describe('exported YAML', () => {
  it('starts with the schema line and uses the estate style', () => {
    const text = renderYaml('workspace', {
      name: 'ausgen',
      fullName: 'Australian Genomics',
      participants: [
        { team: 'admins', role: 'admin' },
        { email: 'jane@example.edu.au', role: 'owner' },
      ],
      pipelines: [
        { name: 'rnaseq', url: 'https://github.com/nf-core/rnaseq', revision: '3.14', profiles: ['a', 'b'] },
      ],
      secrets: [{ name: 'LICENSE', value: '${AUSGEN_LICENSE}' }],
      computeEnvironments: [
        { name: 'ce', platform: 'slurm-platform', config: { preRunScript: 'module load x\n' } },
      ],
    });
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=../../schemas/workspace.schema.json',
        'name: ausgen',
        'fullName: Australian Genomics',
        'participants:',
        '  - { team: admins, role: admin }',
        '  - { email: jane@example.edu.au, role: owner }',
        'pipelines:',
        '  - name: rnaseq',
        '    url: https://github.com/nf-core/rnaseq',
        "    revision: '3.14'",
        '    profiles: [a, b]',
        'secrets:',
        "  - { name: LICENSE, value: '${AUSGEN_LICENSE}' }",
        'computeEnvironments:',
        '  - name: ce',
        '    platform: slurm-platform',
        '    config:',
        '      preRunScript: |',
        '        module load x',
        '',
      ].join('\n'),
    );
  });

  it('writes long lists in block style', () => {
    const members = Array.from({ length: 8 }, (_, i) => `person.number${i}@example.edu.au`);
    const text = renderYaml('organization', { name: 'org', teams: [{ name: 't', members }] });
    expect(text).toContain('    members:\n      - person.number0@example.edu.au\n');
  });

  it('exports the example estate as files that validate, pass format:check and plan empty', async () => {
    const loaded = await loadDesiredState(path.join(REPO, 'workspaces'));
    if (!loaded.ok) throw new Error('the example estate does not validate');
    const actual = actualFromDesired(loaded.value);
    const exported = await exportToDir(actual, 'biocommons');
    expect(Object.keys(exported.texts).sort()).toEqual([
      'ausgen.yaml',
      'community-pipelines.yaml',
      'marine-omics.yaml',
      'organization.yaml',
    ]);
    for (const [file, text] of Object.entries(exported.texts)) {
      expect(await prettierClean(text, file), `${file} is not Prettier-formatted:\n${text}`).toBe(true);
    }
    const desired = desiredOf(exported);
    expect(isEmptyPlan(computePlan(desired, actual, aPlannerContext()))).toBe(true);
    const allSet = aPlannerContext({
      setVariables: setFromSkeleton(varsSkeleton(exported.model.variables)),
      keysMatch: new Map(
        exported.model.variables.filter((v) => v.field.startsWith('keys.')).map((v) => [v.address, true]),
      ),
    });
    expect(computePlan(desired, actual, allSet).actions).toEqual([]);
    // Verbatim config text is written as is, a literal `$` stays literal.
    expect(exported.texts['ausgen.yaml']).toContain('ncpus=${task.cpus}');
    expect(exported.texts['marine-omics.yaml']).toContain('workDir: $TW_AGENT_WORK');
  });
});
