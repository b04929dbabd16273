/**
 * The README's quick start, followed as a newcomer would: its shell block is
 * read from README.md and each line run as written, in a temporary directory
 * holding what a clone has (`workspaces/` and the example seed), against the
 * emulator. Three deviations, each needed to run in a test: the `npm` line is
 * not run (the suite runs inside an installed, built checkout); the emulator
 * listens on a free port instead of 8080 (other tests run at the same time),
 * which the `export` line's endpoint follows; and `npx seqera-sync …` runs the
 * CLI in-process (the same `run` as the binary). The outputs the README tells
 * the reader to expect are asserted, and the README must still say them.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { parseEmulatorFlags, runEmulator } from '../../../src/cli/commands/emulator.js';
import type { CliDeps } from '../../../src/usecases/deps.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const README = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');

/** The first `sh` block after the quick-start heading, one command per line. */
function quickStartCommands(): string[] {
  const section = README.split('### Quick start')[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `KEY=value KEY2='value'` → entries (single quotes removed, as the shell does). */
function exports(line: string): [string, string][] {
  const body = line.replace(/^export /, '');
  return [...body.matchAll(/([A-Z_][A-Z0-9_]*)=('([^']*)'|\S+)/g)].map((m) => [
    m[1] ?? '',
    m[3] ?? m[2] ?? '',
  ]);
}

/** `npx seqera-sync a b 'c d'` → [a, b, c d]. */
function argv(line: string): string[] {
  const rest = line.replace(/^npx seqera-sync\s*/, '');
  return [...rest.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

interface Step {
  readonly line: string;
  readonly result: CliResult;
}

const steps: Step[] = [];
let dir = '';
let stopEmulator = (): void => undefined;
let emulatorRun: Promise<void> = Promise.resolve();
let endpoint = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seqera-sync-quick-start-'));
  await cp(join(REPO_ROOT, 'workspaces'), join(dir, 'workspaces'), { recursive: true });
  const seed = 'src/emulator/examples/seed.yaml';
  await mkdir(join(dir, dirname(seed)), { recursive: true });
  await cp(join(REPO_ROOT, seed), join(dir, seed));

  const env: Record<string, string> = {};
  for (const line of quickStartCommands()) {
    if (line.startsWith('npm ')) continue;
    if (line.endsWith('&')) {
      const args = argv(line.slice(0, -1).trim());
      expect(args.slice(0, 1)).toEqual(['emulator']);
      const seedFile = args[args.indexOf('--seed') + 1] ?? '';
      let out = '';
      const deps: CliDeps = {
        stdout: (text) => {
          out += text;
        },
        stderr: () => undefined,
        env: {},
        cwd: dir,
        stdinIsTTY: false,
        stdoutIsTTY: false,
        stderrIsTTY: false,
        confirm: () => Promise.resolve(false),
        makeClient: createApiClient,
      };
      const stopped = new Promise<void>((resolve) => {
        stopEmulator = resolve;
      });
      emulatorRun = runEmulator(parseEmulatorFlags({ port: '0', seed: seedFile }), deps, stopped);
      for (let i = 0; i < 500 && endpoint === ''; i++) {
        endpoint = /^endpoint: (\S+)$/m.exec(out)?.[1] ?? '';
        if (endpoint === '') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      steps.push({ line, result: { code: 0, stdout: out, stderr: '' } });
    } else if (line.startsWith('export ')) {
      for (const [key, value] of exports(line)) {
        env[key] = value.replace('http://127.0.0.1:8080', endpoint);
      }
    } else if (line.startsWith('npx seqera-sync ')) {
      steps.push({ line, result: await runCli(argv(line), { cwd: dir, env: { ...env } }) });
    } else if (line === 'kill %1') {
      stopEmulator();
      await emulatorRun;
    } else {
      throw new Error(`the quick start has a line this test does not know how to run: ${line}`);
    }
  }
}, 120_000);

afterAll(async () => {
  stopEmulator();
  await emulatorRun;
  await rm(dir, { recursive: true, force: true });
});

function step(line: string, nth = 0): CliResult {
  const found = steps.filter((s) => s.line === line)[nth];
  if (found === undefined) throw new Error(`the quick start no longer runs: ${line}`);
  return found.result;
}

describe('the README quick start, run as written', () => {
  const planning = (): string =>
    `Planning against ${endpoint} as seqera-sync (seqera-sync@biocommons.example.org), org biocommons.`;

  it('validates the example files', () => {
    const result = step('npx seqera-sync validate');
    expect(result).toEqual({ code: 0, stdout: '4 files valid\n', stderr: '' });
    expect(README).toContain('`validate` prints `4 files valid`');
  });

  it('starts the emulator with the example seed', () => {
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      step('npx seqera-sync emulator --port 8080 --seed src/emulator/examples/seed.yaml &').stdout,
    ).toContain('token: try-seqera-sync-token');
  });

  it('plans the three workspaces, saying first where the plan runs', () => {
    const result = step('npx seqera-sync plan', 0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(planning());
    expect(README).toContain(
      '`Planning against http://127.0.0.1:8080 as seqera-sync (seqera-sync@biocommons.example.org), org biocommons.`',
    );
    for (const ws of ['ausgen', 'community-pipelines', 'marine-omics']) {
      expect(result.stdout).toContain(`+ workspace biocommons/${ws}`);
    }
    for (const kind of ['participant', 'credential', 'compute environment', 'pipeline', 'secret']) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}\\+ ${kind} biocommons/`, 'm'));
    }
    // Every person the files name has signed in to the example platform: nobody is pending.
    expect(result.stdout).not.toContain('pending');
  });

  it('applies it, and the next plan has no changes', () => {
    const applied = step('npx seqera-sync apply --yes');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^Apply complete: .*\b0 failed\b.*\b0 pending\.$/m);
    const again = step('npx seqera-sync plan', 1);
    expect(again).toEqual({
      code: 0,
      stdout: `${planning()}\n\nNo changes. The platform matches the configuration.\n`,
      stderr: '',
    });
    expect(README).toContain('`No changes. The platform matches the configuration.`');
  });
});
