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
