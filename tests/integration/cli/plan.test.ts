/**
 * `seqera-sync plan` end to end: the real CLI in-process, over real
 * HTTP, against the emulator seeded with the example estate as staff would
 * find it after changes by hand in the web UI (those tests only read, so they
 * share one emulator); then the exit codes and the "No changes" line
 * on a converged platform, with drift that is only reported (prune off), and
 * with a plan blocked by a safety rule until `--allow-deletions` lifts it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/api/api-client.js';
import type { ApiClientOptions } from '../../../src/api/client-options.js';
import { createApiClient } from '../../../src/api/client.js';
import { seedFromDesired } from '../../../src/demo/seed-from-desired.js';
import { parsePlanDocument } from '../../../src/saved-plan/index.js';
import { runCli } from '../../helpers/cli.js';
import { useEmulator } from '../../helpers/emulator.js';
import {
  cliEnv,
  convergedSeed,
  DRIFT,
  driftedSeed,
  editWorkspace,
  ESTATE_DIR,
  estateCopy,
  EXTRAS,
  FAST_CE,
  loadEstate,
  ORG,
  parsePrintedPlan,
  sync,
  TOKEN_USER,
  useTempDir,
  variableValue,
  withHandAddedParticipants,
  writes,
} from './support.js';

const estate = await loadEstate();
const converged = await convergedSeed(estate);
const NO_CHANGES = 'No changes. The platform matches the configuration.\n';
const shared = `${ORG}/${DRIFT.sharedWorkspace}`;

/** Every action the drift calls for, and nothing else. */
const EXPECTED_ACTIONS = [
  {
    address: `${ORG}/members/${DRIFT.madeOwner}`,
    type: 'update',
    changes: [{ field: 'role', from: 'owner', to: 'member' }],
  },
  {
    address: `${shared}/participants/${DRIFT.roleChanged}`,
    type: 'update',
    changes: [{ field: 'role', from: 'admin', to: 'maintain' }],
  },
  {
    address: `${shared}/computeEnvironments/${DRIFT.computeEnvironment}`,
    type: 'replace',
    changes: [{ field: 'config.forge.maxCpus', from: 256, to: 512 }],
  },
  {
    address: `${shared}/participants/${DRIFT.handAdded}`,
    type: 'delete',
    changes: [{ field: 'role', from: 'launch' }],
  },
  {
    address: `${ORG}/${DRIFT.madeShared}`,
    type: 'update',
    changes: [{ field: 'visibility', from: 'shared', to: 'private' }],
  },
];

const tmp = useTempDir();

