/**
 * `plan --out FILE` then `apply FILE`: a reviewed plan is applied
 * exactly, without a prompt, and refused as stale — with no writes — when
 * the platform, the endpoint or a variable its secrets come from changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import { useEmulator, type ApiCall } from '../../helpers/emulator.js';
import {
  convergedSeed,
  DRIFT,
  driftedSeed,
  editWorkspace,
  estateCopy,
  EXTRAS,
  FAST_CE,
  loadEstate,
  ORG,
  sync,
  useTempDir,
  VARIABLES,
  varsJson,
  withHandAddedParticipants,
  writes,
} from './support.js';

const converged = await convergedSeed(await loadEstate());
const shared = `${ORG}/${DRIFT.sharedWorkspace}`;
const curator = `${shared}/participants/${DRIFT.roleChanged}`;
const sentieon = `${ORG}/ausgen/secrets/SENTIEON_LICENSE`;
const PLAN_FILE = 'reviewed.plan.json';

/** The curator's role raised by hand, and ausgen's pipeline secret deleted by hand (read from a variable). */
const seed: EmulatorSeed = editWorkspace(
  editWorkspace(converged, DRIFT.sharedWorkspace, (ws) => ({
    ...ws,
    participants: (ws.participants ?? []).map((p) =>
      p.email === DRIFT.roleChanged ? { ...p, role: 'admin' } : p,
    ),
  })),
  'ausgen',
  (ws) => ({ ...ws, secrets: [] }),
);

