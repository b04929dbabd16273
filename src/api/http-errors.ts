/**
 * Turns a failed call into the one `ApiError` it throws (wrapped once, here).
 * Messages carry the method, the display path (no query values that could be
 * sensitive), the status and the platform's `message`; never headers, the
 * token or a request body. The platform's message is shortened and scrubbed
 * of the token in case a server ever echoes it.
 */
import { STATUS_CODES } from 'node:http';
import { ApiError, type ApiErrorKind } from './errors.js';

/** What an error message may say about the call. */
export interface CallDescription {
  readonly method: string;
  /** Path relative to the API root, with only safe query parameters (request-path.ts). */
  readonly path: string;
  /** The base URL, for "cannot reach …". */
  readonly endpoint: string;
  /** False for POST and the PUT `…/add` endpoints: a failure may or may not have been applied. */
  readonly replaySafe: boolean;
  /** Removes the token from any text that came from outside. */
  readonly scrub: (text: string) => string;
}

export const UNAUTHORIZED_MESSAGE = 'the access token (TOWER_ACCESS_TOKEN) is invalid or expired';
const MAX_PLATFORM_MESSAGE = 300;

/** The platform's `ErrorResponse.message`, when the body is one. */
export function platformMessageOf(body: string, scrub: (text: string) => string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const message = (parsed as { message?: unknown }).message;
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  const flat = scrub(message).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_PLATFORM_MESSAGE ? `${flat.slice(0, MAX_PLATFORM_MESSAGE)}…` : flat;
}

function kindOfStatus(status: number, call: CallDescription): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) {
    return call.method === 'GET' && call.path === '/user-info' ? 'unauthorized' : 'forbidden';
  }
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** "organisation 12, workspace 34" from the path, for a 403. */
function scopeOf(path: string): string {
  const org = /\/orgs\/(\d+)/.exec(path)?.[1];
  const ws = /\/workspaces\/(\d+)/.exec(path)?.[1] ?? /[?&]workspaceId=(\d+)/.exec(path)?.[1];
  const parts = [
    org === undefined ? undefined : `organisation ${org}`,
    ws === undefined ? undefined : `workspace ${ws}`,
  ];
  const named = parts.filter((p): p is string => p !== undefined);
  return named.length === 0 ? 'this resource' : named.join(', ');
}

const AMBIGUOUS_NOTE = '; the request may or may not have been applied';

/** The error for an HTTP status the call cannot use (after any retries). */
export function errorFromStatus(
  call: CallDescription,
  status: number,
  body: string,
  attempts: number,
): ApiError {
  const kind = kindOfStatus(status, call);
  const platformMessage = platformMessageOf(body, call.scrub);
  const head = `${call.method} ${call.path} failed: ${status} ${STATUS_CODES[status] ?? 'Unknown Status'}`;
  const quoted = platformMessage === undefined ? '' : ` — "${platformMessage}"`;
  let detail: string;
  switch (kind) {
    case 'unauthorized':
      detail = ` — ${UNAUTHORIZED_MESSAGE}`;
      break;
    case 'forbidden':
      detail = `${quoted} — the token's user lacks permission on ${scopeOf(call.path)} (it must be an owner of every managed organisation)`;
      break;
    case 'rate-limited':
      detail = `${quoted} — still rate limited after ${attempts} attempt${attempts === 1 ? '' : 's'}; lower --max-rps`;
      break;
    case 'server':
      detail = `${quoted}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}${call.replaySafe ? '' : AMBIGUOUS_NOTE}`;
      break;
    case 'bad-request':
      detail =
        status < 400
          ? `${quoted} — unexpected redirect: check the endpoint URL (an Enterprise endpoint usually ends in /api)`
          : quoted;
      break;
    case 'not-found':
    case 'conflict':
    case 'network':
    case 'invalid-response':
    case 'invalid-options':
      detail = quoted;
      break;
  }
  return new ApiError(kind, call.method, call.path, status, platformMessage, `${head}${detail}`);
}

/** The error for a call that got no HTTP response (refused, reset, timeout, DNS, TLS). */
export function errorFromNetwork(
  call: CallDescription,
  code: string,
  timeoutMs: number,
  attempts: number,
): ApiError {
  const reason =
    code === 'ETIMEDOUT' || code === 'ECONNABORTED'
      ? `no response from ${call.endpoint} within ${timeoutMs} ms (${code})`
      : `cannot reach ${call.endpoint}: ${code}`;
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  const note = call.replaySafe || code === 'ECONNREFUSED' || code === 'ENOTFOUND' ? '' : AMBIGUOUS_NOTE;
  return new ApiError(
    'network',
    call.method,
    call.path,
    undefined,
    undefined,
    `${call.method} ${call.path} failed: ${reason}${tries}${note}`,
  );
}

/** The error for a 2xx whose body is not what the operation returns. */
export function invalidResponse(call: CallDescription, status: number, what: string): ApiError {
  return new ApiError(
    'invalid-response',
    call.method,
    call.path,
    status,
    undefined,
    `${call.method} ${call.path} failed: unexpected response (${status}): ${what}`,
  );
}

/** The error for a response whose body is larger than the client accepts (`--max-response-bytes`). */
export function responseTooLarge(call: CallDescription, limitBytes: number): ApiError {
  return new ApiError(
    'invalid-response',
    call.method,
    call.path,
    undefined,
    undefined,
    `${call.method} ${call.path} failed: the response is larger than ${limitBytes} bytes, the most this tool reads (raise it with --max-response-bytes)`,
  );
}
