/**
 * Workspace labels end to end, through the real CLI against the emulator:
 * validate → plan → apply → plan shows no changes; an update in place; a
 * label made by hand is drift, then pruned; a dynamic value that the file
 * would change blocks the plan; the plan in all three formats; export →
 * validate → plan shows no changes (a dynamic label is left out and
 * ignored). The emulator's store, read through its API, is the witness.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';
import { useWorkspaceDir, workspaceIdOf } from '../../helpers/workspace-dir.js';

const TOKEN = 'labels-token-8e21';
const BOT = 'label-bot@example.org';
const ORG = 'tagged';
const WS = 'lab';
const NO_CHANGES = 'No changes. The platform matches the configuration.';

function seed(
  labels: NonNullable<NonNullable<EmulatorSeed['orgs']>[number]['workspaces']>[number]['labels'],
) {
  return {
    users: [{ userName: 'label-bot', email: BOT, token: TOKEN }],
    orgs: [
      {
        name: ORG,
        members: [{ email: BOT, role: 'owner' as const }],
        workspaces: [
          {
            name: WS,
            fullName: 'Lab',
            participants: [{ email: BOT, role: 'owner' }],
            ...(labels === undefined ? {} : { labels }),
          },
        ],
      },
    ],
  } satisfies EmulatorSeed;
}

const config = useWorkspaceDir('labels', ORG, WS, 'Lab');
const { writeWorkspace } = config;

function workspaceId(api: ApiCall): Promise<number> {
  return workspaceIdOf(api, ORG, WS);
}

interface LiveLabel {
  readonly id: number;
  readonly name: string;
  readonly value: string | null;
  readonly resource: boolean;
  readonly isDefault: boolean;
}

describe('workspace labels against the emulator', () => {
  const fixture = useEmulator(() => ({ seed: seed([]) }));
  const cli = cliAgainst(fixture, () => config.root);
  const api = () => apiCaller(fixture.emu.endpoint, fixture.emu.token);
  const liveLabels = async (): Promise<LiveLabel[]> => {
    const listed = (await api()('GET', '/labels', { query: { workspaceId: await workspaceId(api()) } }))
      .body as { labels: LiveLabel[] };
    return listed.labels.sort((a, b) => a.name.localeCompare(b.name));
  };
  const shape = (labels: readonly LiveLabel[]) =>
    labels.map((l) => [l.name, l.value, l.resource, l.isDefault] as const);

  it('validate → plan → apply → plan shows no changes; then a value changes in place', async () => {
    await writeWorkspace(
      'labels:\n  - { name: project, value: ausgen, resource: true, default: true }\n  - { name: rnaseq }\n',
    );
    const validated = await cli(['validate']);
    expect(validated.stdout).toBe('1 file valid\n');

    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`+ label ${ORG}/${WS}/labels/project`);
    expect(planned.stdout).toContain(`+ label ${ORG}/${WS}/labels/rnaseq`);

    const applied = await cli(['apply', '--yes', '--no-color']);
    expect(applied.code).toBe(0);
    expect(shape(await liveLabels())).toEqual([
      ['project', 'ausgen', true, true],
      ['rnaseq', null, false, false],
    ]);
    const again = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);

    const before = (await liveLabels()).find((l) => l.name === 'project')?.id;
    await writeWorkspace(
      'labels:\n  - { name: project, value: genomics, resource: true }\n  - { name: rnaseq }\n',
    );
    const update = await cli(['plan', '--no-color']);
    expect(update.stdout).toContain(`~ label ${ORG}/${WS}/labels/project`);
    expect(update.stdout).toContain(
      '      # default, value differ from the platform\n      default: true → false\n      value: "ausgen" → "genomics"\n',
    );
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const after = (await liveLabels()).find((l) => l.name === 'project');
    expect(after).toMatchObject({ id: before, value: 'genomics', isDefault: false });
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a label made by hand is drift with the ignore hint, and is deleted with prune', async () => {
    await writeWorkspace('labels:\n  - { name: rnaseq }\n');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    await api()('POST', '/labels', {
      query: { workspaceId: await workspaceId(api()) },
      body: { name: 'by-hand', resource: false, isDefault: false },
    });

    const drift = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(`${ORG}/${WS}/labels/by-hand`);
    expect(drift.stdout).toContain('prune is off for labels');
    expect(drift.stdout).toContain('list it under ignore: { labels: […] } in the workspace file');

    await writeWorkspace('prune: { labels: true }\nlabels:\n  - { name: rnaseq }\n');
    const pruning = await cli(['plan', '--no-color']);
    expect(pruning.stdout).toContain(`- label ${ORG}/${WS}/labels/by-hand`);
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect((await liveLabels()).map((l) => l.name)).toEqual(['rnaseq']);
  });

  it('shows labels in the markdown and JSON plans', async () => {
    await writeWorkspace('labels:\n  - { name: project, value: ausgen, resource: true }\n');
    const markdown = await cli(['plan', '--format', 'markdown']);
    expect(markdown.stdout).toContain(`label ${ORG}/${WS}/labels/project`);
    const json = await cli(['plan', '--format', 'json']);
    const document = JSON.parse(json.stdout) as {
      actions: { kind: string; type: string; address: string }[];
    };
    expect(document.actions.map((a) => [a.kind, a.type, a.address])).toEqual([
      ['label', 'create', `${ORG}/${WS}/labels/project`],
    ]);
  });

  it('a saved plan applies the label actions it holds', async () => {
    await writeWorkspace('labels:\n  - { name: project, value: ausgen, resource: true }\n');
    expect((await cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    const applied = await cli(['apply', 'plan.json']);
    expect(applied.code).toBe(0);
    expect(shape(await liveLabels())).toEqual([['project', 'ausgen', true, false]]);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('refuses a file whose simple label has a value, naming the file and line', async () => {
    await writeWorkspace('labels:\n  - { name: rnaseq, value: x1 }\n');
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toBe(
      `workspaces/${ORG}/${WS}.yaml:4:5: error: labels[0]: a simple label has only a name (no value, never default); ` +
        "a resource label has 'resource: true' and a value (/labels/0)\n1 error in 1 file\n",
    );
  });
});

describe('labels with a dynamic value', () => {
  const fixture = useEmulator(() => ({
    seed: seed([
      { name: 'run-id', value: '${workflowId}', resource: true },
      { name: 'project', value: 'ausgen', resource: true, isDefault: true },
      { name: 'rnaseq' },
    ]),
  }));
  const cli = cliAgainst(fixture, () => config.root);

  it('blocks a plan that would change a dynamic value', async () => {
    await writeWorkspace('labels:\n  - { name: run-id, value: fixed, resource: true }\n');
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      'label run-id has a dynamic value on the platform (${workflowId}), which cannot be changed in place',
    );
  });

  it('export → validate → plan shows no changes; the dynamic label is left out and ignored', async () => {
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'out']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`${ORG}/${WS}/labels/run-id: not exported (its value is dynamic)`);
    const text = await readFile(path.join(config.root, 'out', ORG, `${WS}.yaml`), 'utf8');
    expect(text).toContain(
      'labels:\n  - { name: project, value: ausgen, resource: true, default: true }\n  - { name: rnaseq }\n',
    );
    expect(text).toMatch(/ignore:\n {2}labels: \[run-id\]/);

    expect((await cli(['validate', '--config-dir', 'out'])).code).toBe(0);
    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(planned.stdout).toContain(NO_CHANGES);
    expect(planned.code).toBe(0);
  });
});
