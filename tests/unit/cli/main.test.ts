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
