/**
 * `seqera-sync export` against the emulator, run in-process through the real
 * CLI: an estate made by hand → export → validate → plan shows no changes
 * (the issue's round trip), then the documented first-plan behaviour once the
 * variables are set, overwrite protection, the workspace selection, JSON
 * output and the errors a user meets first.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { isEmptyPlan } from '../../../src/model/plan.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { formatFingerprintSuffix, keysFingerprint } from '../../../src/secrets/fingerprint.js';
import { readActualState } from '../../../src/state/read-actual-state.js';
import { aPlannerContext } from '../../helpers/builders.js';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { useEmulator } from '../../helpers/emulator.js';
import { AWS_SECRET, exportSeed, ORG, SECRET_VALUES } from './estate.js';

const awsFingerprint = formatFingerprintSuffix(
  await keysFingerprint({ secretKey: AWS_SECRET }, 'c2FsdC1leHBvcnQ'),
);
const fixture = useEmulator(() => ({
  seed: exportSeed(awsFingerprint),
  ceCreateDelayMs: 20,
  ceDeleteDelayMs: 20,
}));

const VARIABLES = [
  'GENOMICS_AWS_MAIN_SECRET_KEY',
  'GENOMICS_GITHUB_TOKEN',
  'GENOMICS_HPC_SSH_PRIVATE_KEY',
  'GENOMICS_LICENSE',
];

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-export-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function cli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  // validate is offline: it refuses --endpoint, which would do nothing there.
  const endpoint = args[0] === 'validate' ? [] : ['--endpoint', fixture.emu.endpoint];
  return runCli([...args, ...endpoint], {
    env: { TOWER_ACCESS_TOKEN: fixture.emu.token, ...env },
    cwd: tmp,
  });
}

function expectNoSecrets(...results: readonly CliResult[]): void {
  for (const result of results) {
    for (const secret of [...SECRET_VALUES, fixture.emu.token]) {
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  }
}

describe('seqera-sync export', () => {
  it('exports an estate made by hand; validate passes and plan shows no changes', async () => {
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'out']);
    expect(exported.stderr).toBe(
      'warning: adopt/genomics/credentials/hpc-ssh: keys.passphrase cannot be read back; if the credential has one, add it as a ${VAR} reference before the first apply that sends the keys\n',
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(
      'Exported adopt: wrote 3 files\n  out/adopt/organization.yaml\n  out/adopt/community-pipelines.yaml\n  out/adopt/genomics.yaml\n',
    );
    expect(exported.stdout).toContain('The exported files reference these variables');
    for (const name of VARIABLES) expect(exported.stdout).toContain(`  ${name}`);
    // The SEQERA_SYNC_VARS skeleton: each workspace's key, its names, empty values.
    expect(exported.stdout).toContain(
      `  {\n    "${ORG}/genomics": {\n${VARIABLES.map((name) => `      "${name}": ""`).join(',\n')}\n    }\n  }\n`,
    );
    expect(exported.stdout).toContain(
      'the next plan updates 2 credentials once to record a keys fingerprint (they have none yet):\n  adopt/genomics/credentials/github\n  adopt/genomics/credentials/hpc-ssh\n',
    );
    expect((await readdir(path.join(tmp, 'out', ORG))).sort()).toEqual([
      'community-pipelines.yaml',
      'genomics.yaml',
      'organization.yaml',
    ]);
    const genomics = await readFile(path.join(tmp, 'out', ORG, 'genomics.yaml'), 'utf8');
    expect(genomics.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../schemas/workspace.schema.json',
    );
    for (const secret of SECRET_VALUES) expect(genomics).not.toContain(secret);
    expect(genomics).toContain('secretKey: ${GENOMICS_AWS_MAIN_SECRET_KEY}');
    // The labels a compute environment and a pipeline carry, named as the workspace's labels.
    expect(genomics).toContain('    description: Batch Forge on Spot\n    labels: [project=genomics]\n');
    expect(genomics).toMatch(/name: rnaseq\n(?:.*\n)*? {4}labels: \[project=genomics, rnaseq\]\n/);
    expect(genomics).not.toMatch(/TowerForge|forgedResources|discriminator|sync-bot/);
    expect(fixture.emu.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);

    const validated = await cli(['validate', '--config-dir', 'out']);
    expect(validated.stdout).toBe('3 files valid\n');
    expect(validated.code).toBe(0);

    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(planned.stdout).toContain('No changes. The platform matches the configuration.');
    for (const name of ['aws-main', 'github', 'hpc-ssh']) {
      expect(planned.stdout).toContain(`adopt/genomics/credentials/${name}: keys not compared`);
    }
    expect(planned.code).toBe(0);
    expectNoSecrets(exported, validated, planned);

    // The same, through the engine directly.
    const loaded = await loadDesiredState(path.join(tmp, 'out'));
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const client = createApiClient({
      endpoint: fixture.emu.endpoint,
      token: fixture.emu.token,
      maxRps: 1000,
      verbose: false,
      log: () => undefined,
    });
    const actual = await readActualState(client, loaded.value, { workspaceFilter: [] });
    const plan = computePlan(loaded.value, actual, aPlannerContext());
    expect(plan.blocked).toEqual([]);
    expect(isEmptyPlan(plan)).toBe(true);
  });

  it('with the variables set, the first plan only records the missing fingerprints; after apply, no changes', async () => {
    expect((await cli(['export', '--org', ORG, '--out-dir', 'out'])).code).toBe(0);
    const vars = {
      SEQERA_SYNC_VARS: JSON.stringify({
        [`${ORG}/genomics`]: {
          GENOMICS_AWS_MAIN_SECRET_KEY: AWS_SECRET,
          GENOMICS_GITHUB_TOKEN: 'ghp_READABLE_TOKEN_3a9',
          GENOMICS_HPC_SSH_PRIVATE_KEY: 'SSH-PRIVATE-KEY-7c1',
          GENOMICS_LICENSE: 'LICENSE-VALUE-42',
        },
      }),
    };
    const planned = await cli(
      ['plan', '--config-dir', 'out', '--detailed-exitcode', '--format', 'json'],
      vars,
    );
    expect(planned.code).toBe(2);
    const document = JSON.parse(planned.stdout) as {
      actions: { type: string; address: string; reason: string }[];
    };
    expect(document.actions.map((a) => [a.type, a.address])).toEqual([
      ['update', 'adopt/genomics/credentials/github'],
      ['update', 'adopt/genomics/credentials/hpc-ssh'],
    ]);
    expect(document.actions.every((a) => a.reason.startsWith('record keys fingerprint'))).toBe(true);

    const applied = await cli(['apply', '--config-dir', 'out', '--yes'], vars);
    expect(applied.code).toBe(0);
    const replanned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode'], vars);
    expect(replanned.stdout).toContain('No changes.');
    expect(replanned.code).toBe(0);
    expectNoSecrets(planned, applied, replanned);
  });

  it('writes into the config dir by default and refuses to overwrite without --force', async () => {
    await mkdir(path.join(tmp, 'conf', ORG), { recursive: true });
    await writeFile(path.join(tmp, 'conf', ORG, 'genomics.yaml'), 'kept: true\n');
    const refused = await cli(['--config-dir', 'conf', 'export', '--org', ORG]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to overwrite conf/adopt/genomics.yaml');
    expect(await readdir(path.join(tmp, 'conf', ORG))).toEqual(['genomics.yaml']);
    expect(await readFile(path.join(tmp, 'conf', ORG, 'genomics.yaml'), 'utf8')).toBe('kept: true\n');

    const forced = await cli(['export', '--org', ORG, '--config-dir', 'conf', '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(tmp, 'conf', ORG, 'genomics.yaml'), 'utf8')).toContain('name: genomics');
    expect((await cli(['validate', '--config-dir', 'conf'])).code).toBe(0);
  });

  it('exports only the named workspaces, without an organisation file; --format json prints files and variables', async () => {
    const exported = await cli([
      'export',
      '--org',
      ORG,
      '--workspace',
      'genomics',
      '--out-dir',
      'out',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const output = JSON.parse(exported.stdout) as {
      files: string[];
      variables: { name: string; address: string; field: string }[];
    };
    expect(output.files).toEqual(['out/adopt/genomics.yaml']);
    expect(output.variables).toEqual([
      {
        name: 'GENOMICS_AWS_MAIN_SECRET_KEY',
        address: 'adopt/genomics/credentials/aws-main',
        field: 'keys.secretKey',
      },
      { name: 'GENOMICS_GITHUB_TOKEN', address: 'adopt/genomics/credentials/github', field: 'keys.token' },
      {
        name: 'GENOMICS_HPC_SSH_PRIVATE_KEY',
        address: 'adopt/genomics/credentials/hpc-ssh',
        field: 'keys.privateKey',
      },
      { name: 'GENOMICS_LICENSE', address: 'adopt/genomics/secrets/LICENSE', field: 'value' },
    ]);
    expect(await readdir(path.join(tmp, 'out', ORG))).toEqual(['genomics.yaml']);
    const planned = await cli([
      'plan',
      '--config-dir',
      'out',
      '--workspace',
      `${ORG}/genomics`,
      '--detailed-exitcode',
    ]);
    expect(planned.stdout).toContain('No changes.');
    expect(planned.code).toBe(0);

    const qualified = await cli([
      'export',
      '--org',
      ORG,
      '--workspace',
      `${ORG}/community-pipelines`,
      '--out-dir',
      'out',
    ]);
    expect(qualified.code).toBe(0);
    expect(qualified.stdout).toContain('No variables to set');
    expect((await readdir(path.join(tmp, 'out', ORG))).sort()).toEqual([
      'community-pipelines.yaml',
      'genomics.yaml',
    ]);
  });

  it('says what is wrong with the organisation, the workspaces or the token', async () => {
    const unknownOrg = await cli(['export', '--org', 'nope', '--out-dir', 'out']);
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.stderr).toContain('organisation nope was not found');
    const unknownWs = await cli(['export', '--org', ORG, '--workspace', 'missing', '--out-dir', 'out']);
    expect(unknownWs.code).toBe(1);
    expect(unknownWs.stderr).toContain(
      '--workspace names no workspace of adopt: missing (its workspaces: community-pipelines, genomics)',
    );
    const otherOrg = await cli(['export', '--org', ORG, '--workspace', 'other/genomics', '--out-dir', 'out']);
    expect(otherOrg.code).toBe(1);
    expect(otherOrg.stderr).toContain('--workspace other/genomics is not in the exported organisation adopt');
    const noOrg = await cli(['export', '--out-dir', 'out']);
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain("required option '--org <org>' not specified");
    const noToken = await runCli(['export', '--org', ORG, '--endpoint', fixture.emu.endpoint], {
      env: {},
      cwd: tmp,
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('TOWER_ACCESS_TOKEN is not set');
    await expect(readdir(path.join(tmp, 'out'))).rejects.toThrow();
    expectNoSecrets(unknownOrg, unknownWs, otherOrg, noOrg, noToken);
  });
});
