/**
 * The one error type `src/api` throws. It carries what a user needs (method,
 * path without query secrets, status, the platform's `message`) and never the
 * request headers, token or body.
 */
export type ApiErrorKind =
  | 'unauthorized' // 401, or 403 on GET /user-info: the token is invalid or expired
  | 'forbidden' // any other 403
  | 'not-found'
  | 'conflict' // 409
  | 'bad-request' // other 4xx
  | 'rate-limited' // 429 after retries
  | 'server' // 5xx after retries
  | 'network' // no response (refused, reset, timeout, DNS)
  | 'invalid-response' // a response body the client cannot use
  | 'invalid-options'; // the client was given an unusable endpoint or option (e.g. plain http to a remote host)

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly method: string,
    readonly path: string,
    readonly status: number | undefined,
    /** The platform's `message`, when it sent one. */
    readonly platformMessage: string | undefined,
    message: string,
  ) {
    super(message);
  }

  /** True when a write may or may not have been applied (timeout, dropped connection, 5xx). */
  get ambiguous(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}
