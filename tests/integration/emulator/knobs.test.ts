import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index.js';
import { apiCaller, exampleIds, exampleSeed, MEMBER_TOKEN, useEmulator } from '../../helpers/emulator.js';

const running: RunningEmulator[] = [];
async function start(options: EmulatorOptions): Promise<RunningEmulator> {
  const emu = await startEmulator(options);
  running.push(emu);
  return emu;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((emu) => emu.stop()));
});

/** The status of a request, or 'dropped' when the connection closed without a response. */
async function outcome(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<number | 'dropped'> {
  try {
    const res = await fetch(emu.endpoint + path, {
      method,
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 'dropped';
  }
}

describe('emulator: request log', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('records method, path, query, status, write flag and bodies, and can be cleared', async () => {
    const { orgId } = await exampleIds(fx.api);
    fx.emu.clearRequestLog();
    await fx.api('GET', `/orgs/${orgId}/members`, { query: { max: 100, offset: 0 } });
    await fx.api('POST', `/orgs/${orgId}/teams`, { body: { team: { name: 'logged' } } });
    await fx.api('GET', '/user-info', { token: null });
    expect(fx.emu.requestLog()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/orgs/${orgId}/members`,
        query: { max: '100', offset: '0' },
        status: 200,
        write: false,
      }),
      expect.objectContaining({
        method: 'POST',
        path: `/orgs/${orgId}/teams`,
        status: 200,
        write: true,
        body: { team: { name: 'logged' } },
        responseBody: { team: expect.objectContaining({ name: 'logged' }) },
      }),
      expect.objectContaining({ method: 'GET', path: '/user-info', status: 401, write: false }),
    ]);
    fx.emu.clearRequestLog();
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('answers unknown endpoints with 404 and wrong methods with 405, both with an ErrorResponse', async () => {
    const unknown = await fx.api('GET', '/service-info');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/does not serve GET \/service-info/);
    const wrongMethod = await fx.api('PATCH', '/orgs');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.message).toMatch(/allowed: GET, POST/);
  });
});

describe('emulator: latency and rate limit', () => {
  it('adds the configured latency to every response', async () => {
    const emu = await start({ latencyMs: 150 });
    const started = Date.now();
    expect(await outcome(emu, 'GET', '/user-info')).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 429 with Retry-After (seconds) above the per-token rate, counting tokens separately', async () => {
    // The platform's clock, moved by the test: the next second starts without waiting for it.
    let now = Date.parse('2026-01-01T00:00:00Z');
    const emu = await start({ seed: exampleSeed(), rateLimit: 3, clock: () => now });
    const api = apiCaller(emu.endpoint, emu.token);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api('GET', '/user-info')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api('GET', '/user-info');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body.message).toMatch(/rate limit/);
    expect((await apiCaller(emu.endpoint, MEMBER_TOKEN)('GET', '/user-info')).status).toBe(200);
    now += 999;
    expect((await api('GET', '/user-info')).status).toBe(429);
    now += 1;
    expect((await api('GET', '/user-info')).status).toBe(200);
    expect(emu.requestLog().filter((e) => e.fault === 'rate-limit')).toHaveLength(3);
  });
});

describe('emulator: injected faults', () => {
  it('5xx: answers 502/503/504 with an ErrorResponse and applies nothing', async () => {
    const emu = await start({ faultRate: 1, faultKinds: ['5xx'] });
    const api = apiCaller(emu.endpoint, emu.token);
    const res = await api('POST', '/orgs', { body: { organization: { name: 'ghost-org', fullName: 'G' } } });
    expect([502, 503, 504]).toContain(res.status);
    expect(res.body.message).toMatch(/injected fault/);
    emu.setFaults({ faultRate: 0 });
    expect((await api('GET', '/orgs')).body.organizations).toEqual([]);
  });

  it('drop: destroys the connection without a response and applies nothing', async () => {
    const emu = await start({ faultRate: 1, faultKinds: ['drop'] });
    expect(await outcome(emu, 'POST', '/orgs', { organization: { name: 'ghost-org', fullName: 'G' } })).toBe(
      'dropped',
    );
    expect(emu.requestLog().at(-1)).toMatchObject({ status: 0, fault: 'drop', write: true });
    emu.setFaults({ faultRate: 0 });
    expect((await apiCaller(emu.endpoint, emu.token)('GET', '/orgs')).body.organizations).toEqual([]);
  });

  it('lost-response: applies the write, then drops the connection; never hits reads', async () => {
    const emu = await start({ faultRate: 1, faultKinds: ['lost-response'] });
    expect(
      await outcome(emu, 'POST', '/orgs', { organization: { name: 'applied-org', fullName: 'A' } }),
    ).toBe('dropped');
    expect(emu.requestLog().at(-1)).toMatchObject({ status: 200, fault: 'lost-response' });
    const orgs = (await apiCaller(emu.endpoint, emu.token)('GET', '/orgs')).body.organizations;
    expect(orgs.map((o: { name: string }) => o.name)).toEqual(['applied-org']);
    // A replay of the lost create now conflicts, as on the platform.
    emu.setFaults({ faultRate: 0 });
    expect(
      await outcome(emu, 'POST', '/orgs', { organization: { name: 'applied-org', fullName: 'A' } }),
    ).toBe(409);
  });

  it('429: answers Too Many Requests with Retry-After: 1', async () => {
    const emu = await start({ faultRate: 1, faultKinds: ['429'] });
    const res = await apiCaller(emu.endpoint, emu.token)('GET', '/user-info');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('is reproducible from the seed, for every kind', async () => {
    const run = async (faultSeed: number): Promise<{ results: (number | 'dropped')[]; kinds: string[] }> => {
      const emu = await start({ faultRate: 0.5, faultSeed });
      const results: (number | 'dropped')[] = [];
      for (let i = 0; i < 24; i++) {
        results.push(
          await outcome(emu, 'POST', '/orgs', { organization: { name: `org-${i}`, fullName: 'O' } }),
        );
      }
      const kinds = emu.requestLog().map((e) => e.fault ?? 'none');
      await emu.stop();
      return { results, kinds };
    };
    const a = await run(42);
    const b = await run(42);
    const c = await run(7);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const kind of ['5xx', 'drop', 'lost-response', '429', 'none']) expect(a.kinds, kind).toContain(kind);
  });

  it('setFaults restarts the sequence from its seed', async () => {
    const emu = await start({});
    emu.setFaults({ faultRate: 0.5, faultSeed: 3, faultKinds: ['5xx'] });
    const first = [];
    for (let i = 0; i < 10; i++) first.push(await outcome(emu, 'GET', '/user-info'));
    emu.setFaults({ faultRate: 0.5, faultSeed: 3, faultKinds: ['5xx'] });
    const second = [];
    for (let i = 0; i < 10; i++) second.push(await outcome(emu, 'GET', '/user-info'));
    expect(second).toEqual(first);
    expect(() => {
      emu.setFaults({ faultRate: 2 });
    }).toThrow(/between 0 and 1/);
  });
});
