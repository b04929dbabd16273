/**
 * The HTTP edge of the client: one axios instance per client (`adapter:
 * 'http'`, bearer token, no redirects), bounded in-flight requests
 * (`maxConcurrency`), evenly spaced starts (`maxRps`), the retry policy of
 * retry.ts within a time budget, `--verbose` lines, request counters, and
 * every failure wrapped once into `ApiError`. A response body larger than
 * `maxResponseBytes` is never read into memory: the call fails (not retried)
 * with an error naming the request and the limit. Returns the parsed JSON body of
 * a 2xx (or `undefined` when it is empty or not JSON: only an operation that
 * needs the body fails then); never throws anything else.
 *
 * Proxies: for a remote endpoint axios reads `HTTPS_PROXY`/`NO_PROXY` itself
 * (proxy-from-env) and tunnels https through the proxy with CONNECT; loopback
 * endpoints are never proxied. `NODE_EXTRA_CA_CERTS` is applied by Node to
 * every TLS connection.
 */
import axios, { type AxiosInstance } from 'axios';
import pLimit from 'p-limit';
import type { Endpoint } from './endpoint.js';
import { errorFromNetwork, errorFromStatus, responseTooLarge, type CallDescription } from './http-errors.js';
import { displayTarget, wireTarget, type Query } from './request-path.js';
import { isRetryable, MAX_ATTEMPTS, parseRetryAfter, retryDelay, type AttemptFailure } from './retry.js';
import type { ClientRuntime } from './runtime.js';
import { createThrottle } from './throttle.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CallSpec {
  readonly method: HttpMethod;
  /** Path relative to the API root, starting with `/`. */
  readonly path: string;
  readonly query?: Query;
  /** JSON, or a `FormData` sent as multipart (a dataset upload). */
  readonly body?: unknown;
  /**
   * Whether the call may be replayed after an ambiguous failure. Defaults to
   * true for GET/PUT/DELETE and false for POST; the PUT `…/add` endpoints
   * pass false (a replay answers 409).
   */
  readonly replaySafe?: boolean;
}

export interface CallResult {
  readonly status: number;
  /** Parsed JSON, or `undefined` for an empty body (204) or one that is not JSON. */
  readonly body: unknown;
  /** Why `body` is `undefined` although the server sent one (it is not JSON). */
  readonly bodyProblem?: string;
  /** The body as text (a download's content). */
  readonly text: string;
  /** For errors about the body (invalid-response). */
  readonly call: CallDescription;
}

export interface TransportSettings {
  readonly endpoint: Endpoint;
  readonly token: string;
  readonly maxRps: number;
  readonly maxConcurrency: number;
  readonly timeoutMs: number;
  readonly retryBudgetMs: number;
  /** Largest response body accepted, in bytes. */
  readonly maxResponseBytes: number;
  readonly verbose: boolean;
  readonly log: (line: string) => void;
}

export interface Transport {
  call(spec: CallSpec): Promise<CallResult>;
  stats(): { readonly requests: number; readonly writes: number };
}

type AttemptOutcome =
  | {
      readonly type: 'response';
      readonly status: number;
      readonly text: string;
      readonly retryAfter: unknown;
    }
  | { readonly type: 'network'; readonly code: string }
  | { readonly type: 'too-large' };

function buildAxios(settings: TransportSettings): AxiosInstance {
  return axios.create({
    baseURL: settings.endpoint.baseUrl,
    adapter: 'http',
    timeout: settings.timeoutMs,
    headers: { Authorization: `Bearer ${settings.token}`, Accept: 'application/json' },
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    // Counted while the body streams in: the request is aborted once the limit is passed.
    maxContentLength: settings.maxResponseBytes,
    allowAbsoluteUrls: false,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    ...(settings.endpoint.loopback ? { proxy: false as const } : {}),
  });
}

/** True for axios's "body larger than maxContentLength" failure. */
function isTooLarge(err: unknown): boolean {
  return axios.isAxiosError(err) && /maxContentLength/.test(err.message);
}

function networkCode(err: unknown): string {
  if (axios.isAxiosError(err)) {
    const cause: unknown = err.cause;
    const causeCode =
      typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    if (typeof err.code === 'string' && err.code !== 'ERR_NETWORK') return err.code;
    if (typeof causeCode === 'string') return causeCode;
    return err.code ?? 'ERR_NETWORK';
  }
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'ERR_NETWORK';
}

