/**
 * The common ways `plan` fails, as a user meets them: each is one clear
 * message on stderr and exit 1, never a stack trace or an "internal error".
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import type { CliResult } from '../../helpers/cli.js';
import { useEmulator } from '../../helpers/emulator.js';
import {
  convergedSeed,
  DRIFT,
  editWorkspace,
  estateCopy,
  FAST_CE,
  loadEstate,
  ORG,
  sync,
  TOKEN_USER,
  useTempDir,
  writes,
} from './support.js';

const converged = await convergedSeed(await loadEstate());

/** A user-facing failure: exit 1, nothing on stdout, one `Error:` line, no stack, not a bug report. */
function expectCleanFailure(result: CliResult): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^Error: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('internal error');
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve, reject) => {
    server.close((err) => {
      if (err === undefined) resolve();
      else reject(err);
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('plan with a bad token or endpoint', () => {
  const fx = useEmulator({ ...FAST_CE, seed: converged });

  it('says the token is invalid on 401', async () => {
    const result = await sync(fx.emu, ['plan'], { env: { TOWER_ACCESS_TOKEN: 'not-a-valid-token' } });

    expectCleanFailure(result);
    expect(result.stderr).toContain('the access token (TOWER_ACCESS_TOKEN) is invalid or expired');
  });

  it('says TOWER_ACCESS_TOKEN is not set, before any request', async () => {
    const result = await sync(fx.emu, ['plan'], { env: { TOWER_ACCESS_TOKEN: undefined } });

    expectCleanFailure(result);
    expect(result.stderr).toContain('TOWER_ACCESS_TOKEN is not set');
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('says the endpoint cannot be reached when nothing listens on the port', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const result = await sync(fx.emu, ['plan', '--endpoint', endpoint]);

    expectCleanFailure(result);
    expect(result.stderr).toContain(`cannot reach ${endpoint}`);
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it('refuses plain http to a host that is not loopback, before any request', async () => {
    const result = await sync(fx.emu, ['plan', '--endpoint', 'http://seqera.example.org/api']);

    expectCleanFailure(result);
    expect(result.stderr).toContain('refusing plain http to seqera.example.org');
    expect(result.stderr).toContain('use https');
  });
});

describe('plan against a platform that answers 403 for a bad token', () => {
  const fx = useEmulator({ ...FAST_CE, seed: converged, invalidTokenStatus: 403 });

  it('still says the token is invalid', async () => {
    const result = await sync(fx.emu, ['plan'], { env: { TOWER_ACCESS_TOKEN: 'not-a-valid-token' } });

    expectCleanFailure(result);
    expect(result.stderr).toContain('the access token (TOWER_ACCESS_TOKEN) is invalid or expired');
  });
});

/** The token user is a plain member of the org and not a participant of the shared workspace. */
function notAnOwner(seed: EmulatorSeed): EmulatorSeed {
  const demoted = editWorkspace(seed, DRIFT.sharedWorkspace, (ws) => ({
    ...ws,
    participants: (ws.participants ?? []).filter((p) => p.email !== TOKEN_USER.email),
  }));
  return {
    ...demoted,
    orgs: (demoted.orgs ?? []).map((org) => ({
      ...org,
      members: (org.members ?? []).map((m) => (m.email === TOKEN_USER.email ? { ...m, role: 'member' } : m)),
    })),
  };
}

describe('plan with a token whose user lacks permission', () => {
  const fx = useEmulator({ ...FAST_CE, seed: notAnOwner(converged) });

  it('says the token user must own the organisation, writing nothing', async () => {
    const result = await sync(fx.emu, ['plan']);

    expectCleanFailure(result);
    expect(result.stderr).toContain(
      `the token's user ${TOKEN_USER.email} is a member, not an owner, of organisation ${ORG}`,
    );
    expect(writes(fx.emu)).toEqual([]);
  });

  it('says so with a --workspace filter too (the org members are not read then)', async () => {
    const result = await sync(fx.emu, ['plan', '--workspace', `${ORG}/${DRIFT.sharedWorkspace}`]);

    expectCleanFailure(result);
    expect(result.stderr).toContain(`is a member, not an owner, of organisation ${ORG}`);
  });
});

describe('plan with an invalid configuration', () => {
  const fx = useEmulator({ ...FAST_CE, seed: converged });
  const tmp = useTempDir();

  it('prints every diagnostic with its file and position, and reads nothing', async () => {
    const configDir = await estateCopy(tmp.path, {
      'biocommons/ausgen.yaml': (text) =>
        text.replace(
          '{ email: visiting.analyst@example.org, role: launch }',
          '{ email: visiting.analyst@example.org, role: Launch }',
        ),
      'biocommons/marine-omics.yaml': (text) => text.replace('visibility: private', 'visibility: hidden'),
    });
    // Run from the folder that holds workspaces/: positions are relative to it.
    const result = await sync(fx.emu, ['plan'], { configDir, cwd: tmp.path });

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      "workspaces/biocommons/ausgen.yaml:10:50: error: role 'Launch' is not a role: roles are lower case (did you mean 'launch'?) (/participants/2/role)",
      "workspaces/biocommons/marine-omics.yaml:5:13: error: visibility must be one of private, shared (got 'hidden') (/visibility)",
      'Error: 2 configuration errors',
      '',
    ]);
    expect(fx.emu.requestLog()).toEqual([]);
  });
});

describe('error lines', () => {
  const orgOnly: EmulatorSeed = {
    ...converged,
    orgs: (converged.orgs ?? []).map((org) => ({ ...org, workspaces: [] })),
  };
  const fx = useEmulator({ ...FAST_CE, seed: orgOnly });
  const tmp = useTempDir();

  it('start with the same "Error: " for a validation error, an API error, an unknown option and a missing variable', async () => {
    const invalid = await estateCopy(tmp.path, {
      'biocommons/marine-omics.yaml': (text) => text.replace('visibility: private', 'visibility: hidden'),
    });
    const results = {
      validation: await sync(fx.emu, ['plan'], { configDir: invalid, cwd: tmp.path }),
      api: await sync(fx.emu, ['plan'], { env: { TOWER_ACCESS_TOKEN: 'not-a-valid-token' } }),
      unknownOption: await sync(fx.emu, ['plan', '--frobnicate']),
      // The workspaces are new, so their credentials and secrets need their variables.
      missingVariable: await sync(fx.emu, ['plan'], { env: { SEQERA_SYNC_VARS: '{}' } }),
    };
    const errorLines = Object.fromEntries(
      Object.entries(results).map(([what, result]) => {
        expect(result.code, what).toBe(1);
        const lines = `${result.stdout}\n${result.stderr}`.split('\n');
        expect(
          lines.filter((line) => /^error\b/i.test(line) && !line.startsWith('Error: ')),
          what,
        ).toEqual([]);
        return [what, result.stderr.split('\n').filter((line) => line.startsWith('Error: '))];
      }),
    );
    expect(errorLines).toEqual({
      validation: ['Error: 1 configuration error'],
      api: [expect.stringContaining('the access token (TOWER_ACCESS_TOKEN) is invalid or expired')],
      unknownOption: ["Error: unknown option '--frobnicate'"],
      missingVariable: [
        expect.stringMatching(/^Error: the plan is blocked by \d+ unset variables; see above\.$/),
      ],
    });
    // The blocked plan names what is missing as what it is, not as a safety rule.
    expect(results.missingVariable.stdout).toMatch(/^Blocked by \d+ unset variables \(see the top\)/m);
    expect(results.missingVariable.stdout).toContain(
      'Add "AUSGEN_GADI_SSH_KEY" to the "biocommons/ausgen" object',
    );
  });
});
