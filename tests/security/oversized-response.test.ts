/**
 * Attack: an endpoint (a hostile or broken server, or a proxy in between)
 * answers with a huge body so that the tool reads it all into memory.
 * Outcome: a response over the size limit (`--max-response-bytes`, default
 * 64 MiB) is refused while it streams in, with an error naming the request
 * and the limit; nothing else is read and nothing is written.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ORG, TOKEN, configDir, orgFile } from './support/attack.js';
import { runCli } from '../helpers/cli.js';

const USER_INFO = JSON.stringify({ user: { id: 1, userName: 'bot', email: 'bot@acme.example.org' } });

interface Server {
  readonly url: string;
  readonly requests: string[];
  /** Bytes of the big body actually sent before the client hung up. */
  sent: () => number;
  stop: () => Promise<void>;
}

/** A platform stand-in on 127.0.0.1 whose `GET /orgs` streams `size` bytes of JSON without a length. */
async function hugeOrgs(size: number): Promise<Server> {
  const requests: string[] = [];
  let sent = 0;
  const stream = (res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"organizations":[');
    const chunk = `{"orgId":1,"name":"x","fullName":"${'x'.repeat(1000)}"},`;
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end('{"orgId":2,"name":"y","fullName":"y"}],"totalSize":2}');
    };
    res.on('error', () => undefined);
    pump();
  };
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    if (req.url?.startsWith('/user-info') === true) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(USER_INFO);
    } else if (req.url?.startsWith('/orgs') === true) stream(res);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    sent: () => sent,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('an oversized response', () => {
  it('is refused past --max-response-bytes, naming the request', async () => {
    const server = await hugeOrgs(5_000_000);
    stop = server.stop;
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });

    const result = await runCli(
      ['plan', '--config-dir', dir, '--endpoint', server.url, '--max-response-bytes', '100000'],
      { env: { TOWER_ACCESS_TOKEN: TOKEN } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'GET /orgs failed: the response is larger than 100000 bytes, the most this tool reads (raise it with --max-response-bytes)',
    );
    expect(result.stderr).not.toContain('internal error');
    expect(server.requests.filter((r) => r.startsWith('GET /orgs'))).toHaveLength(1);
    expect(server.requests.every((r) => r.startsWith('GET '))).toBe(true);
    // The client hung up long before the server had sent everything.
    expect(server.sent()).toBeLessThan(5_000_000);
  });

  it('the same response is read when under the limit', async () => {
    const server = await hugeOrgs(50_000);
    stop = server.stop;
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });

    const result = await runCli(
      [
        'plan',
        '--config-dir',
        dir,
        '--endpoint',
        server.url,
        '--max-response-bytes',
        '1000000',
        '--allow-org-creation',
      ],
      { env: { TOWER_ACCESS_TOKEN: TOKEN } },
    );
    expect(result.stderr).not.toContain('larger than');
    // The whole list was read: the plan goes on to the organisation the file
    // declares (absent from the list, so created, which has to be allowed).
    expect(result.stdout).toContain('+ organization acme');
  });

  it('refuses a limit that is not a positive whole number', async () => {
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile() });
    const result = await runCli(['plan', '--config-dir', dir, '--max-response-bytes', '0'], {
      env: { TOWER_ACCESS_TOKEN: TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--max-response-bytes must be a positive whole number, got '0'");
  });
});
