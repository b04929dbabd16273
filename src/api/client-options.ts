/** Options of `createApiClient` (client.ts). */
export interface ApiClientOptions {
  /** Base URL, e.g. https://api.cloud.seqera.io or https://host/api. `http` only for loopback. */
  readonly endpoint: string;
  readonly token: string;
  /** Requests per second at most, evenly spaced (default 18). */
  readonly maxRps: number;
  /** Log one line per request (method, path, status, ms) through `log`. Never headers, token or bodies. */
  readonly verbose: boolean;
  readonly log: (line: string) => void;
  /** Requests in flight at most (default 8). */
  readonly maxConcurrency?: number;
  /** Per-request timeout in ms (default 30000). */
  readonly timeoutMs?: number;
  /** Items asked for per page of a paged list (default 100, the API's maximum). */
  readonly pageSize?: number;
  /** Total time bound for the retries of one call in ms (default 120000). */
  readonly retryBudgetMs?: number;
  /** Largest response body accepted, in bytes (default 64 MiB); a larger one fails the call. */
  readonly maxResponseBytes?: number;
}
