/**
 * `seqera-sync apply` end to end: confirmation on a
 * terminal, refusal without `--yes` in CI, convergence and a write-free
 * second run, progress, a blocked plan, the JSON report, exit codes for
 * failures and for people who have not signed in yet, and secrets that never
 * show. The emulator's request log is the witness of what was (not) written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import { keysFingerprint, withFingerprint } from '../../../src/secrets/fingerprint.js';
import { useEmulator } from '../../helpers/emulator.js';
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
  TOKEN_USER,
  useTempDir,
  VARIABLES,
  withHandAddedParticipants,
  writes,
} from './support.js';

const converged = await convergedSeed(await loadEstate());
const shared = `${ORG}/${DRIFT.sharedWorkspace}`;
const curator = `${shared}/participants/${DRIFT.roleChanged}`;
const NO_CHANGES = 'No changes. The platform matches the configuration.';

/** Only the curator's role was raised by hand: one role update to apply. */
const roleDrift: EmulatorSeed = editWorkspace(converged, DRIFT.sharedWorkspace, (ws) => ({
  ...ws,
  participants: (ws.participants ?? []).map((p) =>
    p.email === DRIFT.roleChanged ? { ...p, role: 'admin' } : p,
  ),
}));

/** The role the emulator holds for `email` in the shared workspace. */
function roleOf(seed: EmulatorSeed, email: string): string | undefined {
  const ws = seed.orgs
    ?.find((o) => o.name === ORG)
    ?.workspaces?.find((w) => w.name === DRIFT.sharedWorkspace);
  return ws?.participants?.find((p) => p.email === email)?.role;
}

