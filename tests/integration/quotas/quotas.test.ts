/**
 * Quota warnings end to end, through the real CLI against the emulator: a
 * plan whose creates would exceed the organisation's quotas warns (per
 * workspace and per organisation) in all three formats and still exits 0;
 * a plan within them does not; a platform that answers 403 or 404 for the
 * quotas gives a note; the quotas are read once per organisation, and only
 * when the plan creates something they count.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorSeed, OrgSeed } from '../../../src/emulator/index.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { useEmulator } from '../../helpers/emulator.js';

const TOKEN = 'quota-token-77d0';
const BOT = 'quota-bot@example.org';
const ORG = 'capped';

function seed(quotas: OrgSeed['quotas']): EmulatorSeed {
  return {
    users: [{ userName: 'quota-bot', email: BOT, token: TOKEN }],
    orgs: [
      {
        name: ORG,
        members: [{ email: BOT, role: 'owner' }],
        ...(quotas === undefined ? {} : { quotas }),
        workspaces: [
          {
            name: 'lab',
            fullName: 'lab',
            participants: [{ email: BOT, role: 'owner' }],
            labels: [{ name: 'alpha' }],
          },
        ],
      },
    ],
  };
}

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-quotas-'));
  await mkdir(path.join(tmp, 'workspaces', ORG), { recursive: true });
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function writeWorkspace(name: string, body: string): Promise<void> {
  await writeFile(
    path.join(tmp, 'workspaces', ORG, `${name}.yaml`),
    `name: ${name}\nfullName: ${name}\n${body}`,
  );
}

/** Three labels in lab (one exists) and a new workspace. */
async function growingEstate(): Promise<void> {
  await writeWorkspace('lab', 'labels:\n  - { name: alpha }\n  - { name: beta }\n  - { name: gamma }\n');
  await writeWorkspace('extra', '');
}

function useCli(quotas: OrgSeed['quotas']) {
  const fixture = useEmulator(() => ({ seed: seed(quotas) }));
  const cli = (args: readonly string[]): Promise<CliResult> =>
    runCli([...args, '--endpoint', fixture.emu.endpoint], {
      env: { TOWER_ACCESS_TOKEN: fixture.emu.token },
      cwd: tmp,
    });
  const quotaReads = (): number => fixture.emu.requestLog().filter((e) => e.path.endsWith('/quotas')).length;
  return { fixture, cli, quotaReads };
}

describe('a plan that exceeds the quotas', () => {
  const { fixture, cli, quotaReads } = useCli({ maxLabelsPerWorkspace: 2, maxWorkspaces: 1, maxMembers: 1 });

  it('warns in the text plan, naming the quota, the workspace, the limit and the count; exits 0', async () => {
    await growingEstate();
    fixture.emu.clearRequestLog();
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('Warning: Quotas this plan would exceed');
    expect(planned.stdout).toContain(
      `maxLabelsPerWorkspace: workspace ${ORG}/lab: 3 labels after this plan (1 now, 2 created), over the maxLabelsPerWorkspace quota of 2`,
    );
    expect(planned.stdout).toContain(
      `maxWorkspaces: organisation ${ORG}: 2 workspaces after this plan (1 now, 1 created), over the maxWorkspaces quota of 1`,
    );
    expect(planned.stdout).not.toContain('maxMembers');
    expect(quotaReads()).toBe(1);
  });

  it('warns in the markdown and JSON plans too', async () => {
    await growingEstate();
    const markdown = await cli(['plan', '--format', 'markdown']);
    expect(markdown.stdout).toContain('> [!WARNING]');
    expect(markdown.stdout).toContain('`maxLabelsPerWorkspace`');
    const json = await cli(['plan', '--format', 'json']);
    const document = JSON.parse(json.stdout) as { warnings?: unknown[] };
    expect(document.warnings).toEqual([
      {
        quota: 'maxWorkspaces',
        org: ORG,
        limit: 1,
        count: 2,
        message: expect.stringContaining('over the maxWorkspaces quota of 1') as string,
      },
      {
        quota: 'maxLabelsPerWorkspace',
        org: ORG,
        workspace: 'lab',
        limit: 2,
        count: 3,
        message: expect.stringContaining('3 labels after this plan') as string,
      },
    ]);
  });

  it('counts the deletes of the plan: a pruned label makes room', async () => {
    await writeWorkspace('lab', 'prune: true\nlabels:\n  - { name: beta }\n  - { name: gamma }\n');
    const planned = await cli(['plan', '--no-color']);
    expect(planned.stdout).toContain(`- label ${ORG}/lab/labels/alpha`);
    expect(planned.stdout).not.toContain('Warning');
  });

  it('does not read the quotas when the plan creates nothing they count', async () => {
    await writeWorkspace('lab', 'labels:\n  - { name: alpha }\n');
    fixture.emu.clearRequestLog();
    const planned = await cli(['plan', '--detailed-exitcode']);
    expect(planned.code).toBe(0);
    expect(quotaReads()).toBe(0);
  });
});

describe('a plan within the quotas', () => {
  const { cli } = useCli({ maxLabelsPerWorkspace: 3, maxWorkspaces: 2 });

  it('gives no warning', async () => {
    await growingEstate();
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).not.toContain('Warning');
    expect(planned.stdout).not.toContain('maxLabelsPerWorkspace');
    const json = JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as { warnings?: unknown };
    expect(json.warnings).toBeUndefined();
  });
});

describe.each([
  ['forbidden', 403],
  ['absent', 404],
] as const)('a platform whose quotas answer %s', (quotas, status) => {
  const { cli } = useCli(quotas);

  it(`notes that the quotas were not checked (${String(status)}), and plans as usual`, async () => {
    await growingEstate();
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(
      new RegExp(
        `quotas of organisation ${ORG} not checked: the platform answered ${String(status)} to GET /orgs/\\d+/quotas`,
      ),
    );
    expect(planned.stdout).not.toContain('Warning');
    expect(planned.stdout).toContain('Plan: 3 to add');
  });
});

describe('datasets and custom roles count toward their quotas', () => {
  const { cli } = useCli({ maxDatasetsPerWorkspace: 1, maxCustomRolesPerOrg: 1 });

  it('warns for two datasets in a workspace and two custom roles in the organisation', async () => {
    const sheets = path.join(tmp, 'workspaces', ORG, 'datasets', 'lab');
    await mkdir(sheets, { recursive: true });
    await writeFile(path.join(sheets, 'a.csv'), 'sample\nS1\n');
    await writeFile(path.join(sheets, 'b.csv'), 'sample\nS2\n');
    await writeWorkspace(
      'lab',
      'datasets:\n  - { name: samples-a, file: a.csv }\n  - { name: samples-b, file: b.csv }\n',
    );
    const role = (name: string): string =>
      `  - { name: ${name}, description: Runs pipelines, permissions: [pipeline:read, pipeline:execute] }\n`;
    await writeFile(
      path.join(tmp, 'workspaces', ORG, 'organization.yaml'),
      `name: ${ORG}\nroles:\n${role('runner-a')}${role('runner-b')}`,
    );
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(
      `maxDatasetsPerWorkspace: workspace ${ORG}/lab: 2 datasets after this plan (0 now, 2 created), over the maxDatasetsPerWorkspace quota of 1`,
    );
    expect(planned.stdout).toContain(
      `maxCustomRolesPerOrg: organisation ${ORG}: 2 custom roles after this plan (0 now, 2 created), over the maxCustomRolesPerOrg quota of 1`,
    );
  });
});
