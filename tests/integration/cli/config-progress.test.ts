/**
 * Reading a large configuration says so on stderr once it takes a while
 * ("Reading 301 configuration files…", then how long it took), and never
 * touches stdout: `--format json` output stays one parseable document. The
 * CLI's clock is injected (10 ms per reading of it) so that "a while" does not
 * depend on how busy the machine is.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../../helpers/emulator.js';
import { runCli, type CliOptions } from '../../helpers/cli.js';
import { ESTATE_DIR } from './support.js';

const ORG = 'progress-org';
const WORKSPACES = 300;
const TOKEN_USER = { userName: 'sync-bot', email: 'sync-bot@example.org', token: 'progress-token-5f1c' };

let dir = '';
/** Carriage return and erase line: how a terminal's live line is rewritten. */
const ERASE_LINE = '\r\u001b[2K';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-progress-'));
  const org = join(dir, 'workspaces', ORG);
  await mkdir(org, { recursive: true });
  await writeFile(
    join(org, 'organization.yaml'),
    `name: ${ORG}\nmembers:\n  - { email: ${TOKEN_USER.email}, role: owner }\n`,
  );
  for (let i = 0; i < WORKSPACES; i++) {
    const name = `ws-${String(i).padStart(3, '0')}`;
    await writeFile(
      join(org, `${name}.yaml`),
      `name: ${name}\nfullName: Workspace ${String(i)}\nvisibility: private\n` +
        `participants:\n  - { email: ${TOKEN_USER.email}, role: owner }\n`,
    );
  }
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

/** A clock that moves 10 ms each time it is read: 300 files take seconds. */
function slowClock(): () => number {
  let t = 0;
  return () => (t += 10);
}

const run = (argv: readonly string[], options: CliOptions = {}) =>
  runCli(argv, { cwd: dir, now: slowClock(), ...options });

describe('reading a large configuration', () => {
  it('prints a progress line and the time it took on stderr, one line each when stderr is a log', async () => {
    const result = await run(['validate']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('301 files valid\n');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('Reading 301 configuration files…');
    expect(lines[1]).toMatch(/^Read 301 configuration files in \d+\.\d s\.$/);
    expect(lines.slice(2)).toEqual(['']);
  });

  it('counts the files read on a terminal, rewriting one line, and ends it before anything else', async () => {
    const result = await run(['validate'], { tty: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Reading 301 configuration files… \d+/);
    expect(result.stderr).toContain(`${ERASE_LINE}Reading 301 configuration files… 301`);
    const last = result.stderr.slice(result.stderr.lastIndexOf(ERASE_LINE) + ERASE_LINE.length);
    expect(last).toMatch(/^Read 301 configuration files in \d+\.\d s\.\n$/);
    // One line on the terminal: every later write starts by erasing it.
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('shows nothing with --quiet, when reading is quick, or for a few files however slow', async () => {
    const quiet = await run(['validate', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    let t = 0;
    const quick = await run(['validate'], { now: () => (t += 1) });
    expect(quick.code).toBe(0);
    expect(quick.stderr).toBe('');
    // The example estate's 4 files, each read "in 10 s".
    let s = 0;
    const few = await runCli(['validate', '--config-dir', ESTATE_DIR], { now: () => (s += 10_000) });
    expect(few.stdout).toBe('4 files valid\n');
    expect(few.stderr).toBe('');
  });

  it('leaves validate --format json stdout one JSON document', async () => {
    const result = await run(['validate', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, errors: [], warnings: [] });
    expect(result.stderr).toContain('Reading 301 configuration files…\n');
  });
});

describe('plan --format json against a large configuration', () => {
  const fx = useEmulator({
    logBodies: false,
    seed: {
      users: [TOKEN_USER],
      orgs: [{ name: ORG, members: [{ email: TOKEN_USER.email, role: 'owner' }] }],
    },
  });

  it('shows the progress on stderr and prints only the plan document on stdout', async () => {
    const result = await run(['plan', '--format', 'json'], {
      env: { TOWER_API_ENDPOINT: fx.emu.endpoint, TOWER_ACCESS_TOKEN: fx.emu.token },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^Reading 301 configuration files…\nRead 301 configuration files in \d+\.\d s\.\n/,
    );
    const document = JSON.parse(result.stdout) as { actions: { type: string; kind: string }[] };
    expect(document.actions.filter((a) => a.kind === 'workspace' && a.type === 'create')).toHaveLength(
      WORKSPACES,
    );
    expect(result.stdout).not.toContain('Reading');
  }, 60_000);
});
