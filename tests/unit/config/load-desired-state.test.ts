import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/config/load-file.js';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import type { DesiredState, DesiredWorkspace } from '../../../src/model/desired.js';
import { FileError } from '../../../src/errors.js';
import { diagnosticsOf, ESTATE, VALID } from './config-fixtures.js';

const FULL = path.join(VALID, 'full');

async function loadFull(): Promise<DesiredState> {
  const loaded = await loadDesiredState(FULL);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

function workspace(state: DesiredState, org: string, name: string): DesiredWorkspace {
  const ws = state.orgs.find((o) => o.name === org)?.workspaces.find((w) => w.name === name);
  if (ws === undefined) throw new Error(`no workspace ${org}/${name}`);
  return ws;
}

describe('loadDesiredState: normalisation', () => {
  it('normalises the organisation file: emails, policy defaults, prune map, ignore', async () => {
    const state = await loadFull();
    expect(state.orgs.map((o) => o.name)).toEqual(['acme', 'solo']);
    const acme = state.orgs[0]!;
    expect(acme.hasFile).toBe(true);
    expect(acme.fullName).toBe('ACME Research');
    expect(acme.members?.map((m) => [m.email, m.role])).toEqual([
      ['owner@example.org', 'owner'],
      ['member@example.org', 'member'],
    ]);
    expect(acme.members?.[0]?.source).toEqual({
      file: 'full/acme/organization.yaml',
      line: 4,
      column: 5,
      pointer: '/members/0',
    });
    expect(acme.teams).toEqual([
      {
        name: 'admins',
        description: 'Workspace admins',
        members: ['member@example.org'],
        source: { file: 'full/acme/organization.yaml', line: 7, column: 5, pointer: '/teams/0' },
      },
      {
        name: 'viewers',
        source: { file: 'full/acme/organization.yaml', line: 10, column: 5, pointer: '/teams/1' },
      },
    ]);
    expect(acme.policy).toEqual({
      prune: {
        members: false,
        teams: false,
        teamMembers: false,
        participants: true,
        credentials: false,
        computeEnvironments: false,
        pipelines: true,
        secrets: false,
        labels: false,
        dataLinks: false,
        roles: false,
        datasets: false,
        actions: false,
      },
      maxDeletions: 5,
      maxDeletionRatio: 0.25,
      protectedUsers: ['owner@example.org'],
      maxParticipants: 3,
    });
    expect(acme.ignore.members).toEqual(['helpdesk@example.org']);
    expect(acme.ignore.participants).toEqual(['bot@example.org']);
  });

  it('merges the workspace prune override and ignore list over the organisation policy', async () => {
    const alpha = workspace(await loadFull(), 'acme', 'alpha');
    expect(alpha.prune.participants).toBe(true); // inherited
    expect(alpha.prune.pipelines).toBe(false); // overridden
    expect(alpha.prune.secrets).toBe(true); // overridden
    expect(alpha.ignore.participants).toEqual(['bot@example.org', 'visitor@example.org']);
    expect(alpha.ignore.members).toEqual(['helpdesk@example.org']);
  });

  it('applies workspace defaults and leaves absent collections unmanaged', async () => {
    const beta = workspace(await loadFull(), 'acme', 'beta');
    expect(beta).toEqual({
      org: 'acme',
      name: 'beta',
      fullName: 'Beta Group',
      visibility: 'private',
      state: 'present',
      prune: expect.objectContaining({ participants: true, pipelines: true, secrets: false }),
      ignore: expect.objectContaining({ participants: ['bot@example.org'] }),
      maintainers: [],
      source: { file: 'full/acme/beta.yaml', line: 1, column: 1, pointer: '' },
    });
  });

  it('gives an organisation without a file the default policy and hasFile false', async () => {
    const solo = (await loadFull()).orgs.find((o) => o.name === 'solo')!;
    expect(solo.hasFile).toBe(false);
    expect(solo.members).toBeUndefined();
    expect(solo.teams).toBeUndefined();
    expect(solo.policy.maxDeletions).toBe(10);
    expect(solo.policy.maxDeletionRatio).toBe(0.25);
    expect(Object.values(solo.policy.prune).every((p) => !p)).toBe(true);
    expect(solo.source).toEqual({ file: 'full/solo', line: 1, column: 1, pointer: '' });
    const gamma = solo.workspaces[0]!;
    expect(gamma.participants).toEqual([]); // present, even empty = managed
    expect(gamma.credentials).toBeUndefined();
  });

  it('lower-cases participant emails and keeps team participants by name', async () => {
    const alpha = workspace(await loadFull(), 'acme', 'alpha');
    expect(alpha.participants).toEqual([
      {
        type: 'user',
        email: 'member@example.org',
        role: 'admin',
        source: { file: 'full/acme/alpha.yaml', line: 9, column: 5, pointer: '/participants/0' },
      },
      {
        type: 'team',
        team: 'admins',
        role: 'maintain',
        source: { file: 'full/acme/alpha.yaml', line: 10, column: 5, pointer: '/participants/1' },
      },
    ]);
  });

  it('turns secret fields into SecretRefs and never resolves them', async () => {
    const alpha = workspace(await loadFull(), 'acme', 'alpha');
    expect(alpha.credentials?.[0]?.keys).toEqual({
      accessKey: 'AKIAEXAMPLE',
      secretKey: { secretRef: 'ALPHA_AWS_SECRET' },
    });
    expect(alpha.credentials?.[1]?.keys).toEqual({ privateKey: { secretRef: 'ALPHA_SSH_KEY' } });
    expect(alpha.secrets).toEqual([
      {
        name: 'API_TOKEN',
        value: { secretRef: 'ALPHA_API_TOKEN' },
        variableSources: {
          ALPHA_API_TOKEN: {
            file: 'full/acme/alpha.yaml',
            line: 42,
            column: 31,
            pointer: '/secrets/0/value',
          },
        },
        source: { file: 'full/acme/alpha.yaml', line: 42, column: 5, pointer: '/secrets/0' },
      },
    ]);
    expect(alpha.credentials?.[0]?.variableSources).toEqual({
      ALPHA_AWS_SECRET: {
        file: 'full/acme/alpha.yaml',
        line: 14,
        column: 48,
        pointer: '/credentials/0/keys/secretKey',
      },
    });
  });

  it('reads $${ as ${ in ordinary strings and leaves scripts and config text verbatim', async () => {
    const alpha = workspace(await loadFull(), 'acme', 'alpha');
    const [aws, slurm] = alpha.computeEnvironments!;
    expect(aws?.config).toEqual({
      region: 'ap-southeast-2',
      workDir: 's3://alpha/work',
      preRunScript: 'export PATH=${HOME}/bin:$PATH\n',
      nextflowConfig: 'process.ext.args = "--threads ${task.cpus}"',
      forge: { type: 'SPOT', maxCpus: 100 },
    });
    expect(aws?.primary).toBe(true);
    expect(aws?.credentials).toBe('aws-main');
    expect(slurm?.primary).toBe(false);
    expect(slurm?.config).toEqual({ workDir: '$TW_AGENT_WORK', headJobOptions: '-A ${PROJECT} -p work' });
    const pipeline = alpha.pipelines?.[0];
    expect(pipeline?.launch).toEqual({ configText: 'x = "${task.cpus}"', headJobCpus: 2 });
    expect(pipeline?.params).toEqual({ outdir: 's3://alpha/results', n: 3, nested: { a: [1, 2] } });
  });
});

describe('loadDesiredState: files and folders', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function tempConfig(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'seqera-sync-config-'));
    const root = path.join(dir, 'workspaces');
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), text);
    }
    await mkdir(root, { recursive: true });
    return root;
  }

  it('throws a FileError for a missing config dir', async () => {
    await expect(loadDesiredState(path.join(FULL, 'nope'))).rejects.toBeInstanceOf(FileError);
  });

  it('refuses a file over the size bound without parsing it', async () => {
    const root = await tempConfig({
      'acme/big.yaml': `name: big\nfullName: Big\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`,
    });
    expect(await diagnosticsOf(root)).toEqual([
      expect.objectContaining({
        file: 'workspaces/acme/big.yaml',
        line: 1,
        message: expect.stringContaining('file too large') as unknown,
      }),
    ]);
  });

  it('reports an unreadable file (a dangling symlink) as a diagnostic', async () => {
    const root = await tempConfig({});
    await mkdir(path.join(root, 'acme'));
    await symlink(path.join(root, 'missing-target.yaml'), path.join(root, 'acme', 'ghost.yaml'));
    expect(await diagnosticsOf(root)).toEqual([
      expect.objectContaining({
        file: 'workspaces/acme/ghost.yaml',
        severity: 'error',
        message: 'cannot read the file (ENOENT)',
      }),
    ]);
  });

  it('warns about stray files and reads only <org>/<name>.yaml', async () => {
    const root = await tempConfig({
      'stray.yaml': 'name: x\n',
      'acme/old.yml': 'name: old\n',
      'acme/README.md': '# not config\n',
      'acme/.hidden.yaml': 'not: read\n',
      'acme/ok.yaml': 'name: ok\nfullName: OK\n',
    });
    const loaded = await loadDesiredState(root);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.orgs[0]?.workspaces.map((w) => w.name)).toEqual(['ok']);
    expect(loaded.warnings.map((w) => [w.file, w.message.split(':')[0]])).toEqual([
      ['workspaces/acme/old.yml', 'ignored'],
      ['workspaces/stray.yaml', 'ignored'],
    ]);
  });

  it('a ${NAME} outside credential keys and secret values is an error at its position, even where a name is expected', async () => {
    const root = await tempConfig({
      'acme/ws.yaml': [
        'name: ws',
        'fullName: WS',
        'credentials: [{ name: main, provider: ssh, keys: { privateKey: "${WS_KEY}" } }]',
        'computeEnvironments:',
        '  - { name: hpc, platform: slurm-platform, credentials: "${WS_CREDENTIAL}", config: { workDir: /scratch } }',
        '',
      ].join('\n'),
    });
    expect(await diagnosticsOf(root)).toEqual([
      expect.objectContaining({
        line: 5,
        column: 57,
        pointer: '/computeEnvironments/0/credentials',
        severity: 'error',
        message:
          'variables are resolved only in credential keys and secret values; write `$${` for a literal `${`',
      }),
    ]);
  });

  it('collects diagnostics from every file in one run', async () => {
    const root = await tempConfig({
      'acme/one.yaml': 'name: one\nfullName: One\nvisibility: public\n',
      'acme/two.yaml': 'name: two\nfullName: Two\nparticipants: [{ email: a@example.org, role: Admin }]\n',
      'other/three.yaml': 'name: three\n',
    });
    const diagnostics = await diagnosticsOf(root);
    expect(diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual([
      'workspaces/acme/one.yaml:3',
      'workspaces/acme/two.yaml:3',
      'workspaces/other/three.yaml:1',
    ]);
    expect(diagnostics[2]?.message).toBe("missing required key 'fullName'");
  });
});

