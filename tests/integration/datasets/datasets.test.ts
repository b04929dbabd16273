/**
 * Datasets end to end, through the real CLI against the emulator: validate →
 * plan → apply → plan shows no changes; a changed file is a new version
 * (sizes shown, never content) and the platform keeps the old one; the
 * description in place; a dataset made by hand is drift, then pruned; an
 * upload that fails leaves the dataset, and the next run uploads into it
 * (no duplicate). The emulator, read through its API, is the witness.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';
import { useWorkspaceDir, workspaceIdOf } from '../../helpers/workspace-dir.js';

const TOKEN = 'datasets-token-5c1d';
const BOT = 'dataset-bot@example.org';
const ORG = 'sheets';
const WS = 'lab';
const NO_CHANGES = 'No changes. The platform matches the configuration.';
const SAMPLES = 'sample,fastq_1,fastq_2\nS1,s1_R1.fq.gz,s1_R2.fq.gz\n';
const MORE_SAMPLES = `${SAMPLES}S2,s2_R1.fq.gz,s2_R2.fq.gz\n`;

const seed = {
  users: [{ userName: 'dataset-bot', email: BOT, token: TOKEN }],
  orgs: [
    {
      name: ORG,
      members: [{ email: BOT, role: 'owner' as const }],
      workspaces: [{ name: WS, fullName: 'Lab', participants: [{ email: BOT, role: 'owner' }] }],
    },
  ],
} satisfies EmulatorSeed;

const config = useWorkspaceDir('datasets', ORG, WS, 'Lab');
const { writeWorkspace } = config;

async function writeSheet(name: string, content: string): Promise<void> {
  const dir = path.join(config.root, 'workspaces', ORG, 'datasets', WS);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), content);
}

function workspaceId(api: ApiCall): Promise<number> {
  return workspaceIdOf(api, ORG, WS);
}

interface LiveDataset {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
}
interface LiveVersion {
  readonly version: number;
  readonly fileName: string;
  readonly fileSize: number;
  readonly hasHeader: boolean;
}

describe('datasets against the emulator', () => {
  const fixture = useEmulator(() => ({ seed }));
  const cli = cliAgainst(fixture, () => config.root);
  const api = () => apiCaller(fixture.emu.endpoint, fixture.emu.token);
  const datasets = async (): Promise<LiveDataset[]> => {
    const listed = (await api()('GET', '/datasets', { query: { workspaceId: await workspaceId(api()) } }))
      .body as { datasets: LiveDataset[] };
    return listed.datasets;
  };
  const versions = async (id: string): Promise<LiveVersion[]> => {
    const listed = (
      await api()('GET', `/datasets/${id}/versions`, { query: { workspaceId: await workspaceId(api()) } })
    ).body as { versions: LiveVersion[] };
    return listed.versions;
  };
  const content = async (id: string, v: LiveVersion): Promise<string> => {
    const ws = await workspaceId(api());
    const response = await fetch(
      `${fixture.emu.endpoint}/datasets/${id}/v/${String(v.version)}/n/${v.fileName}?workspaceId=${String(ws)}`,
      { headers: { Authorization: `Bearer ${fixture.emu.token}` } },
    );
    return response.text();
  };

  it('validate → plan → apply → no changes; a changed file is a new version, the old one kept', async () => {
    await writeSheet('samples.csv', SAMPLES);
    await writeWorkspace(
      'datasets:\n  - name: rnaseq-samples\n    description: Test samples\n    file: samples.csv\n    header: true\n',
    );
    const validated = await cli(['validate']);
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toBe('1 file valid\n');

    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`+ dataset ${ORG}/${WS}/datasets/rnaseq-samples`);
    expect(planned.stdout).toContain(`size: "${String(SAMPLES.length)} bytes"`);
    expect(planned.stdout).not.toContain('fastq_1');

    const applied = await cli(['apply', '--yes', '--no-color']);
    expect(applied.code).toBe(0);
    const [made] = await datasets();
    expect(made).toMatchObject({ name: 'rnaseq-samples', description: 'Test samples' });
    const first = await versions(made?.id ?? '');
    expect(first).toMatchObject([
      { version: 1, fileName: 'samples.csv', fileSize: SAMPLES.length, hasHeader: true },
    ]);
    expect(await content(made?.id ?? '', first[0] as LiveVersion)).toBe(SAMPLES);

    const again = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);

    await writeSheet('samples.csv', MORE_SAMPLES);
    const changed = await cli(['plan', '--no-color']);
    expect(changed.stdout).toContain(`~ dataset ${ORG}/${WS}/datasets/rnaseq-samples`);
    expect(changed.stdout).toContain('new version (size differs from the latest version)');
    expect(changed.stdout).toContain(
      `size: "${String(SAMPLES.length)} bytes" → "${String(MORE_SAMPLES.length)} bytes"`,
    );
    expect(changed.stdout).not.toContain('S2,');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const both = await versions(made?.id ?? '');
    expect(both.map((v) => [v.version, v.fileSize])).toEqual([
      [1, SAMPLES.length],
      [2, MORE_SAMPLES.length],
    ]);
    expect(await datasets()).toHaveLength(1);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('checks its labels: at validate against the declared labels, else at plan against the platform', async () => {
    await writeSheet('samples.csv', SAMPLES);
    const entry = (labels: string): string =>
      `  - name: rnaseq-samples\n    file: samples.csv\n    labels: ${labels}\n`;
    await writeWorkspace(
      `labels:\n  - name: rnaseq\n  - name: cost\n    value: lab\n    resource: true\n` +
        `datasets:\n${entry('[rnaseq, rnaseek, cost]')}`,
    );
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(
      `workspaces/${ORG}/${WS}.yaml:11:22: error: labels 'rnaseek' is not a label of this workspace (declared: rnaseq, cost)`,
    );
    expect(validated.stdout).toContain(
      `workspaces/${ORG}/${WS}.yaml:11:31: error: label 'cost' is a resource label; a dataset carries simple labels`,
    );

    // Without labels: in the file, the platform decides, before anything is written.
    await writeWorkspace(`datasets:\n${entry('[rnaseq]')}`);
    expect((await cli(['validate'])).code).toBe(0);
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `workspaces/${ORG}/${WS}.yaml:4: dataset rnaseq-samples names label rnaseq, but no label rnaseq exists in workspace ${WS} on the platform`,
    );
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(1);
    expect(await datasets()).toEqual([]);
  });

  it('a workspace deleted whole names its datasets and data links among what goes with it', async () => {
    await writeSheet('samples.csv', SAMPLES);
    await writeWorkspace(
      'datasets:\n  - name: rnaseq-samples\n    file: samples.csv\n' +
        'dataLinks:\n  - name: reference-data\n    provider: aws\n    resourceRef: s3://lab-reference\n    publicAccessible: true\n',
    );
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);

    await writeWorkspace('state: absent\n');
    const planned = await cli(['plan', '--format', 'json', '--allow-workspace-deletion']);
    const plan = JSON.parse(planned.stdout) as {
      actions: { kind: string; type: string; cascade?: string[] }[];
    };
    const deletion = plan.actions.find((a) => a.kind === 'workspace' && a.type === 'delete');
    expect(deletion?.cascade).toEqual(
      expect.arrayContaining([
        `${ORG}/${WS}/datasets/rnaseq-samples`,
        `${ORG}/${WS}/dataLinks/reference-data`,
      ]),
    );
  });

  it('same size, other bytes: the content decides; a description changes in place', async () => {
    await writeSheet('samples.csv', SAMPLES);
    await writeWorkspace('datasets:\n  - { name: sheet, file: samples.csv }\n');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    await writeSheet('samples.csv', SAMPLES.replace('S1', 'S9'));
    await writeWorkspace('datasets:\n  - { name: sheet, file: samples.csv, description: Nine }\n');
    const plan = await cli(['plan', '--no-color']);
    expect(plan.stdout).toContain(
      'new version (content differs from the latest version); description differs',
    );
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const [live] = await datasets();
    expect(live?.description).toBe('Nine');
    expect(await versions(live?.id ?? '')).toHaveLength(2);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a dataset made by hand is drift with the ignore hint, and is deleted with prune', async () => {
    await writeSheet('samples.csv', SAMPLES);
    await writeWorkspace('datasets:\n  - { name: sheet, file: samples.csv }\n');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    await api()('POST', '/datasets', {
      query: { workspaceId: await workspaceId(api()) },
      body: { name: 'by-hand' },
    });
    const drift = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(`${ORG}/${WS}/datasets/by-hand`);
    expect(drift.stdout).toContain('prune is off for datasets');

    await writeWorkspace('prune: { datasets: true }\ndatasets:\n  - { name: sheet, file: samples.csv }\n');
    const pruned = await cli(['plan', '--no-color']);
    expect(pruned.stdout).toContain(`- dataset ${ORG}/${WS}/datasets/by-hand`);
    expect((await cli(['apply', '--yes', '--allow-deletions'])).code).toBe(0);
    expect((await datasets()).map((d) => d.name)).toEqual(['sheet']);
  });

  it('an upload that fails leaves the dataset; the next run uploads into it, never a second dataset', async () => {
    await writeSheet('samples.csv', SAMPLES);
    await writeWorkspace('datasets:\n  - { name: sheet, file: samples.csv }\n');
    fixture.emu.scriptFault({
      method: 'POST',
      path: /\/upload$/,
      fault: { kind: 'refuse', status: 400, message: 'upload interrupted' },
      times: 1,
    });
    const failed = await cli(['apply', '--yes', '--no-color']);
    expect(failed.code).not.toBe(0);
    expect(await datasets()).toHaveLength(1);

    const retry = await cli(['plan', '--no-color']);
    expect(retry.stdout).toContain(`~ dataset ${ORG}/${WS}/datasets/sheet`);
    expect(retry.stdout).toContain('new version (no version uploaded yet)');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const [only] = await datasets();
    expect(await datasets()).toHaveLength(1);
    expect(await versions(only?.id ?? '')).toHaveLength(1);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a connection dropped during the upload is retried: one dataset, one version', async () => {
    await writeSheet('samples.csv', SAMPLES);
    await writeWorkspace('datasets:\n  - { name: sheet, file: samples.csv }\n');
    fixture.emu.scriptFault({ method: 'POST', path: /\/upload$/, fault: { kind: 'drop' }, times: 1 });
    const applied = await cli(['apply', '--yes', '--no-color']);
    expect(applied.code).toBe(0);
    const [only] = await datasets();
    expect(await datasets()).toHaveLength(1);
    expect(await versions(only?.id ?? '')).toHaveLength(1);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('datasets export', () => {
  const fixture = useEmulator(() => ({
    seed: {
      users: seed.users,
      orgs: [
        {
          name: ORG,
          members: [{ email: BOT, role: 'owner' as const }],
          workspaces: [
            {
              name: WS,
              fullName: 'Lab',
              participants: [{ email: BOT, role: 'owner' }],
              labels: [{ name: 'rnaseq' }],
              datasets: [
                {
                  name: 'rnaseq-samples',
                  description: 'Test samples',
                  labels: ['rnaseq'],
                  versions: [
                    { fileName: 'old.csv', content: 'a\n' },
                    { fileName: 'samples.tsv', content: 'sample\tfastq\nS1\ts1.fq\n', header: true },
                  ],
                },
                { name: 'traversal', versions: [{ fileName: '../../escaped.csv', content: 'x\n' }] },
                { name: 'empty' },
              ],
            },
          ],
        },
      ],
    } satisfies EmulatorSeed,
  }));
  const cli = cliAgainst(fixture, () => config.root);

  it('writes the latest version beside the entry; export → validate → plan shows no changes', async () => {
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'out']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`${ORG}/${WS}/datasets/empty: not exported (it has no version`);
    expect(exported.stderr).toContain(
      `${ORG}/${WS}/datasets/traversal: not exported (its file name cannot be written`,
    );
    const text = await readFile(path.join(config.root, 'out', ORG, `${WS}.yaml`), 'utf8');
    expect(text).toContain(
      'datasets:\n  - name: rnaseq-samples\n    description: Test samples\n    file: samples.tsv\n    header: true\n    labels: [rnaseq]\n',
    );
    expect(await readFile(path.join(config.root, 'out', ORG, 'datasets', WS, 'samples.tsv'), 'utf8')).toBe(
      'sample\tfastq\nS1\ts1.fq\n',
    );
    expect(await readdir(path.join(config.root, 'out', ORG, 'datasets', WS))).toEqual(['samples.tsv']);
    expect(await readdir(config.root)).toEqual(['out']);

    expect((await cli(['validate', '--config-dir', 'out'])).code).toBe(0);
    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(planned.stdout).toContain(NO_CHANGES);
    expect(planned.code).toBe(0);
  });
});
