/**
 * Attack: point the tool at `http://<anything>.localhost` (or a name that
 * merely starts with `localhost`) so that the token travels in plain http,
 * relying on `*.localhost` being treated as loopback. Such a name is
 * resolved by whatever resolver the runner has; only literal loopback is
 * safe.
 * Outcome: plain http is refused before any request for every name but
 * literal loopback (`localhost`, 127.0.0.0/8, `::1`), which keeps working
 * (the emulator).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ORG, TOKEN, configDir, emulator, orgFile, seedWith } from './support/attack.js';
import { runCli } from '../helpers/cli.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('a *.localhost endpoint', () => {
  it.each(['evil.localhost', 'api.localhost', 'localhost.evil.example'])(
    'http://%s is refused before anything is sent',
    async (host) => {
      const requests: string[] = [];
      const server = createServer((req, res) => {
        requests.push(`${req.method ?? ''} ${req.url ?? ''} ${req.headers.authorization ?? ''}`);
        res.writeHead(500).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      stop = () =>
        new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        );
      const { port } = server.address() as AddressInfo;
      const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });

      const result = await runCli(
        ['plan', '--config-dir', dir, '--endpoint', `http://${host}:${String(port)}`],
        {
          env: { TOWER_ACCESS_TOKEN: TOKEN },
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`refusing plain http to ${host}:${String(port)}`);
      expect(result.stderr).not.toContain(TOKEN);
      expect(requests).toEqual([]);
    },
  );

  it('literal loopback still works over http', async () => {
    const emu = await emulator(seedWith({}));
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });
    const port = new URL(emu.endpoint).port;
    for (const host of ['127.0.0.1', 'localhost']) {
      const result = await runCli(['plan', '--config-dir', dir, '--endpoint', `http://${host}:${port}`], {
        env: { TOWER_ACCESS_TOKEN: TOKEN },
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });
});
