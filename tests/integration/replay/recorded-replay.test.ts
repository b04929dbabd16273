/**
 * A user adopting an existing organisation, against real platform responses:
 * the recorded responses are replayed over HTTP (tests/helpers/replay-server.ts)
 * and `export` → `validate` → `plan` must end in "No changes" for the
 * organisation and both workspaces. Skips outside CI when the recordings are absent.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../helpers/cli.js';
import { recordedOrSkip } from '../../helpers/recorded.js';
import { REPLAY_ORG, startReplayServer, type ReplayServer } from '../../helpers/replay-server.js';

const { dir, skipReason } = recordedOrSkip();

describe.skipIf(skipReason !== undefined)('export → validate → plan against the recorded platform', () => {
  let server: ReplayServer;
  let tmp = '';
  beforeAll(async () => {
    server = await startReplayServer(dir ?? '');
    tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-replay-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  });

  const cli = (args: readonly string[]): Promise<CliResult> =>
    runCli([...args, '--endpoint', server.endpoint], {
      env: { TOWER_ACCESS_TOKEN: server.token },
      cwd: tmp,
    });
  // `validate` reads only the files: it takes no endpoint (it refuses options it does not use).
  const validate = (args: readonly string[]): Promise<CliResult> =>
    runCli(['validate', ...args], { env: {}, cwd: tmp });

  it('exports, validates and plans with no changes for the organisation and both workspaces', async () => {
    const exported = await cli(['export', '--org', REPLAY_ORG, '--out-dir', 'out']);
    // On failure, stderr names the request nothing was recorded for (a new kind's list needs an answer in replay-server.ts).
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(
      `wrote 3 files\n  out/${REPLAY_ORG}/organization.yaml\n  out/${REPLAY_ORG}/workspace1.yaml\n  out/${REPLAY_ORG}/wspNew.yaml\n`,
    );
    const file = (name: string): Promise<string> =>
      readFile(path.join(tmp, 'out', REPLAY_ORG, `${name}.yaml`), 'utf8');

    // Member rows without userId: the organisation file lists its members by email.
    expect(await file('organization')).toContain(
      'members:\n  - { email: jfernandez74@gmail.com, role: owner }\n  - { email: julio@seqera.io, role: member }\n',
    );
    // Several CEs marked primary: one is exported as primary, by the documented rule, with a warning.
    const workspace1 = await file('workspace1');
    expect(workspace1.match(/primary: true/g)).toHaveLength(1);
    expect(workspace1).toContain(
      '  - name: ce-aws-144996268157965\n    platform: aws-batch\n    primary: true\n',
    );
    expect(exported.stderr).toContain(
      'warning: org-jfernandez/workspace1: the platform marks 2 compute environments primary (ce-aws-144996268157965, demo); exported ce-aws-144996268157965 as primary (the first by name), the others without primary\n',
    );
    // A credential row without keys: described, and the export says its secret fields are unknown.
    expect(server.requests).toContain('GET /credentials/57Ic6reczFn78H1DTaaXkp?workspaceId=75887156211589');
    expect(exported.stderr).toContain(
      'warning: org-jfernandez/workspace1/credentials/azure: the platform returned none of its keys',
    );
    // A dangling reference: the pipeline whose CE is in another workspace is left out and ignored.
    expect(workspace1).toContain('ignore:\n  pipelines: [sarek]\n');
    // The 2021 credential shape (discriminator, no provider) is read as an aws credential the CE uses.
    const wspNew = await file('wspNew');
    expect(wspNew).toContain('  - name: aws\n    provider: aws\n');
    expect(wspNew).toContain('    platform: aws-batch\n    credentials: aws\n');

    const validated = await validate(['--config-dir', 'out']);
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toBe('3 files valid\n');
    expect(validated.code).toBe(0);

    const planned = await cli(['plan', '--config-dir', 'out']);
    expect(planned.stderr).toBe('');
    expect(planned.stdout).toContain('No changes. The platform matches the configuration.');
    expect(planned.code).toBe(0);
    const detailed = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(detailed.code).toBe(0);

    // Not recorded, so answered 404: the custom roles list (read as a platform without custom
    // roles: the organisation file gets `roles: []`, which asks for nothing) and the describe of
    // ce2 (read as a CE deleted meanwhile).
    expect(await file('organization')).toContain('roles: []\n');
    expect([...new Set(server.unserved)]).toEqual(['GET /roles', 'GET /compute-envs/3xkkzYH2nbD3nZjrzKm0oS']);
  });
});
