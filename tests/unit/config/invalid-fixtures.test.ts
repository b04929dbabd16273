import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, INVALID } from './config-fixtures.js';

interface Expected {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly pointer?: string;
  readonly message: string;
}

/** Each invalid fixture dir and exactly the errors it must produce (file relative to the fixture dir's parent). */
const CASES: Readonly<Record<string, readonly Expected[]>> = {
  'unknown-key': [
    { file: 'ws.yaml', line: 3, column: 1, pointer: '/visiblity', message: "unknown key 'visiblity'" },
  ],
  'bad-role': [
    {
      file: 'ws.yaml',
      line: 5,
      column: 35,
      pointer: '/participants/1/role',
      message:
        "role 'superuser' is neither a predefined role (owner, admin, maintain, launch, connect, view) nor a custom role of acme/organization.yaml (declared: launcher-plus)",
    },
  ],
  'bad-visibility': [
    {
      file: 'ws.yaml',
      line: 3,
      column: 13,
      pointer: '/visibility',
      message: 'visibility must be one of private, shared',
    },
  ],
  'bad-workspace-name': [
    {
      file: 'bad--name.yaml',
      line: 1,
      column: 7,
      pointer: '/name',
      message: "name 'bad--name' must be 2 to 39 letters",
    },
  ],
  'duplicate-participant': [
    {
      file: 'ws.yaml',
      line: 6,
      column: 14,
      pointer: '/participants/2/email',
      message: "duplicate participant 'jane.citizen@EXAMPLE.edu.au' (first declared at line 4)",
    },
  ],
  'missing-credential': [
    {
      file: 'ws.yaml',
      line: 10,
      column: 18,
      pointer: '/computeEnvironments/0/credentials',
      message: "credentials 'aws-mian' is not a credential of this workspace (declared: aws-main)",
    },
  ],
  'two-primary': [
    {
      file: 'ws.yaml',
      line: 10,
      pointer: '/computeEnvironments/1/primary',
      message: "at most one compute environment may be primary ('one' is already primary at line 6)",
    },
  ],
  'literal-secret': [
    {
      file: 'ws.yaml',
      line: 8,
      column: 18,
      pointer: '/credentials/0/keys/secretKey',
      message: 'secretKey: secrets must not be committed',
    },
  ],
  'unknown-config-key': [
    {
      file: 'ws.yaml',
      line: 9,
      column: 7,
      pointer: '/computeEnvironments/0/config/fusion2Enabled',
      message: "unknown key 'fusion2Enabled' in slurm-platform config (allowed: computeQueue,",
    },
  ],
  'nested-forge-key': [
    {
      file: 'ws.yaml',
      line: 10,
      column: 9,
      pointer: '/computeEnvironments/0/config/forge/maxCPUs',
      message: "unknown key 'maxCPUs' (did you mean 'maxCpus'?",
    },
  ],
  'malformed-reference': [
    {
      file: 'ws.yaml',
      line: 7,
      column: 15,
      pointer: '/computeEnvironments/0/config/region',
      message: "malformed variable reference '${aws_region}'",
    },
  ],
  'malformed-yaml': [
    {
      file: 'ws.yaml',
      line: 5,
      column: 1,
      pointer: '',
      message: 'invalid YAML: Flow map in block collection',
    },
  ],
  'duplicate-yaml-key': [{ file: 'ws.yaml', line: 5, column: 1, pointer: '', message: 'duplicate key' }],
  'alias-bomb': [{ file: 'ws.yaml', line: 4, column: 8, pointer: '', message: 'too many alias expansions' }],
  'custom-tag': [{ file: 'ws.yaml', line: 2, column: 11, message: "tag '!include' is not allowed" }],
  'empty-file': [{ file: 'ws.yaml', line: 1, column: 1, pointer: '', message: 'the file is empty' }],
  'file-name-mismatch': [
    {
      file: 'ws.yaml',
      line: 1,
      column: 7,
      pointer: '/name',
      message: "name 'other-name' must equal the file name 'ws'",
    },
  ],
  'private-pipeline': [
    {
      file: 'ws.yaml',
      line: 4,
      pointer: '/pipelines/0',
      message: "pipeline 'hello' needs computeEnvironment",
    },
  ],
  'missing-compute-environment': [
    {
      file: 'ws.yaml',
      line: 8,
      pointer: '/pipelines/0/computeEnvironment',
      message: "computeEnvironment 'nowhere' is not a compute environment of this workspace",
    },
  ],
  'wrong-provider': [
    {
      file: 'ws.yaml',
      line: 8,
      pointer: '/computeEnvironments/0/credentials',
      message: "platform aws-batch cannot use credential 'agent' (provider tw-agent): it needs aws",
    },
  ],
  'participant-shape': [
    {
      file: 'ws.yaml',
      line: 4,
      pointer: '/participants/0',
      message: "exactly one of 'email' (a user) or 'team'",
    },
  ],
  'org-folder-mismatch': [
    {
      file: 'organization.yaml',
      line: 1,
      column: 7,
      pointer: '/name',
      message: "name 'acme-corp' must equal the organisation folder name 'acme'",
    },
  ],
  'org-rules': [
    {
      file: 'organization.yaml',
      line: 4,
      pointer: '/members/1/email',
      message: "duplicate member 'Owner@Example.org'",
    },
    {
      file: 'other.yaml',
      line: 3,
      pointer: '/visibility',
      message: 'visibility must be one of private, shared',
    },
    {
      file: 'ws.yaml',
      line: 4,
      pointer: '/participants',
      message: "3 participant entries exceed the organisation's policy.maxParticipants (2)",
    },
    {
      file: 'ws.yaml',
      line: 6,
      pointer: '/participants/2/team',
      message: "team 'reviewers' is not a team of acme/organization.yaml",
    },
  ],
};

describe('invalid configuration fixtures', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: reports exactly its errors with file, line and message`, async () => {
      const diagnostics = await diagnosticsOf(path.join(INVALID, name));
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(expected.length);
      expected.forEach((e, i) => {
        const actual = errors[i]!;
        expect(actual.file).toBe(`${name}/acme/${e.file}`);
        expect(actual.line).toBe(e.line);
        if (e.column !== undefined) expect(actual.column).toBe(e.column);
        if (e.pointer !== undefined) expect(actual.pointer).toBe(e.pointer);
        expect(actual.message).toContain(e.message);
      });
    });
  }

  it('covers every fixture directory', async () => {
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(INVALID)).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('never echoes a literal secret', async () => {
    const diagnostics = await diagnosticsOf(path.join(INVALID, 'literal-secret'));
    expect(JSON.stringify(diagnostics)).not.toContain('wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY');
  });

  it('lists the allowed keys of the right platform for an unknown config key', async () => {
    const [d] = await diagnosticsOf(path.join(INVALID, 'unknown-config-key'));
    expect(d?.message).toContain('headJobOptions');
    expect(d?.message).not.toContain('forge');
  });
});
