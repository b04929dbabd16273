/**
 * Workspace Studios settings end to end, through the real CLI against the
 * emulator: validate → plan → apply → plan shows no changes; only the
 * declared fields are compared and sent (the others keep their live
 * values); an update in place; the plan in all three formats; a saved plan;
 * a workspace created with its settings; export → validate → plan shows no
 * changes; a bad value refused with file:line. The emulator's settings,
 * read through its API, are the witness.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';

const TOKEN = 'studios-token-5a17';
const BOT = 'studios-bot@example.org';
const ORG = 'studio-org';
const WS = 'lab';
const NO_CHANGES = 'No changes. The platform matches the configuration.';

const SEED: EmulatorSeed = {
  users: [{ userName: 'studios-bot', email: BOT, token: TOKEN }],
  orgs: [
    {
      name: ORG,
      members: [{ email: BOT, role: 'owner' }],
      workspaces: [
        {
          name: WS,
          fullName: 'Lab',
          participants: [{ email: BOT, role: 'owner' }],
          studios: { lifespanHours: 8, privateStudioByDefault: false, nameStrategy: 'tagPrefix' },
        },
      ],
    },
  ],
};

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-studios-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function writeWorkspace(body: string, name = WS): Promise<void> {
  await mkdir(path.join(tmp, 'workspaces', ORG), { recursive: true });
  await writeFile(path.join(tmp, 'workspaces', ORG, `${name}.yaml`), `name: ${name}\nfullName: Lab\n${body}`);
}

interface LiveSettings {
  readonly lifespanHours: number;
  readonly privateStudioByDefault: boolean;
  readonly containerRepository: string | null;
  readonly nameStrategy: string | null;
}

async function liveSettings(api: ApiCall, name = WS): Promise<LiveSettings> {
  const orgs = (await api('GET', '/orgs')).body as { organizations: { orgId: number; name: string }[] };
  const orgId = orgs.organizations.find((o) => o.name === ORG)?.orgId ?? 0;
  const wss = (await api('GET', `/orgs/${String(orgId)}/workspaces`)).body as {
    workspaces: { id: number; name: string }[];
  };
  const wsId = wss.workspaces.find((w) => w.name === name)?.id ?? 0;
  const { body } = await api('GET', `/orgs/${String(orgId)}/workspaces/${String(wsId)}/settings/studios`);
  const settings = body as LiveSettings;
  return {
    lifespanHours: settings.lifespanHours,
    privateStudioByDefault: settings.privateStudioByDefault,
    containerRepository: settings.containerRepository,
    nameStrategy: settings.nameStrategy,
  };
}

describe('Studios settings against the emulator', () => {
  const fixture = useEmulator(() => ({ seed: SEED }));
  const cli = cliAgainst(fixture, () => tmp);
  const api = () => apiCaller(fixture.emu.endpoint, fixture.emu.token);

  it('validate → plan → apply → no changes; only the declared fields are sent; then an update in place', async () => {
    await writeWorkspace(
      'studios:\n  lifespanHours: 24\n  containerRepository: cr.example.org/lab/studios\n',
    );
    expect((await cli(['validate'])).stdout).toBe('1 file valid\n');

    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`~ Studios settings ${ORG}/${WS}/studios`);
    expect(planned.stdout).toContain('lifespanHours: 8 → 24');
    expect(planned.stdout).toContain('containerRepository: (none) → "cr.example.org/lab/studios"');
    expect(planned.stdout).not.toContain('privateStudioByDefault');
    expect(planned.stdout).toContain('Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.');

    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect(await liveSettings(api())).toEqual({
      lifespanHours: 24,
      privateStudioByDefault: false,
      containerRepository: 'cr.example.org/lab/studios',
      nameStrategy: 'tagPrefix',
    });
    const again = await cli(['plan', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);

    await writeWorkspace('studios:\n  privateStudioByDefault: true\n');
    const update = await cli(['plan', '--no-color']);
    expect(update.stdout).toContain('privateStudioByDefault: false → true');
    expect(update.stdout).not.toContain('lifespanHours');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect(await liveSettings(api())).toEqual({
      lifespanHours: 24,
      privateStudioByDefault: true,
      containerRepository: 'cr.example.org/lab/studios',
      nameStrategy: 'tagPrefix',
    });
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('leaves the settings alone when the file has no studios key (not even read)', async () => {
    await writeWorkspace('');
    fixture.emu.clearRequestLog();
    const planned = await cli(['plan', '--detailed-exitcode']);
    expect(planned.code).toBe(0);
    expect(fixture.emu.requestLog().some((e) => e.path.endsWith('/settings/studios'))).toBe(false);
  });

  it('shows the update in the markdown and JSON plans, and a saved plan applies it', async () => {
    await writeWorkspace('studios:\n  lifespanHours: 0\n');
    const markdown = await cli(['plan', '--format', 'markdown']);
    expect(markdown.stdout).toContain(`Studios settings ${ORG}/${WS}/studios`);
    expect(markdown.stdout).toContain('lifespanHours');
    const json = await cli(['plan', '--format', 'json']);
    const document = JSON.parse(json.stdout) as {
      actions: { kind: string; type: string; address: string; changes: unknown[] }[];
    };
    expect(document.actions.map((a) => [a.kind, a.type, a.address, a.changes])).toEqual([
      ['studiosSettings', 'update', `${ORG}/${WS}/studios`, [{ field: 'lifespanHours', from: 8, to: 0 }]],
    ]);
    expect((await cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    expect((await cli(['apply', 'plan.json'])).code).toBe(0);
    expect((await liveSettings(api())).lifespanHours).toBe(0);
  });

  it('a saved plan is stale when the settings changed on the platform since', async () => {
    await writeWorkspace('studios:\n  lifespanHours: 12\n');
    expect((await cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    const orgs = (await api()('GET', '/orgs')).body as { organizations: { orgId: number; name: string }[] };
    const orgId = orgs.organizations.find((o) => o.name === ORG)?.orgId ?? 0;
    const wss = (await api()('GET', `/orgs/${String(orgId)}/workspaces`)).body as {
      workspaces: { id: number; name: string }[];
    };
    const wsId = wss.workspaces.find((w) => w.name === WS)?.id ?? 0;
    await api()('PUT', `/orgs/${String(orgId)}/workspaces/${String(wsId)}/settings/studios`, {
      body: { privateStudioByDefault: true },
    });
    const applied = await cli(['apply', 'plan.json']);
    expect(applied.code).toBe(1);
    expect(applied.stdout + applied.stderr).toContain('stale plan');
    expect((await liveSettings(api())).lifespanHours).toBe(8);
  });

  it('sets the declared settings of a workspace the same plan creates', async () => {
    await writeWorkspace('');
    await writeWorkspace('studios:\n  privateStudioByDefault: true\n', 'fresh');
    const planned = await cli(['plan', '--no-color']);
    expect(planned.stdout).toContain(`+ workspace ${ORG}/fresh`);
    expect(planned.stdout).toContain(`~ Studios settings ${ORG}/fresh/studios`);
    expect(planned.stdout).toContain('set once the workspace is created');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect((await liveSettings(api(), 'fresh')).privateStudioByDefault).toBe(true);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('export → validate → plan shows no changes', async () => {
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'out']);
    expect(exported.code).toBe(0);
    const text = await readFile(path.join(tmp, 'out', ORG, `${WS}.yaml`), 'utf8');
    expect(text).toContain('studios:\n  lifespanHours: 8\n  privateStudioByDefault: false\n');
    expect((await cli(['validate', '--config-dir', 'out'])).code).toBe(0);
    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(planned.stdout).toContain(NO_CHANGES);
    expect(planned.code).toBe(0);
  });

  it('refuses a variable in the container repository: variables are resolved only in credential keys and secret values', async () => {
    await writeWorkspace('studios:\n  containerRepository: cr.example.org/${REPO_PATH}\n');
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`workspaces/${ORG}/${WS}.yaml:4:`);
    expect(validated.stdout).toContain('variables are resolved only in credential keys and secret values');
  });

  it('refuses a negative lifespan and an unknown field, naming the file and line', async () => {
    await writeWorkspace('studios:\n  lifespanHours: -1\n  lifespanHour: 3\n');
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`workspaces/${ORG}/${WS}.yaml:4:`);
    expect(validated.stdout).toContain('lifespanHours');
    expect(validated.stdout).toContain(`workspaces/${ORG}/${WS}.yaml:5:`);
    expect(validated.stdout).toMatch(/did you mean.*lifespanHours/);
  });
});