describe('apply confirmation', () => {
  const fx = useEmulator({ ...FAST_CE, seed: roleDrift });

  it('refuses without --yes when not on a terminal, before any request', async () => {
    const confirm = vi.fn(() => Promise.resolve(true));
    const result = await sync(fx.emu, ['apply'], { confirm });

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('apply needs --yes (or a saved plan FILE) when not run on a terminal');
    expect(confirm).not.toHaveBeenCalled();
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('on a terminal, shows the plan and asks where it runs; "no" writes nothing and exits 1', async () => {
    const confirm = vi.fn(() => Promise.resolve(false));
    const result = await sync(fx.emu, ['apply', '--no-color'], { tty: true, confirm });

    expect(result.code).toBe(1);
    expect(confirm).toHaveBeenCalledOnce();
    expect(confirm.mock.calls[0]).toEqual([
      expect.stringContaining(
        `Do you want to perform these actions against ${fx.emu.endpoint} as ${TOKEN_USER.userName} (${TOKEN_USER.email}), org ${ORG}?`,
      ),
    ]);
    expect(result.stdout.split('\n')[0]).toBe(
      `Planning against ${fx.emu.endpoint} as ${TOKEN_USER.userName} (${TOKEN_USER.email}), org ${ORG}.`,
    );
    expect(result.stdout).toContain(`~ participant ${curator}`);
    expect(result.stdout).toContain('Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.');
    expect(result.stderr).toContain('Apply cancelled: nothing was written.');
    expect(writes(fx.emu)).toEqual([]);
    expect(roleOf(fx.emu.snapshot(), DRIFT.roleChanged)).toBe('admin');
  });

  it('on a terminal, "yes" applies the plan', async () => {
    const confirm = vi.fn(() => Promise.resolve(true));
    const result = await sync(fx.emu, ['apply', '--no-color'], { tty: true, confirm });

    expect(result.stderr).not.toContain('Error');
    expect(result.code).toBe(0);
    expect(confirm).toHaveBeenCalledOnce();
    expect(result.stdout).toContain(`~ ${curator}: updated`);
    expect(writes(fx.emu)).toHaveLength(1);
    expect(roleOf(fx.emu.snapshot(), DRIFT.roleChanged)).toBe('maintain');
  });

  it('does not ask when there is nothing to do', async () => {
    const confirm = vi.fn(() => Promise.resolve(true));
    await sync(fx.emu, ['apply', '--yes']);
    fx.emu.clearRequestLog();
    const result = await sync(fx.emu, ['apply'], { tty: true, confirm });

    expect(result.code).toBe(0);
    expect(confirm).not.toHaveBeenCalled();
    expect(result.stdout).toContain(NO_CHANGES);
    expect(writes(fx.emu)).toEqual([]);
  });
});

describe('Ctrl+C during apply', () => {
  const fx = useEmulator({ ...FAST_CE, seed: driftedSeed(converged) });

  it('stops starting actions, says how many were done, exits 130 and prints no report', async () => {
    let pressCtrlC: (() => void) | undefined;
    let released = false;
    const result = await sync(fx.emu, ['apply', '--yes', '--concurrency', '1'], {
      onInterrupt: (handler) => {
        pressCtrlC = handler;
        return () => {
          released = true;
        };
      },
      // Pressed as soon as the first action has finished.
      onStderr: (text) => {
        if (/: (updated|created|replaced|destroyed)\n/.test(text)) pressCtrlC?.();
      },
    });

    expect(result.code).toBe(130);
    const line = /^interrupted: (\d+) of 5 actions done; re-run plan$/m.exec(result.stderr);
    expect(line).not.toBeNull();
    expect(Number(line?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(line?.[1])).toBeLessThan(5);
    expect(result.stderr).toContain('Ctrl+C again to stop at once');
    expect(result.stdout).toContain('Plan: 0 to add, 3 to change, 1 to replace, 1 to destroy.');
    expect(result.stdout).not.toContain('Apply complete');
    expect(released).toBe(true);

    // What was not done is still planned.
    const again = await sync(fx.emu, ['plan', '--detailed-exitcode']);
    expect(again.code).toBe(2);
  });
});

describe('apply --yes on the estate drifted by hand', () => {
  const fx = useEmulator({ ...FAST_CE, seed: driftedSeed(converged) });

  it('converges: the next plan is empty, a second apply writes nothing, SHARED stays SHARED', async () => {
    const first = await sync(fx.emu, ['apply', '--yes']);

    expect(first.stderr).not.toMatch(/Error|failed/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Plan: 0 to add, 3 to change, 1 to replace, 1 to destroy.');
    expect(first.stdout).toContain(
      'Apply complete: 0 added, 3 changed, 1 replaced, 1 destroyed, 0 failed, 0 skipped, 0 pending.',
    );
    // Progress, not on a terminal: exactly one line per finished action, no wait status.
    expect(first.stderr.trimEnd().split('\n').sort()).toEqual(
      [
        `${ORG}/${DRIFT.madeShared}: updated`,
        `${ORG}/members/${DRIFT.madeOwner}: updated`,
        `${curator}: updated`,
        `${shared}/computeEnvironments/${DRIFT.computeEnvironment}: replaced`,
        `${shared}/participants/${DRIFT.handAdded}: destroyed`,
      ].sort(),
    );

    const plan = await sync(fx.emu, ['plan', '--detailed-exitcode']);
    expect(plan).toEqual({
      code: 0,
      stdout: `Planning against ${fx.emu.endpoint} as ${TOKEN_USER.userName} (${TOKEN_USER.email}), org ${ORG}.\n\n${NO_CHANGES}\n`,
      stderr: '',
    });

    fx.emu.clearRequestLog();
    const second = await sync(fx.emu, ['apply', '--yes']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(NO_CHANGES);
    expect(writes(fx.emu)).toEqual([]);

    const live = fx.emu.snapshot().orgs?.find((o) => o.name === ORG)?.workspaces ?? [];
    expect(live.find((w) => w.name === DRIFT.sharedWorkspace)?.visibility).toMatch(/^shared$/i);
    expect(live.find((w) => w.name === DRIFT.madeShared)?.visibility).toMatch(/^private$/i);
  });
});

describe('apply progress on a terminal', () => {
  const ce = `${shared}/computeEnvironments/${DRIFT.computeEnvironment}`;
  const fx = useEmulator({
    ...FAST_CE,
    seed: editWorkspace(converged, DRIFT.sharedWorkspace, (ws) => ({
      ...ws,
      computeEnvironments: (ws.computeEnvironments ?? []).map((c) => ({
        ...c,
        config: { ...c.config, forge: { ...(c.config?.forge as object), maxCpus: 256 } },
      })),
    })),
  });

  /** What stays on the screen: each line as rewritten by its last carriage return. */
  function visible(text: string): string[] {
    return text.split('\n').map((line) => line.slice(line.lastIndexOf('\r') + 1).replace('\u001b[2K', ''));
  }

  it('shows compute-environment waits on one live line, replaced by the finished action', async () => {
    const result = await sync(fx.emu, ['apply', '--yes', '--no-color'], { tty: true });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`\r\u001b[2K${ce}: waiting for compute environment`);
    expect(visible(result.stderr)).toEqual([`${ce}: replaced`, '']);
  });
});

describe('apply --format json', () => {
  const fx = useEmulator({ ...FAST_CE, seed: roleDrift });

  it('prints the report as JSON on stdout and the plan on stderr', async () => {
    const result = await sync(fx.emu, ['apply', '--yes', '--format', 'json']);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      formatVersion: string;
      summary: Record<string, number>;
      applied: { address: string; type: string }[];
      failed: unknown[];
      pending: unknown[];
    };
    expect(report.formatVersion).toBe('1');
    expect(report.applied).toEqual([expect.objectContaining({ address: curator, type: 'update' })]);
    expect(report.failed).toEqual([]);
    expect(report.pending).toEqual([]);
    expect(report.summary).toMatchObject({ changed: 1, failed: 0, pending: 0 });
    expect(result.stderr).toContain('Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.');
  });

  it('refuses a format it cannot print, before any request', async () => {
    const result = await sync(fx.emu, ['apply', '--yes', '--format', 'markdown']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--format must be one of text, json, got 'markdown'");
    expect(fx.emu.requestLog()).toEqual([]);
  });
});

describe('apply of a blocked plan', () => {
  const fx = useEmulator({ ...FAST_CE, seed: withHandAddedParticipants(converged, EXTRAS) });
  const tmp = useTempDir();

  it('is refused with no writes, naming the rule; --allow-deletions applies it', async () => {
    const configDir = await estateCopy(tmp.path, {
      'biocommons/organization.yaml': (text) => text.replace('maxDeletions: 10', 'maxDeletions: 1'),
    });
    const refused = await sync(fx.emu, ['apply', '--yes'], { configDir });

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('apply refuses a blocked plan; nothing was written');
    expect(refused.stderr).toMatch(/- maxDeletions: .*\(--allow-deletions\)/);
    expect(writes(fx.emu)).toEqual([]);

    const allowed = await sync(fx.emu, ['apply', '--yes', '--allow-deletions'], { configDir });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('0 added, 0 changed, 0 replaced, 2 destroyed, 0 failed');
    expect(writes(fx.emu)).toHaveLength(2);
  });
});

describe('apply exit codes', () => {
  describe('when an action fails', () => {
    // Every compute environment created from now on ends ERRORED (the seeded ones are AVAILABLE).
    const fx = useEmulator({ ...FAST_CE, seed: driftedSeed(converged), failComputeEnvs: () => true });

    it('exits 1, reports the failure with the platform status, and still applies everything independent', async () => {
      const result = await sync(fx.emu, ['apply', '--yes']);

      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(`✗ ${shared}/computeEnvironments/${DRIFT.computeEnvironment}: replace failed: .*ERRORED`),
      );
      expect(result.stdout).toContain(
        'Apply complete: 0 added, 3 changed, 0 replaced, 1 destroyed, 1 failed, 0 skipped, 0 pending.',
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // A closing error line, after the progress.
      expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
        'Error: 1 action of 5 failed; see the report above. Fix the cause and run apply again.',
      );
      const next = await sync(fx.emu, ['plan', '--format', 'json']);
      const left = (JSON.parse(next.stdout) as { actions: { type: string; address: string }[] }).actions;
      expect(left.map((a) => `${a.type} ${a.address}`)).toEqual([
        `replace ${shared}/computeEnvironments/${DRIFT.computeEnvironment}`,
      ]);
    });
  });

  describe('when a person has not signed in yet', () => {
    const analyst = 'visiting.analyst@example.org';
    const address = `${ORG}/ausgen/participants/${analyst}`;
    // Not a registered user, so not a participant either: the plan adds them.
    const fx = useEmulator({
      ...FAST_CE,
      seed: {
        ...editWorkspace(converged, 'ausgen', (ws) => ({
          ...ws,
          participants: (ws.participants ?? []).filter((p) => p.email !== analyst),
        })),
        users: (converged.users ?? []).filter((u) => u.email !== analyst),
      },
    });

    it('warns naming the person, exits 0, and the next plan plans the add again', async () => {
      const result = await sync(fx.emu, ['apply', '--yes']);

      expect(result.code).toBe(0);
      // Said once, with the list.
      expect(result.stdout).toContain(
        `! pending: 1 person has no account on the platform yet; the next plan adds them again once they have signed in:\n      ${address}\n`,
      );
      expect(result.stdout.match(/no account on the platform yet/g)).toHaveLength(1);
      expect(result.stderr).toContain(`${address}: pending\n`);
      expect(result.stdout).toContain('0 failed, 0 skipped, 1 pending.');

      const next = await sync(fx.emu, ['plan', '--detailed-exitcode', '--format', 'json']);
      expect(next.code).toBe(2);
      const actions = (JSON.parse(next.stdout) as { actions: { type: string; address: string }[] }).actions;
      expect(actions.map((a) => `${a.type} ${a.address}`)).toEqual([`create ${address}`]);
    });
  });
});

/*
 * Secrets through `plan` and `apply`: with a distinctive token
 * and distinctive variable values, a run that creates and rotates secrets
 * never shows them — not on stdout or stderr (the CLI's redactor must have
 * had nothing to do: no `***`), not in the saved plan, not in the report —
 * while the platform does receive them.
 */
const SECRETS = [TOKEN_USER.token, ...Object.values(VARIABLES)];
const PLAN_FILE = 'secrets.plan.json';

/**
 * ausgen does not exist yet (its SSH key credential and pipeline secret will
 * be created), and the AWS key of community-pipelines was rotated since the
 * last apply (its recorded fingerprint is of an older value).
 */
async function secretsSeed(): Promise<EmulatorSeed> {
  const stale = await keysFingerprint({ secretKey: 'an-older-aws-secret' });
  const withoutAusgen: EmulatorSeed = {
    ...converged,
    orgs: (converged.orgs ?? []).map((org) => ({
      ...org,
      workspaces: (org.workspaces ?? []).filter((ws) => ws.name !== 'ausgen'),
    })),
  };
  return editWorkspace(withoutAusgen, DRIFT.sharedWorkspace, (ws) => ({
    ...ws,
    credentials: (ws.credentials ?? []).map((c) => ({
      ...c,
      description: withFingerprint('BioCommons AWS account (ap-southeast-2)', stale),
    })),
  }));
}

const secretsSeedValue = await secretsSeed();

function expectNoSecret(where: string, text: string): void {
  for (const secret of SECRETS) expect(text, `${where} holds a secret`).not.toContain(secret);
}

/** Output the CLI wrote itself, with nothing left for its redactor to hide. */
function expectCleanOutput(where: string, output: { stdout: string; stderr: string }): void {
  expectNoSecret(`${where} stdout`, output.stdout);
  expectNoSecret(`${where} stderr`, output.stderr);
  expect(output.stdout, `${where} stdout was redacted`).not.toContain('***');
  expect(output.stderr, `${where} stderr was redacted`).not.toContain('***');
}

/** The secret values the platform holds now. */
function liveSecretValues(snapshot: EmulatorSeed): string[] {
  const workspaces = snapshot.orgs?.find((o) => o.name === ORG)?.workspaces ?? [];
  return workspaces.flatMap((ws) => [
    ...(ws.credentials ?? []).flatMap((c) => Object.values(c.keys ?? {}).map(String)),
    ...(ws.secrets ?? []).map((s) => s.value),
  ]);
}

describe('secrets in plan and apply', () => {
  const fx = useEmulator({ ...FAST_CE, seed: secretsSeedValue });
  const tmp = useTempDir();

  it('never appear in the plan (any format), the saved plan, the progress or the report', async () => {
    const text = await sync(fx.emu, ['plan', '--verbose'], { cwd: tmp.path });
    const markdown = await sync(fx.emu, ['plan', '--format', 'markdown'], { cwd: tmp.path });
    const json = await sync(fx.emu, ['plan', '--format', 'json', '--out', PLAN_FILE], { cwd: tmp.path });

    expect(text.stdout).toContain(`+ secret ${ORG}/ausgen/secrets/SENTIEON_LICENSE`);
    expect(text.stdout).toContain('keys: (sensitive)');
    expect(text.stderr).toContain('GET /user-info'); // --verbose logged the requests
    for (const [where, output] of Object.entries({ text, markdown, json })) {
      expect(output.code).toBe(0);
      expectCleanOutput(`plan ${where}`, output);
    }
    expectNoSecret('saved plan', await readFile(join(tmp.path, PLAN_FILE), 'utf8'));

    // The text plan and the progress go to stderr, the JSON report to stdout.
    const applied = await sync(fx.emu, ['apply', '--yes', '--format', 'json', '--verbose'], {
      cwd: tmp.path,
    });

    expect(applied.code).toBe(0);
    // The new CE's primary flag is part of its create: not a change of its own.
    expect(applied.stderr).toContain('Plan: 9 to add, 1 to change, 0 to replace, 0 to destroy.');
    expectCleanOutput('apply', applied);
    const report = JSON.parse(applied.stdout) as { applied: { address: string }[] };
    expect(report.applied.map((a) => a.address)).toEqual(
      expect.arrayContaining([
        `${ORG}/ausgen/credentials/gadi-ssh`,
        `${ORG}/ausgen/secrets/SENTIEON_LICENSE`,
        `${ORG}/${DRIFT.sharedWorkspace}/credentials/aws-biocommons`,
      ]),
    );
    // The values did reach the platform: the test exercised every secret.
    expect(liveSecretValues(fx.emu.snapshot())).toEqual(expect.arrayContaining(Object.values(VARIABLES)));
  });
});
