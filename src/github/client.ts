/**
 * A tiny GitHub REST client for the CI glue (PR comment, drift issue, apply
 * report). It talks to `GITHUB_API_URL` (or https://api.github.com) with the
 * token Actions provides. Contract: every failure is a `GitHubApiError` that
 * names the request (method and path) and GitHub's message, and never the
 * token or any request header; list calls are paged to the end.
 */
import axios, { type AxiosInstance } from 'axios';
import { SyncError } from '../errors.js';

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

/** GitHub's page size cap; a shorter page is the last one. */
export const PAGE_SIZE = 100;

/** Stops a runaway pagination loop (10,000 items is far beyond any PR or label). */
const MAX_PAGES = 100;

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type QueryParams = Readonly<Record<string, string | number>>;

export interface GitHubClientOptions {
  readonly token: string;
  /** Defaults to https://api.github.com; GitHub Enterprise Server passes its `/api/v3` URL. */
  readonly baseUrl?: string;
  /** Per-request timeout, default 30 s. */
  readonly timeoutMs?: number;
  /** Waits between retries of a GET; injected by tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What the GitHub helpers need; tests may pass a fake. */
export interface GitHubClient {
  /** One request; resolves with the parsed JSON body (`undefined` for 204). */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** Every item of a list endpoint: `per_page=100`, following pages until a short one. */
  paginate<T>(path: string, params?: QueryParams): Promise<T[]>;
}

export interface RequestOptions {
  readonly params?: QueryParams;
  readonly body?: unknown;
}

/** A GitHub API call failed. The message names the call; it never holds the token. */
export class GitHubApiError extends SyncError {
  override name = 'GitHubApiError';
  constructor(
    readonly method: HttpMethod,
    readonly path: string,
    readonly status: number | undefined,
    readonly githubMessage: string | undefined,
  ) {
    super(
      `GitHub API ${method} ${path} failed${status === undefined ? ' (no response)' : ` with ${status}`}` +
        (githubMessage === undefined ? '' : `: ${githubMessage}`) +
        hint(status),
    );
  }
}

function hint(status: number | undefined): string {
  if (status === 401) return ' (is GITHUB_TOKEN set to the workflow token?)';
  if (status === 403 || status === 404) {
    return ' (does the job grant the permission this call needs, e.g. pull-requests: write or issues: write?)';
  }
  return '';
}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);
const GET_RETRIES = 2;

/** Builds the client. The token goes into the Authorization header and nowhere else. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const baseURL = (options.baseUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, '');
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const http: AxiosInstance = axios.create({
    baseURL,
    adapter: 'http',
    timeout: options.timeoutMs ?? 30_000,
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${options.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'seqera-sync',
    },
    // Resolve every status; errors are built below from status and body only.
    validateStatus: () => true,
  });

  async function request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const attempts = method === 'GET' ? GET_RETRIES + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      let status: number | undefined;
      let data: unknown;
      try {
        const response = await http.request<unknown>({
          method,
          url: path,
          params: opts.params,
          data: opts.body,
        });
        status = response.status;
        data = response.data;
      } catch {
        // Network error or timeout: the axios error holds the request config (and so the token); drop it.
        status = undefined;
      }
      if (status !== undefined && status >= 200 && status < 300) return data as T;
      const retryable = status === undefined || RETRYABLE_STATUSES.has(status);
      if (!retryable || attempt >= attempts) {
        throw new GitHubApiError(method, describePath(path, opts.params), status, githubMessage(data));
      }
      await sleep(1000 * attempt);
    }
  }

  async function paginate<T>(path: string, params: QueryParams = {}): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = await request<unknown>('GET', path, { params: { ...params, per_page: PAGE_SIZE, page } });
      if (!Array.isArray(batch)) {
        throw new GitHubApiError('GET', describePath(path, params), 200, 'expected a JSON array');
      }
      items.push(...(batch as T[]));
      if (batch.length < PAGE_SIZE) return items;
    }
    throw new GitHubApiError('GET', describePath(path, params), 200, `more than ${MAX_PAGES} pages`);
  }

  return { request, paginate };
}

function describePath(path: string, params: QueryParams | undefined): string {
  if (params === undefined || Object.keys(params).length === 0) return path;
  const query = Object.entries(params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');
  return `${path}?${query}`;
}

function githubMessage(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'message' in data) {
    const message = data.message;
    if (typeof message === 'string' && message !== '') return message.slice(0, 300);
  }
  return undefined;
}