export function createTransport(settings: TransportSettings, runtime: ClientRuntime): Transport {
  const http = buildAxios(settings);
  const limit = pLimit(settings.maxConcurrency);
  const throttle = createThrottle(settings.maxRps, runtime);
  const token = settings.token;
  const scrub = (text: string): string => (token === '' ? text : text.split(token).join('***'));
  let requests = 0;
  let writes = 0;

  const log = (line: string): void => {
    if (settings.verbose) settings.log(scrub(line));
  };

  async function attempt(
    spec: CallSpec,
  ): Promise<AttemptOutcome & { readonly ms: number; readonly sentAt: number }> {
    return limit(async () => {
      await throttle.acquire();
      requests += 1;
      if (spec.method !== 'GET') writes += 1;
      const started = runtime.now();
      const elapsed = (): number => Math.round(runtime.now() - started);
      try {
        const response = await http.request<unknown>({
          method: spec.method,
          url: wireTarget(spec.path, spec.query),
          ...(spec.body === undefined ? {} : { data: spec.body }),
        });
        const text = typeof response.data === 'string' ? response.data : '';
        const retryAfter: unknown = response.headers['retry-after'];
        return {
          type: 'response',
          status: response.status,
          text,
          retryAfter,
          ms: elapsed(),
          sentAt: started,
        };
      } catch (err) {
        if (isTooLarge(err)) return { type: 'too-large', ms: elapsed(), sentAt: started };
        return { type: 'network', code: networkCode(err), ms: elapsed(), sentAt: started };
      }
    });
  }

  /** Parsed JSON; a body that is not JSON is kept as a problem, reported only by an operation that needs it. */
  function parseBody(text: string): { readonly body: unknown; readonly bodyProblem?: string } {
    if (text.trim() === '') return { body: undefined };
    try {
      return { body: JSON.parse(text) as unknown };
    } catch {
      return { body: undefined, bodyProblem: 'the body is not JSON' };
    }
  }

  async function call(spec: CallSpec): Promise<CallResult> {
    const path = displayTarget(spec.path, spec.query);
    const description: CallDescription = {
      method: spec.method,
      path,
      endpoint: settings.endpoint.baseUrl,
      replaySafe: spec.replaySafe ?? spec.method !== 'POST',
      scrub,
    };
    // The retry budget runs from the first send, not from the call: a call queued behind
    // thousands of others (bounded concurrency, throttle) must still get its retries.
    let firstSent: number | undefined;
    for (let attemptNo = 1; ; attemptNo += 1) {
      const outcome = await attempt(spec);
      firstSent ??= outcome.sentAt;
      if (outcome.type === 'too-large') {
        log(`${spec.method} ${path} → response over ${settings.maxResponseBytes} bytes (${outcome.ms} ms)`);
        throw responseTooLarge(description, settings.maxResponseBytes);
      }
      const what = outcome.type === 'response' ? String(outcome.status) : outcome.code;
      const line = `${spec.method} ${path} → ${what} (${outcome.ms} ms)`;
      if (outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300) {
        log(line);
        return { status: outcome.status, ...parseBody(outcome.text), text: outcome.text, call: description };
      }
      const failure: AttemptFailure =
        outcome.type === 'response'
          ? {
              type: 'status',
              status: outcome.status,
              retryAfterMs: parseRetryAfter(outcome.retryAfter, runtime.wallClock()),
            }
          : { type: 'network', code: outcome.code };
      const delay = retryDelay(failure, attemptNo - 1, runtime.random);
      const retry =
        attemptNo < MAX_ATTEMPTS &&
        isRetryable(failure, description.replaySafe) &&
        runtime.now() - firstSent + delay <= settings.retryBudgetMs;
      if (!retry) {
        log(line);
        throw outcome.type === 'response'
          ? errorFromStatus(description, outcome.status, outcome.text, attemptNo)
          : errorFromNetwork(description, outcome.code, settings.timeoutMs, attemptNo);
      }
      log(`${line}, retry ${attemptNo} in ${delay} ms`);
      if (failure.type === 'status' && failure.status === 429) throttle.holdUntil(runtime.now() + delay);
      await runtime.sleep(delay);
    }
  }

  return {
    call,
    stats: () => ({ requests, writes }),
  };
}
