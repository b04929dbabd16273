/**
 * A compute environment's `config` pasted verbatim from `tw compute-envs
 * export` (the seqerakit-*.json recordings: with `discriminator` and the
 * fields the CLI adds) validates; `discriminator` must agree with `platform`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { runCli } from '../../helpers/cli.js';
import { TOKEN, useEmulator } from '../../helpers/emulator.js';
import { readRecorded, recordedOrSkip } from '../../helpers/recorded.js';

const { dir, skipReason } = recordedOrSkip();

const PASTES = [
  ['seqerakit-aws-ireland.json', 'aws-batch', 'aws'],
  ['seqerakit-azure-virginia.json', 'azure-batch', 'azure'],
  ['seqerakit-gcp-finland.json', 'google-batch', 'google'],
] as const;

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-paste-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const pasted = (fixture: string): Record<string, unknown> =>
  readRecorded(dir ?? '', fixture) as Record<string, unknown>;

/** A workspace file with one CE (credentials unmanaged) whose config is `config`, pasted as is (JSON is YAML). */
async function workspaceWith(platform: string, config: unknown): Promise<void> {
  await mkdir(path.join(tmp, 'bio'), { recursive: true });
  const text = [
    'name: ws',
    'fullName: WS',
    'computeEnvironments:',
    '  - name: pasted',
    `    platform: ${platform}`,
    `    config: ${JSON.stringify(config)}`,
    '',
  ].join('\n');
  await writeFile(path.join(tmp, 'bio', 'ws.yaml'), text);
}

describe.skipIf(skipReason !== undefined)('a CE config pasted from tw compute-envs export', () => {
  it.each(PASTES)('%s validates as %s', async (fixture, platform) => {
    await workspaceWith(platform, pasted(fixture));
    const loaded = await loadDesiredState(tmp);
    expect(loaded.ok ? [] : loaded.diagnostics).toEqual([]);
  });

  it('a discriminator that disagrees with the platform is a validation error naming both', async () => {
    // An aws-batch export whose discriminator was edited: every other key fits aws-batch.
    await workspaceWith('aws-batch', { ...pasted('seqerakit-aws-ireland.json'), discriminator: 'aws-cloud' });
    const result = await runCli(['validate', '--config-dir', tmp]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(
      "ws.yaml:6:488: error: config.discriminator 'aws-cloud' does not match platform 'aws-batch' of compute environment 'pasted'",
    );
  });
});

/** The platform already holds each pasted CE, created from that same config. */
function seed(): EmulatorSeed {
  return {
    users: [{ userName: 'sync-bot', email: 'bot@example.org', token: TOKEN }],
    orgs: [
      {
        name: 'bio',
        fullName: 'Bio',
        members: [{ email: 'bot@example.org', role: 'owner' }],
        workspaces: [
          {
            name: 'ws',
            fullName: 'WS',
            visibility: 'private',
            participants: [{ email: 'bot@example.org', role: 'owner' }],
            computeEnvironments: PASTES.map(([fixture, platform]) => {
              const { discriminator: _discriminator, ...config } = pasted(fixture);
              return { name: platform, platform, config };
            }),
          },
        ],
      },
    ],
  };
}

describe.skipIf(skipReason !== undefined)('a pasted CE config plans without spurious changes', () => {
  const fixture = useEmulator(() => (skipReason === undefined ? { seed: seed() } : {}));

  it('plan shows no changes for the CEs created from the same configs', async () => {
    await mkdir(path.join(tmp, 'bio'), { recursive: true });
    const ces = PASTES.flatMap(([file, platform]) => [
      `  - name: ${platform}`,
      `    platform: ${platform}`,
      `    config: ${JSON.stringify(pasted(file))}`,
    ]);
    await writeFile(
      path.join(tmp, 'bio', 'ws.yaml'),
      ['name: ws', 'fullName: WS', 'computeEnvironments:', ...ces, ''].join('\n'),
    );
    const result = await runCli(['plan', '--config-dir', tmp, '--endpoint', fixture.emu.endpoint], {
      env: { TOWER_ACCESS_TOKEN: fixture.emu.token },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('No changes. The platform matches the configuration.');
    expect(result.code).toBe(0);
  });
});
