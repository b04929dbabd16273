/**
 * The retry policy. Replay-safe calls (GET, PUT, DELETE except the
 * PUT `…/add` endpoints) are retried on transient network errors, 429 and
 * 502/503/504; every call is retried on 429, which the platform answers before
 * doing anything. Nothing else is retried: other 4xx and 500 are answers, and
 * a refused connection, unknown host or bad certificate will not heal within
 * a run. Delays are capped exponential backoff with full jitter, or the
 * server's `Retry-After` when it sends one.
 */

export const RETRY_BASE_MS = 250;
export const RETRY_CAP_MS = 10_000;
/** Attempts of one call at most (the time budget usually ends it first). */
export const MAX_ATTEMPTS = 8;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Network error codes that will not heal by retrying within a run. */
const PERMANENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_BAD_OPTION',
  'ERR_BAD_OPTION_VALUE',
]);

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptFailure =
  | { readonly type: 'status'; readonly status: number; readonly retryAfterMs: number | undefined }
  | { readonly type: 'network'; readonly code: string };

/** Whether the failure is worth another attempt, given whether the call may be replayed. */
export function isRetryable(failure: AttemptFailure, replaySafe: boolean): boolean {
  if (failure.type === 'status') {
    if (failure.status === 429) return true;
    return replaySafe && RETRYABLE_STATUSES.has(failure.status);
  }
  return replaySafe && !PERMANENT_NETWORK_CODES.has(failure.code);
}

/** Full-jitter backoff for retry number `retry` (0 = first retry): random in [0, min(cap, base·2^retry)). */
export function backoffDelay(retry: number, random: () => number): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * `Retry-After` as milliseconds from now: delta-seconds or an HTTP date.
 * `undefined` when absent or unparseable; never negative.
 */
export function parseRetryAfter(header: unknown, nowEpochMs: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowEpochMs);
}

/** The delay before the next attempt: the server's `Retry-After` when given, else backoff. */
export function retryDelay(failure: AttemptFailure, retry: number, random: () => number): number {
  if (failure.type === 'status' && failure.retryAfterMs !== undefined) return failure.retryAfterMs;
  return backoffDelay(retry, random);
}
