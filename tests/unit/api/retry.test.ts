import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  isRetryable,
  parseRetryAfter,
  RETRY_CAP_MS,
  retryDelay,
} from '../../../src/api/retry.js';

describe('backoffDelay (full jitter, capped)', () => {
  it('grows exponentially from 250 ms', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 0.999999))).toEqual([249, 499, 999, 1999]);
  });

  it('is capped', () => {
    expect(backoffDelay(20, () => 0.999999)).toBe(RETRY_CAP_MS - 1);
  });

  it('is fully jittered (random 0 → no wait)', () => {
    expect(backoffDelay(5, () => 0)).toBe(0);
    expect(backoffDelay(2, () => 0.5)).toBe(500);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 0, 0, 0);
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
  });

  it('reads an HTTP date, never negative', () => {
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });

  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(['1'], now)).toBeUndefined();
  });
});

describe('isRetryable', () => {
  const status = (s: number) => ({ type: 'status' as const, status: s, retryAfterMs: undefined });
  const network = (code: string) => ({ type: 'network' as const, code });

  it('retries 429/502/503/504 and transient network errors on replay-safe calls', () => {
    for (const s of [429, 502, 503, 504]) expect(isRetryable(status(s), true)).toBe(true);
    for (const c of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'])
      expect(isRetryable(network(c), true)).toBe(true);
  });

  it('never retries other 4xx or 500', () => {
    for (const s of [400, 401, 403, 404, 409, 422, 500, 501])
      expect(isRetryable(status(s), true)).toBe(false);
  });

  it('does not retry refused connections, unknown hosts or certificate errors', () => {
    for (const c of ['ECONNREFUSED', 'ENOTFOUND', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
      expect(isRetryable(network(c), true)).toBe(false);
    }
  });

  it('retries only 429 on calls that must not be replayed', () => {
    expect(isRetryable(status(429), false)).toBe(true);
    for (const s of [502, 503, 504]) expect(isRetryable(status(s), false)).toBe(false);
    expect(isRetryable(network('ECONNRESET'), false)).toBe(false);
  });
});

describe('retryDelay', () => {
  it("prefers the server's Retry-After", () => {
    expect(retryDelay({ type: 'status', status: 429, retryAfterMs: 4000 }, 0, () => 0.5)).toBe(4000);
    expect(retryDelay({ type: 'status', status: 503, retryAfterMs: undefined }, 1, () => 0.5)).toBe(250);
  });
});
