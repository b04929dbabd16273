/**
 * `createApiClient`: the Seqera Platform client the CLI injects. One axios
 * instance per client (no module-level state); every list paged to the end;
 * self-throttled to `maxRps` evenly spaced starts with at most
 * `maxConcurrency` requests in flight; GET/PUT/DELETE retried on transient
 * failures within `retryBudgetMs`; POST and the PUT `…/add` endpoints never
 * replayed (an ambiguous failure throws `ApiError` with `ambiguous === true`
 * and the caller re-reads); every failure thrown as one `ApiError`.
 *
 * Request bodies are sent as given: the spec declares no text field nullable,
 * so callers send '' (not null) to clear one.
 */
import type { OperationsContext } from './call-helpers.js';
import type { ApiClientOptions } from './client-options.js';
import { parseEndpoint } from './endpoint.js';
import { ApiError } from './errors.js';
import { PAGE_SIZE } from './paginate.js';
import { systemRuntime, type ClientRuntime } from './runtime.js';
import type { Operations } from './operations.js';
import { createTransport } from './transport.js';

/**
 * The client: the endpoint, the request counts, and `use`, which binds an
 * `Operations` value (a kind's endpoints, `src/kinds/<kind>/api.ts`, or the
 * two this folder keeps: user info and quotas) to this client's transport.
 */
export interface ApiClient {
  /** The endpoint the client talks to (base URL, no trailing slash). */
  readonly endpoint: string;
  /** Requests sent so far (every attempt counted), by method. */
  readonly stats: () => { readonly requests: number; readonly writes: number };
  /** A kind's own endpoints (operations.ts), bound to this client once and reused. */
  readonly use: <M extends object>(operations: Operations<M>) => M;
}

export const DEFAULT_MAX_RPS = 18;
export const DEFAULT_MAX_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRY_BUDGET_MS = 120_000;
/** Largest response body read into memory: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

function invalidOption(message: string): ApiError {
  return new ApiError('invalid-options', 'GET', '/', undefined, undefined, message);
}

function positive(name: string, value: number | undefined, fallback: number, integer: boolean): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
    throw invalidOption(`${name} must be a positive ${integer ? 'whole number' : 'number'}, got ${v}`);
  }
  return v;
}

/** The real client (system clock and timers). Throws `ApiError` (`invalid-options`) for an unusable endpoint or option. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  return createApiClientWithRuntime(options, systemRuntime);
}

/** As `createApiClient`, with an injected clock, sleep and randomness (tests). */
export function createApiClientWithRuntime(options: ApiClientOptions, runtime: ClientRuntime): ApiClient {
  const endpoint = parseEndpoint(options.endpoint);
  if (options.token.trim() === '') throw invalidOption('the access token (TOWER_ACCESS_TOKEN) is empty');
  if (/[\r\n]/.test(options.token)) {
    throw invalidOption('the access token (TOWER_ACCESS_TOKEN) contains a line break');
  }
  const transport = createTransport(
    {
      endpoint,
      token: options.token.trim(),
      maxRps: positive('maxRps', options.maxRps, DEFAULT_MAX_RPS, false),
      maxConcurrency: positive('maxConcurrency', options.maxConcurrency, DEFAULT_MAX_CONCURRENCY, true),
      timeoutMs: positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS, false),
      retryBudgetMs: options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS,
      maxResponseBytes: positive(
        'maxResponseBytes',
        options.maxResponseBytes,
        DEFAULT_MAX_RESPONSE_BYTES,
        true,
      ),
      verbose: options.verbose,
      log: options.log,
    },
    runtime,
  );
  const pageSize = positive('pageSize', options.pageSize, PAGE_SIZE, true);
  const context: OperationsContext = { transport, runtime, pageSize };
  const bound = new Map<Operations<object>, object>();
  const use = <M extends object>(operations: Operations<M>): M => {
    let methods = bound.get(operations);
    if (methods === undefined) {
      methods = operations.bind(context);
      bound.set(operations, methods);
    }
    return methods as M;
  };
  return { endpoint: endpoint.baseUrl, stats: () => transport.stats(), use };
}
