/**
 * Labels on compute environments and pipelines, end to end through the real
 * CLI against the emulator: created with their labels; plan shows no
 * changes; a CE's label change replaces it (create-before-destroy) and says
 * which field forces it; a pipeline's label change is an update in place
 * through the labels endpoint; an update that does not mention labels keeps
 * them; a label that exists nowhere is a clear plan error, and a label the
 * file does not declare under `labels:` a validation error at its line. The
 * emulator's store, read through its API, is the witness.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';

const TOKEN = 'attached-labels-token-5c02';
const BOT = 'label-bot@example.org';
const ORG = 'tagged';
const WS = 'lab';
const CE = `${ORG}/${WS}/computeEnvironments/local`;
const PIPELINE = `${ORG}/${WS}/pipelines/hello`;
const NO_CHANGES = 'No changes. The platform matches the configuration.';

const seed: EmulatorSeed = {
  users: [{ userName: 'label-bot', email: BOT, token: TOKEN }],
  orgs: [
    {
      name: ORG,
      members: [{ email: BOT, role: 'owner' }],
      workspaces: [
        { name: WS, fullName: 'Lab', visibility: 'shared', participants: [{ email: BOT, role: 'owner' }] },
      ],
    },
  ],
};

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-attached-labels-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const LABELS =
  'labels:\n' +
  '  - { name: project, value: ausgen, resource: true }\n' +
  '  - { name: cost, value: genomics, resource: true }\n' +
  '  - { name: rnaseq }\n' +
  '  - { name: demo }\n';

function workspaceFile(parts: {
  labels?: string;
  ceLabels?: string;
  pipelineLabels?: string;
  description?: string;
  workDir?: string;
}): string {
  return (
    `name: ${WS}\nfullName: Lab\nvisibility: shared\n` +
    (parts.labels ?? LABELS) +
    'computeEnvironments:\n' +
    '  - name: local\n' +
    '    platform: local-platform\n' +
    (parts.ceLabels === undefined ? '' : `    labels: ${parts.ceLabels}\n`) +
    `    config: { workDir: ${parts.workDir ?? '/work'} }\n` +
    'pipelines:\n' +
    '  - name: hello\n' +
    `    description: ${parts.description ?? 'first'}\n` +
    '    url: https://github.com/nextflow-io/hello\n' +
    '    computeEnvironment: local\n' +
    '    workDir: /work\n' +
    (parts.pipelineLabels === undefined ? '' : `    labels: ${parts.pipelineLabels}\n`)
  );
}

async function writeWorkspace(body: string): Promise<void> {
  await mkdir(path.join(tmp, 'workspaces', ORG), { recursive: true });
  await writeFile(path.join(tmp, 'workspaces', ORG, `${WS}.yaml`), body);
}

async function workspaceId(api: ApiCall): Promise<number> {
  const orgs = (await api('GET', '/orgs')).body as { organizations: { orgId: number; name: string }[] };
  const orgId = orgs.organizations.find((o) => o.name === ORG)?.orgId ?? 0;
  const wss = (await api('GET', `/orgs/${String(orgId)}/workspaces`)).body as {
    workspaces: { id: number; name: string }[];
  };
  return wss.workspaces.find((w) => w.name === WS)?.id ?? 0;
}

interface Attached {
  readonly name: string;
  readonly value: string | null;
}
const refs = (labels: readonly Attached[] | null | undefined): string[] =>
  (labels ?? []).map((l) => (l.value === null ? l.name : `${l.name}=${l.value}`)).sort();

describe('labels on compute environments and pipelines against the emulator', () => {
  const fixture = useEmulator(() => ({ seed, ceCreateDelayMs: 20, ceDeleteDelayMs: 20 }));
  const cli = cliAgainst(fixture, () => tmp);
  const api = () => apiCaller(fixture.emu.endpoint, fixture.emu.token);
  const liveCe = async (): Promise<{ id: string; labels: string[] }> => {
    const query = { workspaceId: await workspaceId(api()), attributes: 'labels' };
    const listed = (await api()('GET', '/compute-envs', { query })).body as {
      computeEnvs: { id: string; name: string; labels: Attached[] | null }[];
    };
    const ce = listed.computeEnvs.find((c) => c.name === 'local');
    return { id: ce?.id ?? '', labels: refs(ce?.labels) };
  };
  const livePipeline = async (): Promise<{ labels: string[]; description: string }> => {
    const query = { workspaceId: await workspaceId(api()), attributes: 'labels' };
    const listed = (await api()('GET', '/pipelines', { query })).body as {
      pipelines: { name: string; description: string; labels: Attached[] | null }[];
    };
    const pipeline = listed.pipelines.find((p) => p.name === 'hello');
    return { labels: refs(pipeline?.labels), description: pipeline?.description ?? '' };
  };
  const writes = (): string[] =>
    fixture.emu
      .requestLog()
      .filter((e) => e.write && e.status < 300)
      .map((e) => `${e.method} ${e.path}`);

  it('creates them labelled; a CE label change replaces it; pipeline labels change in place; an update without labels keeps them', async () => {
    await writeWorkspace(
      workspaceFile({ ceLabels: '[project=ausgen]', pipelineLabels: '[rnaseq, project=ausgen]' }),
    );
    expect((await cli(['validate'])).stdout).toBe('1 file valid\n');
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`+ compute environment ${CE}`);
    expect(planned.stdout).toContain('labels: ["project=ausgen"]');
    expect(planned.stdout).toContain('labels: ["project=ausgen","rnaseq"]');

    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const created = await liveCe();
    expect(created.labels).toEqual(['project=ausgen']);
    expect((await livePipeline()).labels).toEqual(['project=ausgen', 'rnaseq']);
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);

    // A CE's labels are fixed at creation: a change replaces it, shown on the field that forces it.
    await writeWorkspace(
      workspaceFile({
        ceLabels: '[project=ausgen, cost=genomics]',
        pipelineLabels: '[rnaseq, project=ausgen]',
      }),
    );
    const replacing = await cli(['plan', '--no-color']);
    expect(replacing.stdout).toContain(`-/+ compute environment ${CE}`);
    expect(replacing.stdout).toContain(
      'labels: ["project=ausgen"] → ["cost=genomics","project=ausgen"]   # forces replacement',
    );
    fixture.emu.clearRequestLog();
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const replaced = await liveCe();
    expect(replaced.id).not.toBe(created.id);
    expect(replaced.labels).toEqual(['cost=genomics', 'project=ausgen']);
    expect(writes().filter((w) => w.startsWith('POST /compute-envs'))).toHaveLength(1);
    expect((await livePipeline()).labels).toEqual(['project=ausgen', 'rnaseq']);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);

    // A pipeline's labels change in place, through the endpoint that replaces the set.
    await writeWorkspace(
      workspaceFile({ ceLabels: '[project=ausgen, cost=genomics]', pipelineLabels: '[demo]' }),
    );
    const relabel = await cli(['plan', '--no-color']);
    expect(relabel.stdout).toContain(`~ pipeline ${PIPELINE}`);
    expect(relabel.stdout).toContain('labels: ["project=ausgen","rnaseq"] → ["demo"]');
    fixture.emu.clearRequestLog();
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect(writes()).toEqual(['POST /pipelines/labels/apply']);
    expect((await livePipeline()).labels).toEqual(['demo']);

    // Without `labels`, an update leaves the pipeline's and the CE's labels as they are.
    await writeWorkspace(workspaceFile({ description: 'second' }));
    const described = await cli(['plan', '--no-color']);
    expect(described.stdout).not.toContain('labels:');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect(await livePipeline()).toEqual({ labels: ['demo'], description: 'second' });
    expect((await liveCe()).labels).toEqual(['cost=genomics', 'project=ausgen']);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);

    // A replace forced by the config copies the labels the file does not declare.
    await writeWorkspace(workspaceFile({ description: 'second', workDir: '/work2' }));
    const moved = await cli(['plan', '--no-color']);
    expect(moved.stdout).toContain(`-/+ compute environment ${CE}`);
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const copied = await liveCe();
    expect(copied.id).not.toBe(replaced.id);
    expect(copied.labels).toEqual(['cost=genomics', 'project=ausgen']);
  });

  it('a saved plan creates the labels first and attaches them by the ids it learns', async () => {
    await writeWorkspace(workspaceFile({ ceLabels: '[cost=genomics]', pipelineLabels: '[demo, rnaseq]' }));
    const json = await cli(['plan', '--format', 'json', '--out', 'plan.json']);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as {
      actions: { kind: string; address: string; changes: { field: string; to?: unknown }[] }[];
    };
    const labelsOf = (address: string) =>
      document.actions.find((a) => a.address === address)?.changes.find((c) => c.field === 'labels')?.to;
    expect(labelsOf(CE)).toEqual(['cost=genomics']);
    expect(labelsOf(PIPELINE)).toEqual(['demo', 'rnaseq']);
    const markdown = await cli(['plan', '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/labels.*cost=genomics/);
    expect((await cli(['apply', 'plan.json'])).code).toBe(0);
    expect((await liveCe()).labels).toEqual(['cost=genomics']);
    expect((await livePipeline()).labels).toEqual(['demo', 'rnaseq']);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a label that is neither declared nor on the platform blocks the plan, naming it', async () => {
    await writeWorkspace(workspaceFile({ labels: '', ceLabels: '[projekt=ausgen]' }));
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `workspaces/${ORG}/${WS}.yaml:5: compute environment local names label projekt=ausgen, but no label projekt exists in workspace ${WS} on the platform`,
    );
    expect(writes()).toEqual([]);
  });

  it('refuses at its line a label the file does not declare, or names with a value it does not have', async () => {
    await writeWorkspace(workspaceFile({ ceLabels: '[projekt=ausgen]', pipelineLabels: '[project=other]' }));
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(
      `workspaces/${ORG}/${WS}.yaml:12:14: error: labels 'projekt' is not a label of this workspace (declared: project, cost, rnaseq, demo)`,
    );
    expect(validated.stdout).toContain(
      "label 'project=other' does not match label project of this workspace: its value is ausgen, not other",
    );

    await writeWorkspace(workspaceFile({ ceLabels: '[rnaseq]' }));
    const bare = await cli(['validate']);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain(
      `workspaces/${ORG}/${WS}.yaml:12:14: error: labels[0] 'rnaseq' must be a resource label as name=value (a compute environment carries resource labels only)`,
    );

    await writeWorkspace(workspaceFile({ pipelineLabels: '[project=ausgen, project=x1]' }));
    const repeated = await cli(['validate']);
    expect(repeated.code).toBe(1);
    expect(repeated.stdout).toMatch(/lab\.yaml:19:\d+: error: .*duplicate label of pipeline hello 'project'/);
  });
});