describe('the example estate in workspaces/', () => {
  it('is valid with no warnings, even without any variable set', async () => {
    expect(await diagnosticsOf(ESTATE)).toEqual([]);
  });

  it('has the shapes the service relies on', async () => {
    const loaded = await loadDesiredState(ESTATE);
    if (!loaded.ok) throw new Error('estate invalid');
    const [org] = loaded.value.orgs;
    expect(org?.name).toBe('biocommons');
    expect(org?.teams).toHaveLength(2);
    expect(org?.members).toContainEqual(
      expect.objectContaining({ email: 'seqera-sync@biocommons.example.org', role: 'owner' }),
    );
    const byName = new Map(org?.workspaces.map((w) => [w.name, w]));
    const shared = [...byName.values()].filter((w) => w.visibility === 'shared');
    expect(shared.length).toBeGreaterThanOrEqual(1);
    expect(
      shared.some((w) =>
        w.computeEnvironments?.some((ce) => ce.platform === 'aws-batch' && 'forge' in ce.config),
      ),
    ).toBe(true);
    const platforms = [...byName.values()].flatMap((w) =>
      w.visibility === 'private' ? (w.computeEnvironments ?? []) : [],
    );
    expect(platforms.map((ce) => ce.platform).sort()).toEqual(['altair-platform', 'slurm-platform']);
    expect([...byName.values()].some((w) => (w.secrets ?? []).length > 0)).toBe(true);
  });
});