/** Changes a participant's role directly through the platform's API, as someone in the web UI would. */
async function setRole(api: ApiCall, workspace: string, email: string, role: string): Promise<void> {
  const orgs = (await api('GET', '/orgs')).body.organizations as { orgId: number; name: string }[];
  const orgId = orgs.find((o) => o.name === ORG)?.orgId;
  const wss = (await api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces as {
    id: number;
    name: string;
  }[];
  const wsId = wss.find((w) => w.name === workspace)?.id;
  const base = `/orgs/${orgId}/workspaces/${wsId}/participants`;
  const participants = (await api('GET', base, { query: { max: 100 } })).body.participants as {
    participantId: number;
    email?: string;
  }[];
  const participantId = participants.find((p) => p.email === email)?.participantId;
  const response = await api('PUT', `${base}/${participantId}/role`, { body: { role } });
  expect(response.status).toBe(204);
}

describe('apply of a saved plan', () => {
  const fx = useEmulator({ ...FAST_CE, seed });
  const tmp = useTempDir();

  it('applies exactly the reviewed plan without asking, and converges', async () => {
    const planned = await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('Plan: 1 to add, 1 to change, 0 to replace, 0 to destroy.');

    const confirm = vi.fn(() => Promise.resolve(false));
    const applied = await sync(fx.emu, ['apply', PLAN_FILE], { cwd: tmp.path, confirm });

    expect(applied.stderr).not.toMatch(/Error|Warning/);
    expect(applied.code).toBe(0);
    expect(confirm).not.toHaveBeenCalled();
    expect(applied.stdout).toContain(`~ ${curator}: updated`);
    expect(applied.stdout).toContain(`+ ${sentieon}: created`);
    expect(applied.stdout).toContain('Apply complete: 1 added, 1 changed, 0 replaced, 0 destroyed, 0 failed');
    const next = await sync(fx.emu, ['plan', '--detailed-exitcode']);
    expect(next.code).toBe(0);
  });

  it('is not stale when only objects outside the plan changed', async () => {
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    await setRole(fx.api, DRIFT.madeShared, 'visiting.ecologist@example.org', 'launch');

    const applied = await sync(fx.emu, ['apply', PLAN_FILE], { cwd: tmp.path });

    expect(applied.stderr).not.toContain('stale');
    expect(applied.code).toBe(0);
  });

  it('refuses as stale, writing nothing, when a live object of the plan changed since', async () => {
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    await setRole(fx.api, DRIFT.sharedWorkspace, DRIFT.roleChanged, 'view');
    fx.emu.clearRequestLog();

    const applied = await sync(fx.emu, ['apply', PLAN_FILE], { cwd: tmp.path });

    expect(applied.code).toBe(1);
    expect(applied.stdout).toBe('');
    expect(applied.stderr).toContain('Error: stale plan: re-run plan');
    expect(applied.stderr).toContain(curator);
    expect(writes(fx.emu)).toEqual([]);
  });

  it('refuses as stale, writing nothing, when a variable its secrets come from changed', async () => {
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    fx.emu.clearRequestLog();
    const rotated = { ...VARIABLES, AUSGEN_SENTIEON_LICENSE: 'sentieon-Rotated-Secret-0b1c2d' };

    const applied = await sync(fx.emu, ['apply', PLAN_FILE], {
      cwd: tmp.path,
      env: { SEQERA_SYNC_VARS: varsJson(rotated) },
    });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('Error: stale plan: re-run plan');
    expect(applied.stderr).toContain('AUSGEN_SENTIEON_LICENSE');
    expect(applied.stderr).not.toContain('sentieon-Rotated-Secret-0b1c2d');
    expect(writes(fx.emu)).toEqual([]);
  });

  it('refuses --allow-deletions (the overrides are recorded in the plan), before any request', async () => {
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    fx.emu.clearRequestLog();

    const applied = await sync(fx.emu, ['apply', PLAN_FILE, '--allow-deletions'], { cwd: tmp.path });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('a saved plan is applied with the overrides it was made with');
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('says clearly when the plan file cannot be read', async () => {
    const applied = await sync(fx.emu, ['apply', 'no-such.plan.json'], { cwd: tmp.path });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toBe(
      `Error: cannot read the saved plan ${join(tmp.path, 'no-such.plan.json')}: ENOENT\n`,
    );
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('applies the plan as reviewed when the YAML changed since, with a warning', async () => {
    const configDir = await estateCopy(tmp.path);
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path, configDir });
    await estateCopy(join(tmp.path, 'edited'), {
      'biocommons/marine-omics.yaml': (text) =>
        text.replace('fullName: Marine Omics Community (Pawsey Setonix)', 'fullName: Marine Omics (renamed)'),
    });

    const applied = await sync(fx.emu, ['apply', PLAN_FILE], {
      cwd: tmp.path,
      configDir: join(tmp.path, 'edited', 'workspaces'),
    });

    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain('Warning: the configuration changed since this plan was made');
    expect(applied.stdout).toContain('1 added, 1 changed, 0 replaced, 0 destroyed');
    expect(applied.stdout).not.toContain(`${ORG}/${DRIFT.madeShared}:`);
  });
});

describe('a saved plan and --workspace', () => {
  const fx = useEmulator({ ...FAST_CE, seed: driftedSeed(converged) });
  const tmp = useTempDir();
  const marine = `${ORG}/${DRIFT.madeShared}`;

  /** Ids of the workspaces the requests so far were about. */
  function workspacesTouched(): string[] {
    const ids = fx.emu.requestLog().flatMap((entry) => {
      const inPath = /\/workspaces\/(\d+)/.exec(entry.path)?.[1];
      const inQuery = entry.query['workspaceId'];
      return [inPath, inQuery].filter((id): id is string => id !== undefined);
    });
    return [...new Set(ids)];
  }

  it('refuses a filter narrower than the plan, before any request', async () => {
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    fx.emu.clearRequestLog();

    const applied = await sync(fx.emu, ['apply', PLAN_FILE, '--workspace', marine], { cwd: tmp.path });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(`the saved plan has actions outside --workspace ${marine}`);
    expect(applied.stderr).toContain('a saved plan is applied as a whole');
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('applies a plan made with --workspace, with or without the same filter, reading only that workspace', async () => {
    await sync(fx.emu, ['plan', '--out', PLAN_FILE, '--workspace', marine], { cwd: tmp.path });
    fx.emu.clearRequestLog();

    const applied = await sync(fx.emu, ['apply', PLAN_FILE], { cwd: tmp.path });

    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`~ ${marine}: updated`);
    expect(applied.stdout).toContain('0 added, 1 changed, 0 replaced, 0 destroyed');
    expect(workspacesTouched()).toHaveLength(1);

    await sync(fx.emu, ['plan', '--out', PLAN_FILE, '--workspace', marine], { cwd: tmp.path });
    const again = await sync(fx.emu, ['apply', PLAN_FILE, '--workspace', marine], { cwd: tmp.path });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 0 changed, 0 replaced, 0 destroyed');
  });
});

describe('apply of a saved plan against another endpoint', () => {
  const fx = useEmulator({ ...FAST_CE, seed });
  const tmp = useTempDir();
  let other: RunningEmulator | undefined;
  afterEach(async () => {
    await other?.stop();
    other = undefined;
  });

  it('refuses as stale, before any request to either platform', async () => {
    other = await startEmulator({ ...FAST_CE, seed });
    await sync(fx.emu, ['plan', '--out', PLAN_FILE], { cwd: tmp.path });
    fx.emu.clearRequestLog();

    const applied = await sync(fx.emu, ['apply', PLAN_FILE, '--endpoint', other.endpoint], { cwd: tmp.path });

    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('Error: stale plan: re-run plan');
    expect(applied.stderr).toContain(`the plan was made against ${fx.emu.endpoint}, not ${other.endpoint}`);
    expect(fx.emu.requestLog()).toEqual([]);
    expect(other.requestLog()).toEqual([]);
  });
});

describe('a saved plan made with --allow-deletions', () => {
  const fx = useEmulator({ ...FAST_CE, seed: withHandAddedParticipants(converged, EXTRAS) });
  const tmp = useTempDir();

  it('records the override: apply FILE needs no flag', async () => {
    const configDir = await estateCopy(tmp.path, {
      'biocommons/organization.yaml': (text) => text.replace('maxDeletions: 10', 'maxDeletions: 1'),
    });
    const planned = await sync(fx.emu, ['plan', '--out', PLAN_FILE, '--allow-deletions'], {
      cwd: tmp.path,
      configDir,
    });
    expect(planned.code).toBe(0);
    const document = JSON.parse(await readFile(join(tmp.path, PLAN_FILE), 'utf8')) as {
      options: { allowDeletions: boolean };
    };
    expect(document.options.allowDeletions).toBe(true);

    const applied = await sync(fx.emu, ['apply', PLAN_FILE], { cwd: tmp.path, configDir });

    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('0 added, 0 changed, 0 replaced, 2 destroyed, 0 failed');
    expect(writes(fx.emu)).toHaveLength(2);
  });
});
