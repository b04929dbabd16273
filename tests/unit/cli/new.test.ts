import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { runCli } from '../../helpers/cli.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'seqera-new-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const ARGS = [
  'new',
  'biocommons/ausgen',
  '--full-name',
  'Australian Genomics',
  '--admin',
  'jane@example.edu.au',
];

describe('seqera-sync new', () => {
  it('writes workspaces/<org>/<name>.yaml with the schema comment, the fields and the admin', async () => {
    const r = await runCli(ARGS, { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const text = await readFile(join(cwd, 'workspaces/biocommons/ausgen.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/workspace.schema.json');
    expect(parse(text)).toEqual({
      name: 'ausgen',
      fullName: 'Australian Genomics',
      visibility: 'private',
      participants: [{ email: 'jane@example.edu.au', role: 'admin' }],
    });
    expect(text).toContain('participants:\n  - { email: jane@example.edu.au, role: admin }\n');
    for (const hint of [
      '# credentials:',
      '# computeEnvironments:',
      '# pipelines:',
      '${AUSGEN_AWS_SECRET_KEY}',
      '# maintainers:',
    ]) {
      expect(text).toContain(hint);
    }
    expect(r.stdout).toContain('Created workspaces/biocommons/ausgen.yaml');
    expect(r.stdout).toContain('npx seqera-sync validate\n');
    expect(r.stdout).toContain('Note: there is no workspaces/biocommons/organization.yaml');
  });

  it('takes visibility, description, several admins and maintainers', async () => {
    const r = await runCli(
      [
        ...ARGS,
        '--visibility',
        'shared',
        '--description',
        'Shared: pipelines # for all',
        '--admin',
        'second@example.org',
        '--maintainer',
        '@biocommons/ausgen',
        '--maintainer',
        '@jcitizen',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    const text = await readFile(join(cwd, 'workspaces/biocommons/ausgen.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({
      description: 'Shared: pipelines # for all',
      visibility: 'shared',
      maintainers: ['@biocommons/ausgen', '@jcitizen'],
      participants: [
        { email: 'jane@example.edu.au', role: 'admin' },
        { email: 'second@example.org', role: 'admin' },
      ],
    });
    expect(text).not.toContain('# maintainers:');
  });

  it('honours --out-dir and --config-dir (resolved against the working directory)', async () => {
    expect((await runCli([...ARGS, '--out-dir', 'elsewhere'], { cwd })).code).toBe(0);
    await expect(readFile(join(cwd, 'elsewhere/biocommons/ausgen.yaml'), 'utf8')).resolves.toContain(
      'name: ausgen',
    );
    const r = await runCli(['--config-dir', 'estate', ...ARGS], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Created estate/biocommons/ausgen.yaml');
    expect(r.stdout).toContain('npx seqera-sync validate --config-dir estate');
  });

  it('does not mention organization.yaml when the org file exists', async () => {
    await mkdir(join(cwd, 'workspaces/biocommons'), { recursive: true });
    await writeFile(join(cwd, 'workspaces/biocommons/organization.yaml'), 'name: biocommons\n');
    const r = await runCli(ARGS, { cwd });
    expect(r.stdout).not.toContain('organization.yaml');
  });

  it('refuses to overwrite an existing file', async () => {
    expect((await runCli(ARGS, { cwd })).code).toBe(0);
    const before = await readFile(join(cwd, 'workspaces/biocommons/ausgen.yaml'), 'utf8');
    const r = await runCli([...ARGS.slice(0, 3), 'Other', '--admin', 'x@example.org'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('workspaces/biocommons/ausgen.yaml already exists: not overwritten');
    await expect(readFile(join(cwd, 'workspaces/biocommons/ausgen.yaml'), 'utf8')).resolves.toBe(before);
  });

  it.each([
    [['new', 'ausgen', '--full-name', 'A', '--admin', 'a@b.org'], "expected ORG/NAME, got 'ausgen'"],
    [['new', 'bio/commons/x', '--full-name', 'A', '--admin', 'a@b.org'], 'expected ORG/NAME'],
    [['new', 'biocommons/a', '--full-name', 'A', '--admin', 'a@b.org'], "workspace name 'a' must be 2 to 39"],
    [
      ['new', 'bio--commons/ausgen', '--full-name', 'A', '--admin', 'a@b.org'],
      "organisation name 'bio--commons'",
    ],
    [['new', 'biocommons/ausgen-', '--full-name', 'A', '--admin', 'a@b.org'], "workspace name 'ausgen-'"],
    [['new', `biocommons/${'x'.repeat(40)}`, '--full-name', 'A', '--admin', 'a@b.org'], 'must be 2 to 39'],
    [
      ['new', 'biocommons/ausgen', '--full-name', 'A', '--admin', 'not-an-email'],
      "--admin takes an email address, got 'not-an-email'",
    ],
    [
      ['new', 'biocommons/ausgen', '--full-name', ' ', '--admin', 'a@b.org'],
      '--full-name must be 1 to 100 characters',
    ],
    [
      ['new', 'biocommons/ausgen', '--full-name', 'A', '--admin', 'a@b.org', '--visibility', 'public'],
      "--visibility must be private or shared, got 'public'",
    ],
    [
      ['new', 'biocommons/ausgen', '--full-name', 'A', '--admin', 'a@b.org', '--maintainer', 'jcitizen'],
      "--maintainer takes @login or @org/team, got 'jcitizen'",
    ],
    [
      ['new', 'biocommons/ausgen', '--full-name', 'A', '--admin', 'a@b.org', '--admin', 'A@b.org'],
      '--admin lists the same email twice',
    ],
    [
      ['new', 'biocommons/ausgen', '--admin', 'a@b.org'],
      "required option '--full-name <text>' not specified",
    ],
    [['new', 'biocommons/ausgen', '--full-name', 'A'], "required option '--admin <email>' not specified"],
  ])('rejects %j without writing anything', async (argv, message) => {
    const r = await runCli(argv, { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    await expect(readFile(join(cwd, 'workspaces/biocommons/ausgen.yaml'), 'utf8')).rejects.toThrow();
  });

  it('scaffolds a file the config loader accepts (schema and rules), with and without options', async () => {
    await mkdir(join(cwd, 'workspaces/biocommons'), { recursive: true });
    await writeFile(join(cwd, 'workspaces/biocommons/organization.yaml'), 'name: biocommons\n');
    expect((await runCli(ARGS, { cwd })).code).toBe(0);
    const shared = [
      'new',
      'biocommons/shared-pipes',
      '--full-name',
      'Shared pipelines',
      '--admin',
      'a@example.org',
      '--visibility',
      'shared',
      '--description',
      'x: y',
      '--maintainer',
      '@biocommons/staff',
    ];
    expect((await runCli(shared, { cwd })).code).toBe(0);
    const loaded = await loadDesiredState(join(cwd, 'workspaces'));
    expect(loaded.ok ? [] : loaded.diagnostics).toEqual([]);
    if (!loaded.ok) return;
    expect(loaded.warnings).toEqual([]);
    const workspaces = loaded.value.orgs[0]?.workspaces ?? [];
    expect(workspaces.map((w) => [w.name, w.visibility, w.participants?.length, w.credentials])).toEqual([
      ['ausgen', 'private', 1, undefined],
      ['shared-pipes', 'shared', 1, undefined],
    ]);
    expect(workspaces[1]?.maintainers).toEqual(['@biocommons/staff']);
  });
});
