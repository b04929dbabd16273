/**
 * HTTPS_PROXY / NO_PROXY: axios's http adapter reads them (proxy-from-env)
 * and tunnels https with CONNECT. Real sockets on 127.0.0.1, no nock.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { ApiError } from '../../../src/api/errors.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';

const TOKEN = 'tok_PROXY_TEST_5b1e';

interface Recorded {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
}

let proxy: Server;
let target: Server;
let proxied: Recorded[];
let direct: Recorded[];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
  });
}

beforeEach(() => {
  proxied = [];
  direct = [];
  proxy = createServer((req, res) => {
    proxied.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    res.writeHead(502).end();
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    proxied.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  target = createServer((req, res) => {
    direct.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"organizations":[]}');
  });
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([close(proxy), close(target)]);
});

function client(endpoint: string) {
  return createApiClient({
    endpoint,
    token: TOKEN,
    maxRps: 100,
    verbose: false,
    log: () => undefined,
    retryBudgetMs: 0,
  });
}

describe('proxies', () => {
  it('tunnels https through HTTPS_PROXY with CONNECT, without showing the proxy the token', async () => {
    const port = await listen(proxy);
    await listen(target);
    vi.stubEnv('HTTPS_PROXY', `http://127.0.0.1:${port}`);
    vi.stubEnv('NO_PROXY', '');
    const err = await client('https://api.example.test')
      .use(organizationReads)
      .listOrganizations()
      .catch((e: unknown) => e);
    // The proxy refuses the tunnel; https-proxy-agent hands its answer back as the response.
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect(proxied.map((r) => `${r.method} ${r.target}`)).toEqual(['CONNECT api.example.test:443']);
    expect(JSON.stringify(proxied[0]?.headers)).not.toContain(TOKEN);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const port = await listen(proxy);
    vi.stubEnv('HTTPS_PROXY', `http://127.0.0.1:${port}`);
    vi.stubEnv('NO_PROXY', 'api.example.test');
    // .test never resolves: the direct connection fails in DNS, not at the proxy.
    const err = await client('https://api.example.test')
      .use(organizationReads)
      .listOrganizations()
      .catch((e: unknown) => e);
    expect((err as ApiError).message).toContain('cannot reach https://api.example.test');
    expect(proxied).toEqual([]);
  });

  it('never proxies a loopback endpoint', async () => {
    const proxyPort = await listen(proxy);
    const targetPort = await listen(target);
    vi.stubEnv('HTTP_PROXY', `http://127.0.0.1:${proxyPort}`);
    vi.stubEnv('HTTPS_PROXY', `http://127.0.0.1:${proxyPort}`);
    vi.stubEnv('NO_PROXY', '');
    expect(await client(`http://127.0.0.1:${targetPort}`).use(organizationReads).listOrganizations()).toEqual(
      [],
    );
    expect(proxied).toEqual([]);
    expect(direct.map((r) => r.target)).toEqual(['/orgs']);
    expect(direct[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
