import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import type { CliDeps } from '../../../src/usecases/deps.js';
import { parseEmulatorFlags, runEmulator } from '../../../src/cli/commands/emulator.js';
import { UsageError } from '../../../src/errors.js';
import { runCli } from '../../helpers/cli.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

function captureDeps(cwd: string): { deps: CliDeps; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const deps: CliDeps = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: {},
    cwd,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    confirm: () => Promise.resolve(false),
    makeClient: createApiClient,
  };
  return { deps, out: () => out, err: () => err };
}

async function waitFor<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'emulator-cli-'));
  await writeFile(
    path.join(dir, 'seed.yaml'),
    'users:\n  - { userName: sync-bot, email: bot@example.org, token: emu-token-123 }\norgs:\n  - { name: biocommons }\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('seqera-sync emulator (in process)', () => {
  it('prints endpoint, token and the export hint, serves /user-info, and stops when told', async () => {
    const { deps, out, err } = captureDeps(dir);
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = runEmulator(
      parseEmulatorFlags({ seed: 'seed.yaml', port: '0', latency: '5' }),
      deps,
      stopped,
    );
    const endpoint = await waitFor(() => /^endpoint: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out())?.[1]);
    expect(out()).toMatch(/^token: emu-token-123$/m);
    expect(out()).toContain(`export TOWER_API_ENDPOINT=${endpoint} TOWER_ACCESS_TOKEN=emu-token-123`);
    expect(out()).toContain('latency 5 ms');
    const res = await fetch(`${endpoint}/user-info`, { headers: { authorization: 'Bearer emu-token-123' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { userName: string } }).user.userName).toBe('sync-bot');
    stop();
    await running;
    expect(err()).toContain('emulator stopped');
    await expect(fetch(`${endpoint}/user-info`)).rejects.toThrow();
  });

  it('validates its flags', () => {
    expect(parseEmulatorFlags({})).toEqual({ port: 0, latencyMs: 0, faultRate: 0 });
    expect(
      parseEmulatorFlags({ rateLimit: '18', faultRate: '0.1', faultSeed: '9', faultKinds: '5xx,drop' }),
    ).toMatchObject({
      rateLimit: 18,
      faultRate: 0.1,
      faultSeed: 9,
      faultKinds: ['5xx', 'drop'],
    });
    for (const raw of [
      { port: '70000' },
      { port: 'x' },
      { faultRate: '1.5' },
      { rateLimit: '0' },
      { faultKinds: 'fire' },
      { latency: '-1' },
    ]) {
      expect(() => parseEmulatorFlags(raw), JSON.stringify(raw)).toThrow(UsageError);
    }
  });

  it('says a busy port is taken and how to pick another, through the real CLI', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const result = await runCli(['emulator', '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Error: port ${String(port)} on 127.0.0.1 is already in use: pick another with --port N, or --port 0 for any free port\n`,
      );
    } finally {
      await new Promise<void>((resolve) => {
        busy.close(() => {
          resolve();
        });
      });
    }
  });

  it('exits 1 with a clear message on a bad flag or seed file, through the real CLI', async () => {
    const badFlag = await runCli(['emulator', '--fault-rate', '2']);
    expect(badFlag.code).toBe(1);
    expect(badFlag.stderr).toContain('--fault-rate must be a probability from 0 to 1');
    const badSeed = await runCli(['emulator', '--seed', 'missing.yaml'], { cwd: dir });
    expect(badSeed.code).toBe(1);
    expect(badSeed.stderr).toMatch(/invalid emulator seed .*missing\.yaml:\n {2}- cannot read the file/);
  });
});

/** The bundled CLI (`npm run build`), fresh when written after the emulator command's source. */
const bin = path.join(REPO_ROOT, 'dist', 'bin.js');
const source = path.join(REPO_ROOT, 'src', 'cli', 'commands', 'emulator.ts');
const distFresh = existsSync(bin) && statSync(bin).mtimeMs >= statSync(source).mtimeMs;

describe.skipIf(!distFresh)('seqera-sync emulator (built binary; run `npm run build` first)', () => {
  it('runs as a process, answers curl-style requests, and exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'emulator', '--port', '0', '--seed', path.join(dir, 'seed.yaml')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      const endpoint = await waitFor(() => /^endpoint: (\S+)$/m.exec(out)?.[1]);
      const res = await fetch(`${endpoint}/user-info`, {
        headers: { authorization: 'Bearer emu-token-123' },
      });
      expect(res.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