describe('plan against the estate drifted by hand', () => {
  const fx = useEmulator(() => ({ ...FAST_CE, seed: driftedSeed(converged) }), 'all');

  it('plans exactly the actions the drift calls for, and nothing for the shared workspace itself', async () => {
    const result = await sync(fx.emu, ['plan', '--format', 'json']);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const plan = parsePrintedPlan(result.stdout);
    const actions = plan.actions.map(({ address, type, changes }) => ({ address, type, changes }));
    expect(actions).toHaveLength(EXPECTED_ACTIONS.length);
    expect(actions).toEqual(expect.arrayContaining(EXPECTED_ACTIONS));
    // The replaced CE re-points both pipelines that use it and keeps it primary.
    const replace = plan.actions.find((a) => a.type === 'replace');
    expect(replace?.forcedBy).toEqual(['config.forge.maxCpus']);
    expect(replace?.repoint?.map((p) => p.name).sort()).toEqual(['nf-core-rnaseq', 'nf-core-sarek']);
    expect(replace?.movesPrimary).toBe(true);
    // SHARED is what the file says for community-pipelines: no visibility reset.
    expect(plan.actions.map((a) => a.address)).not.toContain(shared);
    expect(plan.unmanaged).toEqual([]);
    expect(plan.blocked).toEqual([]);
  });

  it('prints a Terraform-like text plan with the summary line', async () => {
    const result = await sync(fx.emu, ['plan']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`  ~ participant ${shared}/participants/${DRIFT.roleChanged}`);
    expect(result.stdout).toContain('role: "admin" → "maintain"');
    expect(result.stdout).toContain(
      `-/+ compute environment ${shared}/computeEnvironments/${DRIFT.computeEnvironment}`,
    );
    expect(result.stdout).toContain('config.forge.maxCpus: 256 → 512   # forces replacement');
    expect(result.stdout).toContain(`  - participant ${shared}/participants/${DRIFT.handAdded}`);
    expect(result.stdout).toContain('visibility: "shared" → "private"');
    expect(result.stdout).toContain('Plan: 0 to add, 3 to change, 1 to replace, 1 to destroy.');
    expect(result.stdout).not.toContain('No changes');
  });

  it('exits 2 with --detailed-exitcode when there is something to do', async () => {
    const result = await sync(fx.emu, ['plan', '--detailed-exitcode']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
  });

  it('shows every action in all three formats; the markdown starts with the comment marker', async () => {
    const [text, markdown, json] = await Promise.all(
      (['text', 'markdown', 'json'] as const).map((format) => sync(fx.emu, ['plan', '--format', format])),
    );
    const addresses = parsePrintedPlan(json?.stdout ?? '').actions.map((a) => a.address);

    expect(addresses).toHaveLength(EXPECTED_ACTIONS.length);
    expect(markdown?.stdout.startsWith('<!-- seqera-sync:plan -->\n')).toBe(true);
    for (const output of [text, markdown, json]) {
      expect(output?.code).toBe(0);
      for (const address of addresses) expect(output?.stdout).toContain(address);
    }
  });

  it('--out saves a valid plan document with the same actions as --format json, writing nothing', async () => {
    const before = writes(fx.emu).length;
    const saved = await sync(fx.emu, ['plan', '--out', 'drift.plan.json'], { cwd: tmp.path });
    const printed = await sync(fx.emu, ['plan', '--format', 'json', '--out', 'printed.plan.json'], {
      cwd: tmp.path,
    });

    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Plan: 0 to add, 3 to change, 1 to replace, 1 to destroy.');
    expect(saved.stderr).toContain('apply it with: seqera-sync apply drift.plan.json');
    const file = join(tmp.path, 'drift.plan.json');
    const document = parsePlanDocument(await readFile(file, 'utf8'), file, fx.emu.token);
    expect(document.endpoint).toBe(fx.emu.endpoint);
    expect(Object.keys(document.preconditions).sort()).toEqual(EXPECTED_ACTIONS.map((a) => a.address).sort());
    expect(JSON.parse(JSON.stringify(document.actions))).toEqual(parsePrintedPlan(printed.stdout).actions);
    // With --format json, the saved file is the very document printed.
    expect(await readFile(join(tmp.path, 'printed.plan.json'), 'utf8')).toBe(printed.stdout);
    expect(writes(fx.emu).length).toBe(before);
  });

  it('--workspace plans only that workspace, without org-level actions', async () => {
    const result = await sync(fx.emu, [
      'plan',
      '--format',
      'json',
      '--workspace',
      `${ORG}/${DRIFT.madeShared}`,
    ]);

    expect(result.code).toBe(0);
    const plan = parsePrintedPlan(result.stdout);
    expect(plan.actions.map((a) => `${a.type} ${a.address}`)).toEqual([`update ${ORG}/${DRIFT.madeShared}`]);
  });

  it('refuses an unknown --workspace with a clear error, before any request', async () => {
    const before = fx.emu.requestLog().length;
    const result = await sync(fx.emu, ['plan', '--workspace', `${ORG}/no-such-workspace`]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Error: --workspace names no declared workspace: ${ORG}/no-such-workspace\n`);
    expect(fx.emu.requestLog().length).toBe(before);
  });

  it('works with an injected client whose methods live on its prototype', async () => {
    const makeClient = (options: ApiClientOptions): ApiClient =>
      Object.create(createApiClient(options)) as ApiClient;
    const injected = await sync(fx.emu, ['plan', '--detailed-exitcode'], { makeClient });

    expect(injected.stderr).toBe('');
    expect(injected.code).toBe(2);
    expect(injected.stdout).toContain('Plan: 0 to add, 3 to change, 1 to replace, 1 to destroy.');
  });

  it('accepts global options before or after the command', async () => {
    const { TOWER_API_ENDPOINT: _unused, ...env } = cliEnv(fx.emu);
    const global = ['--endpoint', fx.emu.endpoint, '--config-dir', ESTATE_DIR, '--max-rps', '1000'];
    const before = await runCli([...global, 'plan', '--detailed-exitcode'], { env });
    const after = await runCli(['plan', '--detailed-exitcode', ...global], { env });

    expect(before.stderr).toBe('');
    expect(before.code).toBe(2);
    expect(before.stdout).toContain('Plan: 0 to add, 3 to change, 1 to replace, 1 to destroy.');
    expect(after).toEqual(before);
  });
});

describe('plan against a converged platform', () => {
  const fx = useEmulator({ ...FAST_CE, seed: converged });

  it('prints "No changes" and exits 0, also with --detailed-exitcode', async () => {
    const plain = await sync(fx.emu, ['plan']);
    const detailed = await sync(fx.emu, ['plan', '--detailed-exitcode']);

    expect(plain).toEqual({
      code: 0,
      stdout: `Planning against ${fx.emu.endpoint} as ${TOKEN_USER.userName} (${TOKEN_USER.email}), org ${ORG}.\n\n${NO_CHANGES}`,
      stderr: '',
    });
    expect(detailed).toEqual(plain);
  });
});

describe('plan against the seed from seedFromDesired (no keys fingerprints)', () => {
  const fx = useEmulator({
    ...FAST_CE,
    seed: seedFromDesired(estate, { tokenUser: TOKEN_USER, secretValue: variableValue }),
  });

  it('is empty when no secret variable is set (keys not compared)', async () => {
    const result = await sync(fx.emu, ['plan', '--detailed-exitcode'], {
      env: { SEQERA_SYNC_VARS: undefined },
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(NO_CHANGES);
    expect(result.stdout).toContain('keys not compared (BIOCOMMONS_AWS_SECRET_KEY not set)');
  });
});

describe('plan with drift that is only reported (prune off for credentials)', () => {
  const fx = useEmulator({
    ...FAST_CE,
    seed: editWorkspace(converged, DRIFT.madeShared, (ws) => ({
      ...ws,
      credentials: [
        ...(ws.credentials ?? []),
        { name: 'made-by-hand', provider: 'github', keys: { password: 'x' } },
      ],
    })),
  });

  it('lists the unmanaged credential and exits 2 only with --detailed-exitcode', async () => {
    const plain = await sync(fx.emu, ['plan']);
    const detailed = await sync(fx.emu, ['plan', '--detailed-exitcode', '--format', 'json']);

    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(`${ORG}/${DRIFT.madeShared}/credentials/made-by-hand`);
    expect(plain.stdout).not.toContain('No changes');
    expect(detailed.code).toBe(2);
    const plan = parsePrintedPlan(detailed.stdout);
    expect(plan.actions).toEqual([]);
    expect(plan.unmanaged.map((u) => u.address)).toEqual([
      `${ORG}/${DRIFT.madeShared}/credentials/made-by-hand`,
    ]);
  });
});

describe('a plan blocked by a safety rule', () => {
  const fx = useEmulator({ ...FAST_CE, seed: withHandAddedParticipants(converged, EXTRAS) });

  /** The estate with maxDeletions 1: the two participants added by hand are one deletion too many. */
  function overTheCap(): Promise<string> {
    return estateCopy(tmp.path, {
      'biocommons/organization.yaml': (text) => text.replace('maxDeletions: 10', 'maxDeletions: 1'),
    });
  }

  it('exits 1 and names the rule; --allow-deletions shows the unblocked plan', async () => {
    const configDir = await overTheCap();
    const blocked = await sync(fx.emu, ['plan', '--detailed-exitcode'], { configDir });
    const allowed = await sync(fx.emu, ['plan', '--detailed-exitcode', '--allow-deletions'], { configDir });

    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/Error: plan blocked — .*maxDeletions/);
    expect(blocked.stderr).toContain('the plan is blocked by');
    for (const email of EXTRAS)
      expect(blocked.stdout).toContain(`${ORG}/${DRIFT.sharedWorkspace}/participants/${email}`);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(2);
    expect(allowed.stdout).not.toContain('blocked');
    expect(allowed.stdout).toContain('Plan: 0 to add, 0 to change, 0 to replace, 2 to destroy.');
  });

  it('is reported as blocked in the JSON plan too', async () => {
    const configDir = await overTheCap();
    const result = await sync(fx.emu, ['plan', '--format', 'json'], { configDir });

    expect(result.code).toBe(1);
    expect(parsePrintedPlan(result.stdout).blocked.map((b) => b.rule)).toContain('maxDeletions');
  });
});
