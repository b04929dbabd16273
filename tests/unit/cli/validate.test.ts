import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'config');
const STACK = /\n\s+at /;

async function validate(args: readonly string[], env: Record<string, string> = {}) {
  const result = await runCli(['validate', ...args], { cwd: REPO_ROOT, env });
  expect(result.stdout + result.stderr).not.toMatch(STACK);
  return result;
}

describe('seqera-sync validate', () => {
  it('passes on the example estate (default --config-dir workspaces) and says how many files', async () => {
    const r = await validate([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('4 files valid\n');
    expect(r.stderr).toBe('');
  });

  it('prints file paths relative to the working directory, wherever the config dir is', async () => {
    const r = await runCli(['validate', '--config-dir', 'config/valid/full'], {
      cwd: path.join(REPO_ROOT, 'tests', 'fixtures'),
    });
    expect(r.stdout).toMatch(/^config\/valid\/full\/acme\/notes\.yml:1:1: warning: /);
    const outside = await runCli(['validate', '--config-dir', path.join(FIXTURES, 'valid', 'full')], {
      cwd: path.join(REPO_ROOT, 'src'),
    });
    expect(outside.stdout).toContain(
      `${path.join(FIXTURES, 'valid', 'full', 'acme', 'notes.yml')}:1:1: warning: `,
    );
  });

  it('resolves --config-dir against the working directory, before or after the command', async () => {
    const after = await runCli(['validate', '--config-dir', 'config/valid/full'], {
      cwd: path.join(REPO_ROOT, 'tests', 'fixtures'),
    });
    const before = await runCli(['--config-dir', 'config/valid/full', 'validate'], {
      cwd: path.join(REPO_ROOT, 'tests', 'fixtures'),
    });
    for (const r of [after, before]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('4 files valid, 1 warning');
    }
  });

  it('text: a warning (a stray file) is printed with its position, exit 0; no variable is needed', async () => {
    const r = await validate(['--config-dir', path.join(FIXTURES, 'valid', 'full')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'tests/fixtures/config/valid/full/acme/notes.yml:1:1: warning: ignored: seqera-sync reads only .yaml files (rename to notes.yaml)\n' +
        '4 files valid, 1 warning\n',
    );
  });

  it('text: lists every error as file:line:col, exits 1 and counts errors and files', async () => {
    const r = await validate(['--config-dir', path.join(FIXTURES, 'invalid', 'org-rules')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "tests/fixtures/config/invalid/org-rules/acme/organization.yaml:4:14: error: duplicate member 'Owner@Example.org' (first declared at line 3) (/members/1/email)",
    );
    expect(lines[1]).toMatch(
      /^tests\/fixtures\/config\/invalid\/org-rules\/acme\/other\.yaml:3:13: error: visibility must be one of private, shared/,
    );
    expect(lines[4]).toBe('4 errors in 3 files');
  });

  it('github: prints ::error annotations with file, line and col', async () => {
    const r = await validate([
      '--format',
      'github',
      '--config-dir',
      path.join(FIXTURES, 'invalid', 'bad-role'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "::error file=bad-role/acme/ws.yaml,line=5,col=35::role 'superuser' is neither a predefined role (owner, admin, maintain, launch, connect, view) nor a custom role of acme/organization.yaml (declared: launcher-plus) (/participants/1/role)\n" +
        '1 error in 1 file\n',
    );
  });

  it('github: prints ::warning for warnings and exits 0', async () => {
    const r = await validate(['--format', 'github', '--config-dir', path.join(FIXTURES, 'valid', 'full')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning file=full\/acme\/notes\.yml,line=1,col=1::ignored: /);
  });

  it('json: prints {valid, errors, warnings}', async () => {
    const r = await validate([
      '--format',
      'json',
      '--config-dir',
      path.join(FIXTURES, 'invalid', 'two-primary'),
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: 'tests/fixtures/config/invalid/two-primary/acme/ws.yaml',
          line: 10,
          column: 14,
          pointer: '/computeEnvironments/1/primary',
          message: "at most one compute environment may be primary ('one' is already primary at line 6)",
        },
      ],
      warnings: [],
    });
  });

  it('json: valid with warnings', async () => {
    const r = await validate(['--format', 'json', '--config-dir', path.join(FIXTURES, 'valid', 'full')]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      valid: boolean;
      errors: unknown[];
      warnings: { file: string }[];
    };
    expect(report.valid).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.file)).toEqual(['tests/fixtures/config/valid/full/acme/notes.yml']);
  });

  it('--quiet hides warnings in text', async () => {
    const r = await validate(['--quiet', '--config-dir', path.join(FIXTURES, 'valid', 'full')]);
    expect(r.stdout).toBe('4 files valid, 1 warning\n');
  });

  it('reports a missing config dir as a clear error, exit 1, in every format', async () => {
    for (const format of ['text', 'json', 'github']) {
      const r = await validate(['--format', format, '--config-dir', 'does-not-exist']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Error: config dir '");
      expect(r.stderr).toContain("does-not-exist' does not exist");
      if (format === 'github') expect(r.stdout).toMatch(/^::error title=seqera-sync validate::config dir/);
    }
  });

  it('refuses an unknown --format', async () => {
    const r = await validate(['--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--format must be one of text, github, json');
  });

  it('never prints a stack trace or a literal secret, for any invalid fixture', async () => {
    const { readdir } = await import('node:fs/promises');
    for (const name of await readdir(path.join(FIXTURES, 'invalid'))) {
      for (const format of ['text', 'github', 'json']) {
        const r = await validate(['--format', format, '--config-dir', path.join(FIXTURES, 'invalid', name)]);
        expect(r.code, `${name} ${format}`).toBe(1);
        expect(r.stdout).not.toContain('wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY');
      }
    }
  });

  it('works offline without variables: SEQERA_SYNC_VARS is not read, let alone echoed', async () => {
    const r = await validate([], { SEQERA_SYNC_VARS: '{"X": "hunter2-value' });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('hunter2');
  });
});
