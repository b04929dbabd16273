/**
 * Strict HTTP mocking for unit tests (renovate's test/http-mock.ts pattern):
 * no real network, and every test fails when a request had no mock or a mock
 * was never used. Call `useNockGuard()` at the top of a test file.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';

interface RequestLike {
  method?: string;
  protocol?: string;
  host?: string;
  hostname?: string;
  path?: string;
}

function asRequestLike(value: unknown): RequestLike {
  return typeof value === 'object' && value !== null ? value : {};
}

/** nock emits either request options, or a request plus its options. */
function describeRequest(req: unknown, options: unknown): string {
  const r = asRequestLike(req);
  const o = options === undefined ? r : asRequestLike(options);
  const host = o.hostname ?? o.host ?? r.host ?? '?';
  return `${r.method ?? o.method ?? '?'} ${o.protocol ?? ''}//${host}${r.path ?? o.path ?? ''}`;
}

/**
 * Disables real connections for the file; after each test throws when any
 * request went unmatched or any interceptor is still pending, then clears
 * all interceptors so tests stay independent.
 */
export function useNockGuard(): void {
  const unmatched: string[] = [];
  const onNoMatch = (req: unknown, options?: unknown): void => {
    unmatched.push(describeRequest(req, options));
  };

  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });

  afterEach(() => {
    const pending = nock.pendingMocks();
    const missed = unmatched.splice(0);
    nock.abortPendingRequests();
    nock.cleanAll();
    const problems = [
      ...missed.map((r) => `request without a mock: ${r}`),
      ...pending.map((m) => `mock never used: ${m}`),
    ];
    if (problems.length > 0) {
      throw new Error(
        `Every HTTP request needs a mock and every mock must be used:\n  ${problems.join('\n  ')}`,
      );
    }
  });

  afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.enableNetConnect();
  });
}
