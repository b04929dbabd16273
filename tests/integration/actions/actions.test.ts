/**
 * Pipeline actions end to end, through the real CLI against the emulator:
 * validate → plan → apply → plan shows no changes (a cron, a GitHub and a
 * tower action, with labels and a compute environment); the GitHub hook URL
 * in the apply output; updates in place (schedule, revision, labels) that
 * keep the labels; a source change replaces; an action made by hand is
 * drift, then pruned; the plan in all three formats; export → validate →
 * plan shows no changes. The emulator's API is the witness.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';
import { useWorkspaceDir, workspaceIdOf } from '../../helpers/workspace-dir.js';

const TOKEN = 'actions-token-5c07';
const BOT = 'action-bot@example.org';
const ORG = 'automated';
const WS = 'nightly';
const NO_CHANGES = 'No changes. The platform matches the configuration.';

const seed = {
  users: [{ userName: 'action-bot', email: BOT, token: TOKEN }],
  orgs: [
    {
      name: ORG,
      members: [{ email: BOT, role: 'owner' as const }],
      workspaces: [
        {
          name: WS,
          fullName: 'Nightly',
          participants: [{ email: BOT, role: 'owner' }],
          credentials: [{ name: 'aws-main', provider: 'aws', keys: { accessKey: 'AKIAEXAMPLE' } }],
          computeEnvironments: [
            {
              name: 'aws-sydney',
              platform: 'aws-batch',
              credentials: 'aws-main',
              config: { region: 'ap-southeast-2', workDir: 's3://work/scratch' },
            },
          ],
        },
      ],
    },
  ],
} satisfies EmulatorSeed;

const LABELS = 'labels:\n  - { name: rnaseq }\n  - { name: nightly }\n';
const CRON = [
  '  - name: rnaseq-nightly',
  '    source: cron',
  '    cron: { expression: "0 2 * * *", timezone: Australia/Sydney }',
  '    url: https://github.com/nf-core/rnaseq',
  '    revision: 3.14.0',
  '    computeEnvironment: aws-sydney',
  '    workDir: s3://work/scratch',
  '    params: { outdir: s3://results/nightly }',
  '    labels: [rnaseq, nightly]',
].join('\n');
const GITHUB = [
  '  - name: on-push',
  '    source: github',
  '    url: https://github.com/nf-core/rnaseq',
  '    computeEnvironment: aws-sydney',
  '    workDir: s3://work/scratch',
].join('\n');
const TOWER = [
  '  - name: by-hand',
  '    source: tower',
  '    url: https://github.com/nf-core/sarek',
  '    computeEnvironment: aws-sydney',
  '    workDir: s3://work/scratch',
  '    profiles: [test]',
].join('\n');

const config = useWorkspaceDir('actions', ORG, WS, 'Nightly');
const { writeWorkspace } = config;

function workspaceId(api: ApiCall): Promise<number> {
  return workspaceIdOf(api, ORG, WS);
}

interface LiveAction {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly hookUrl: string | null;
  readonly config: { readonly expression?: string; readonly timezone?: string };
  readonly labels: readonly { readonly name: string }[];
  readonly launch: {
    readonly pipeline: string;
    readonly revision: string | null;
    readonly computeEnv: { readonly name: string } | null;
  };
}

describe('pipeline actions against the emulator', () => {
  const fixture = useEmulator(() => ({ seed }));
  const cli = cliAgainst(fixture, () => config.root);
  const api = () => apiCaller(fixture.emu.endpoint, fixture.emu.token);
  const liveActions = async (): Promise<LiveAction[]> => {
    const wsId = await workspaceId(api());
    const listed = (await api()('GET', '/actions', { query: { workspaceId: wsId } })).body as {
      actions: { id: string }[];
    };
    const described = await Promise.all(
      listed.actions.map(
        async (a) =>
          (
            (await api()('GET', `/actions/${a.id}`, { query: { workspaceId: wsId, attributes: 'labels' } }))
              .body as { action: LiveAction }
          ).action,
      ),
    );
    return described.sort((a, b) => a.name.localeCompare(b.name));
  };
  const labelNames = (a: LiveAction | undefined) => (a?.labels ?? []).map((l) => l.name).sort();

  it('validate → plan → apply → plan shows no changes; the GitHub hook URL is reported', async () => {
    await writeWorkspace(`${LABELS}actions:\n${CRON}\n${GITHUB}\n${TOWER}\n`);
    const validated = await cli(['validate']);
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toBe('1 file valid\n');

    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    for (const name of ['rnaseq-nightly', 'on-push', 'by-hand']) {
      expect(planned.stdout).toContain(`+ pipeline action ${ORG}/${WS}/actions/${name}`);
    }
    expect(planned.stdout).toContain('cron.expression');

    const applied = await cli(['apply', '--yes', '--no-color']);
    expect(applied.stderr).not.toContain('failed');
    expect(applied.code).toBe(0);
    const live = await liveActions();
    expect(live.map((a) => [a.name, a.source])).toEqual([
      ['by-hand', 'tower'],
      ['on-push', 'github'],
      ['rnaseq-nightly', 'cron'],
    ]);
    const nightly = live.find((a) => a.name === 'rnaseq-nightly');
    expect(nightly?.config).toMatchObject({ expression: '0 2 * * *', timezone: 'Australia/Sydney' });
    expect(nightly?.launch.computeEnv?.name).toBe('aws-sydney');
    expect(labelNames(nightly)).toEqual(['nightly', 'rnaseq']);
    const hook = live.find((a) => a.name === 'on-push')?.hookUrl;
    expect(hook).toMatch(/^https:\/\/api\.github\.com\/repos\/nf-core\/rnaseq\/hooks\/\d+$/);
    expect(applied.stdout + applied.stderr).toContain(`GitHub hook: ${hook ?? ''}`);

    const again = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);
  });

  it('updates the schedule, revision and labels in place, and an update that does not name labels keeps them', async () => {
    await writeWorkspace(`${LABELS}actions:\n${CRON}\n`);
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const before = (await liveActions())[0];

    await writeWorkspace(
      `${LABELS}actions:\n${CRON.replace('0 2 * * *', '30 3 * * 1').replace('3.14.0', '3.15.0').replace('labels: [rnaseq, nightly]', 'labels: [rnaseq]')}\n`,
    );
    const plan = await cli(['plan', '--no-color']);
    expect(plan.stdout).toContain(`~ pipeline action ${ORG}/${WS}/actions/rnaseq-nightly`);
    expect(plan.stdout).toContain('cron.expression');
    expect(plan.stdout).toContain('launch.revision');
    expect(plan.stdout).toContain('labels');
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const after = (await liveActions())[0];
    expect(after?.id).toBe(before?.id);
    expect(after?.config.expression).toBe('30 3 * * 1');
    expect(after?.launch.revision).toBe('3.15.0');
    expect(labelNames(after)).toEqual(['rnaseq']);

    // No `labels:` on the action: its labels are not managed, and an update keeps them.
    await writeWorkspace(
      `${LABELS}actions:\n${CRON.replace('0 2 * * *', '0 4 * * *').replace('    labels: [rnaseq, nightly]\n', '').replace('\n    labels: [rnaseq, nightly]', '')}\n`,
    );
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const kept = (await liveActions())[0];
    expect(kept?.config.expression).toBe('0 4 * * *');
    expect(labelNames(kept)).toEqual(['rnaseq']);
    const again = await cli(['plan', '--no-color']);
    expect(again.stdout).toContain(NO_CHANGES);
  });

  it('a changed source replaces the action (the old one deleted, a new one of the same name)', async () => {
    await writeWorkspace(`actions:\n${TOWER}\n`);
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const before = (await liveActions())[0];
    await writeWorkspace(`actions:\n${TOWER.replace('source: tower', 'source: github')}\n`);
    const plan = await cli(['plan', '--no-color']);
    expect(plan.stdout).toContain(`-/+ pipeline action ${ORG}/${WS}/actions/by-hand`);
    expect(plan.stdout).toContain('source cannot change in place');
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const after = await liveActions();
    expect(after.map((a) => [a.name, a.source])).toEqual([['by-hand', 'github']]);
    expect(after[0]?.id).not.toBe(before?.id);
  });

  it('an action made by hand is drift; with prune it is deleted', async () => {
    const wsId = await workspaceId(api());
    const ce = (
      (await api()('GET', '/compute-envs', { query: { workspaceId: wsId } })).body as {
        computeEnvs: { id: string }[];
      }
    ).computeEnvs[0]?.id;
    await api()('POST', '/actions', {
      query: { workspaceId: wsId },
      body: {
        name: 'handmade',
        source: 'tower',
        launch: { pipeline: 'https://github.com/nf-core/viralrecon', computeEnvId: ce, workDir: 's3://w' },
      },
    });
    await writeWorkspace(`actions:\n${TOWER}\n`);
    const drift = await cli(['plan', '--no-color']);
    expect(drift.stdout).toContain(`${ORG}/${WS}/actions/handmade`);
    expect(drift.stdout).toContain('ignore');
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    expect((await liveActions()).map((a) => a.name)).toEqual(['by-hand', 'handmade']);

    await writeWorkspace(`prune: { actions: true }\nactions:\n${TOWER}\n`);
    const pruned = await cli(['plan', '--no-color']);
    expect(pruned.stdout).toContain(`- pipeline action ${ORG}/${WS}/actions/handmade`);
    expect((await cli(['apply', '--yes', '--no-color', '--allow-deletions'])).code).toBe(0);
    expect((await liveActions()).map((a) => a.name)).toEqual(['by-hand']);
  });

  it('shows the actions in the markdown and JSON plans', async () => {
    await writeWorkspace(`${LABELS}actions:\n${CRON}\n`);
    const markdown = await cli(['plan', '--format', 'markdown']);
    expect(markdown.stdout).toContain(`${ORG}/${WS}/actions/rnaseq-nightly`);
    const json = await cli(['plan', '--format', 'json']);
    const plan = JSON.parse(json.stdout) as {
      actions: { kind: string; type: string; name: string; changes: { field: string }[] }[];
    };
    const action = plan.actions.find((a) => a.kind === 'pipelineAction');
    expect(action?.type).toBe('create');
    expect(action?.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['cron.expression', 'cron.timezone', 'labels', 'launch.pipeline', 'source']),
    );
  });

  it('refuses a label that is neither declared nor on the platform, naming the file and line', async () => {
    await writeWorkspace(`actions:\n${CRON}\n`);
    const plan = await cli(['plan', '--no-color']);
    expect(plan.code).toBe(1);
    expect(plan.stdout + plan.stderr).toContain(
      'names label rnaseq, but no label rnaseq exists in workspace',
    );
    expect(plan.stdout + plan.stderr).toContain(`${ORG}/${WS}.yaml:4`);
  });

  it('export → validate → plan shows no changes; a resource label is written as name=value', async () => {
    const labels = `${LABELS}  - { name: cost, value: lab, resource: true }\n`;
    const tower = `${TOWER}\n    labels: [cost=lab, nightly]`;
    await writeWorkspace(`${labels}actions:\n${CRON}\n${GITHUB}\n${tower}\n`);
    const planned = (await cli(['plan', '--no-color'])).stdout;
    expect(planned).toContain('labels: ["cost=lab","nightly"]');
    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'exported']);
    expect(exported.code).toBe(0);
    const text = await readFile(path.join(config.root, 'exported', ORG, `${WS}.yaml`), 'utf8');
    expect(exported.stderr).not.toContain('/actions/');
    expect(text).toContain('actions:');
    expect(text).toContain('source: cron');
    expect(text).toContain('expression: 0 2 * * *');
    expect(text).toMatch(/name: by-hand\n(?:.*\n)*? {4}labels: \[cost=lab, nightly\]\n/);
    expect((await cli(['validate', '--config-dir', 'exported'])).code).toBe(0);
    const plan = await cli(['plan', '--no-color', '--config-dir', 'exported', '--detailed-exitcode']);
    expect(plan.stdout).toContain(NO_CHANGES);
    expect(plan.code).toBe(0);
  });
});
