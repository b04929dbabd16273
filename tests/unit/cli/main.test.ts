import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

describe('seqera-sync CLI shell', () => {
  it('prints help listing every command and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['validate', 'plan', 'apply', 'export', 'new', 'codeowners', 'emulator']) {
      expect(r.stdout).toContain(cmd);
    }
  });

  it('rejects an unknown command with exit 1 and no stack trace', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad --max-rps before doing anything', async () => {
    const r = await runCli(['validate', '--max-rps', 'fast']);
    expect(r.code).toBe(1);
  });
});

describe('the request rate from SEQERA_SYNC_MAX_RPS', () => {
  /** The rate the client was made with (the plan then fails on the closed port; only the rate matters). */
  async function rateOf(args: readonly string[], env: Record<string, string | undefined>): Promise<unknown> {
    const rates: unknown[] = [];
    const r = await runCli(
      ['plan', '--config-dir', 'workspaces', '--endpoint', 'http://127.0.0.1:9', ...args],
      {
        env: { TOWER_ACCESS_TOKEN: 'token-for-the-rate-test', ...env },
        makeClient: (options) => {
          rates.push(options.maxRps);
          throw new Error('no client in this test');
        },
      },
    );
    expect(r.stderr).not.toContain('token-for-the-rate-test');
    return rates[0];
  }

  it('sets the rate when --max-rps is not given; the flag wins; empty means the default', async () => {
    expect(await rateOf([], { SEQERA_SYNC_MAX_RPS: '250' })).toBe(250);
    expect(await rateOf(['--max-rps', '5'], { SEQERA_SYNC_MAX_RPS: '250' })).toBe(5);
    expect(await rateOf([], { SEQERA_SYNC_MAX_RPS: '' })).toBe(18);
    expect(await rateOf([], { SEQERA_SYNC_MAX_RPS: undefined })).toBe(18);
  });

  it('a bad value is refused naming the variable, unless the flag overrides it', async () => {
    const bad = await runCli(['plan', '--endpoint', 'http://127.0.0.1:9'], {
      env: { TOWER_ACCESS_TOKEN: 't', SEQERA_SYNC_MAX_RPS: 'fast' },
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "Error: SEQERA_SYNC_MAX_RPS (the default of --max-rps) must be a positive number, got 'fast'\n",
    );
    expect(await rateOf(['--max-rps', '7'], { SEQERA_SYNC_MAX_RPS: 'fast' })).toBe(7);
  });
});

describe('global options where they do nothing', () => {
  it('are refused with a message naming what the command takes', async () => {
    const newFormat = await runCli([
      'new',
      'biocommons/x',
      '--full-name',
      'X',
      '--admin',
      'a@example.org',
      '--format',
      'json',
    ]);
    expect(newFormat.code).toBe(1);
    expect(newFormat.stderr).toBe(
      'Error: new does not use --format (of the global options it takes --config-dir)\n',
    );
    const validateWorkspace = await runCli(['validate', '--workspace', 'biocommons/ausgen']);
    expect(validateWorkspace.stderr).toBe(
      'Error: validate does not use --workspace (of the global options it takes --config-dir, --format)\n',
    );
    const emulatorEndpoint = await runCli(['--endpoint', 'http://x', 'emulator']);
    expect(emulatorEndpoint.stderr).toBe(
      'Error: emulator does not use --endpoint (it takes none of the global options)\n',
    );
  });

  it('lists the values of --format in each command help', async () => {
    const help = await runCli(['plan', '--help']);
    expect(help.stdout).toMatch(/--format <format>\s+output format: text, markdown, json \(default text\)/);
  });

  it('suggests the double-dash option for a single-dash long one', async () => {
    const result = await runCli(['plan', '-detailed-exitcode']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Error: unknown option '-detailed-exitcode' (did you mean --detailed-exitcode?)\n",
    );
  });
});
