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
import { actionOperations } from './action-operations.js';
import type { OperationsContext } from './call-helpers.js';
import type { ApiClientOptions } from './client-options.js';
import { computeOperations } from './compute-operations.js';
import { dataLinkOperations } from './data-link-operations.js';
import { datasetOperations } from './dataset-operations.js';
import { parseEndpoint } from './endpoint.js';
import { ApiError } from './errors.js';
import { labelOperations } from './label-operations.js';
import { orgOperations } from './org-operations.js';
import { PAGE_SIZE } from './paginate.js';
import { pipelineOperations } from './pipeline-operations.js';
import { quotaOperations } from './quota-operations.js';
import { roleOperations } from './role-operations.js';
import { systemRuntime, type ClientRuntime } from './runtime.js';
import { studiosOperations } from './studios-operations.js';
import { createTransport } from './transport.js';
import { workspaceOperations } from './workspace-operations.js';

/** An operations file's factory: its methods over the client's transport. */
type OperationsFactory = (context: OperationsContext) => object;

/**
 * The operations files, one entry each. Each holds one area's endpoints,
 * wire types, decoders and the declaration of its client methods (an
 * interface with their doc comments); the client is every factory's methods
 * side by side, and `ApiClient` the intersection of their interfaces. A new
 * area is its operations file plus its entry here.
 */
const OPERATIONS = [
  orgOperations,
  workspaceOperations,
  computeOperations,
  pipelineOperations,
  labelOperations,
  dataLinkOperations,
  roleOperations,
  studiosOperations,
  quotaOperations,
  datasetOperations,
  actionOperations,
] as const satisfies readonly OperationsFactory[];

/** The methods of the factories of `F`, side by side: the intersection of their return types. */
type MethodsOf<F> = F extends readonly [(context: OperationsContext) => infer M, ...infer Rest]
  ? M & MethodsOf<Rest>
  : unknown;

/** Every factory's methods in one object; a method two factories define is refused. */
export function sideBySide<F extends readonly OperationsFactory[]>(
  factories: F,
  context: OperationsContext,
): MethodsOf<F> {
  const methods: Record<string, unknown> = {};
  for (const operations of factories) {
    for (const [name, method] of Object.entries(operations(context))) {
      // Two files declaring one method would make it an overload that only one of them implements.
      if (Object.hasOwn(methods, name)) {
        throw new Error(`two operations files of the API client define '${name}'`);
      }
      methods[name] = method;
    }
  }
  return methods as MethodsOf<F>;
}

/** What the client is besides its operations. */
export interface ClientBasics {
  /** The endpoint the client talks to (base URL, no trailing slash). */
  readonly endpoint: string;
  /** Requests sent so far (every attempt counted), by method. */
  readonly stats: () => { readonly requests: number; readonly writes: number };
}

/** See api-client.ts. */
export type ApiClient = ClientBasics & MethodsOf<typeof OPERATIONS>;

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
  return { endpoint: endpoint.baseUrl, stats: () => transport.stats(), ...sideBySide(OPERATIONS, context) };
}
