/**
 * `startEmulator`: an in-memory Seqera Platform on 127.0.0.1 speaking the
 * official API's wire format for every operation seqera-sync uses. Each call
 * starts an independent server with its own state; `stop()` must be called
 * (it closes every connection). See settings.ts for the documented defaults.
 */
import type { AddressInfo } from 'node:net';
import type { EmulatorEnv } from './env.js';
import { FaultInjector, RateLimiter, type FaultKind, type ScriptedFault } from './faults.js';
import { createEmulatorServer } from './http-server.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { Router, type Route } from './router.js';
import { EMULATOR_KINDS } from './kinds.js';
import { parseSeed, type EmulatorSeed } from './seed.js';
import { loadSeedIntoStore } from './seed-store.js';
import {
  DEFAULT_ADD_ROLE,
  DEFAULT_CE_CREATE_DELAY_MS,
  DEFAULT_CE_DELETE_DELAY_MS,
  DEFAULT_REQUEST_LOG_LIMIT,
  DEFAULT_UNREGISTERED_USER_STATUS,
  DEFAULT_UPDATE_ANSWERS_WITH_DRAFT,
  type EmulatorSettings,
} from './settings.js';
import { snapshotStore } from './snapshot.js';
import { Store } from './store.js';

export type { RequestLogEntry } from './request-log.js';
export type { Fault, FaultKind, ScriptedFault } from './faults.js';

export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) = a free random port. */
  readonly port?: number;
  /** Initial platform state (validated; a SeedError lists every problem). */
  readonly seed?: EmulatorSeed;
  /** Added to every response, in ms. */
  readonly latencyMs?: number;
  /** Requests per second per token; above it 429 with `Retry-After` (seconds). Default: unlimited. */
  readonly rateLimit?: number;
  /** Probability (0..1) of an injected fault per request. Default 0. */
  readonly faultRate?: number;
  /** PRNG seed of the faults (default 1): the same seed gives the same faults. */
  readonly faultSeed?: number;
  /** Kinds to draw from (default all). 'lost-response' = applied, then the connection is dropped (writes only). */
  readonly faultKinds?: readonly FaultKind[];
  /** CREATING -> AVAILABLE/ERRORED delay in ms (default 200). */
  readonly ceCreateDelayMs?: number;
  /** DELETING -> gone delay in ms (default 200). */
  readonly ceDeleteDelayMs?: number;
  /** A role (participant or member) reads back as its previous value for this long after an update (default 0). */
  readonly staleRoleReadMs?: number;
  /** Workspace role after `participants/add` (default 'launch'). */
  readonly defaultAddRole?: string;
  /** Status for adding an email/user name that never signed in (default 404, "User not found ..."). */
  readonly unregisteredUserStatus?: 400 | 404;
  /** Status for a missing or unknown token (default 401; the platform may answer 403). */
  readonly invalidTokenStatus?: 401 | 403;
  /** Compute environments whose creation ends ERRORED (besides names containing "errored"). */
  readonly failComputeEnvs?: (name: string) => boolean;
  /** A launch-changing pipeline update answers with the new draft (default true) or the default version. */
  readonly updateAnswersWithDraft?: boolean;
  /**
   * After aws, google or azure credentials are created in a workspace, this
   * many requests of its data-link list answer 202 (still discovering
   * buckets) before the list is complete (default 0).
   */
  readonly dataLinkFetchAnswers?: number;
  /** Request log entries kept (default 100,000). */
  readonly requestLogLimit?: number;
  /** Keep request and response bodies in the log (default true). */
  readonly logBodies?: boolean;
  /**
   * The platform's clock in ms (default `Date.now`): what the compute-environment
   * delays and stale role reads are measured against. A test shares it with the
   * client's clock to make "ready after two polls" exact, without waiting.
   */
  readonly clock?: () => number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly endpoint: string;
  /** The token user's token. */
  readonly token: string;
  requestLog(): readonly RequestLogEntry[];
  clearRequestLog(): void;
  /** Replaces the fault settings (the PRNG restarts from the seed); scripted faults stay. */
  setFaults(options: { faultRate: number; faultSeed?: number; faultKinds?: readonly FaultKind[] }): void;
  /** Gives the next matching request(s) a chosen fault, before any random one. */
  scriptFault(rule: ScriptedFault): void;
  /** Scripted faults no request has used yet. */
  pendingScriptedFaults(): readonly ScriptedFault[];
  /** The current state in seed form. */
  snapshot(): EmulatorSeed;
  /** Stops listening and closes every connection. */
  stop(): Promise<void>;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0)
    throw new RangeError(`${name} must be a non-negative number, got ${result}`);
  return result;
}

/** The settings of an emulator started with `options` (the documented defaults where it sets none). */
function settingsOf(options: EmulatorOptions): EmulatorSettings {
  return {
    defaultAddRole: options.defaultAddRole ?? DEFAULT_ADD_ROLE,
    unregisteredUserStatus: options.unregisteredUserStatus ?? DEFAULT_UNREGISTERED_USER_STATUS,
    invalidTokenStatus: options.invalidTokenStatus ?? 401,
    ceCreateDelayMs: nonNegative('ceCreateDelayMs', options.ceCreateDelayMs, DEFAULT_CE_CREATE_DELAY_MS),
    ceDeleteDelayMs: nonNegative('ceDeleteDelayMs', options.ceDeleteDelayMs, DEFAULT_CE_DELETE_DELAY_MS),
    staleRoleReadMs: nonNegative('staleRoleReadMs', options.staleRoleReadMs, 0),
    failComputeEnv: options.failComputeEnvs ?? (() => false),
    updateAnswersWithDraft: options.updateAnswersWithDraft ?? DEFAULT_UPDATE_ANSWERS_WITH_DRAFT,
    dataLinkFetchAnswers: nonNegative('dataLinkFetchAnswers', options.dataLinkFetchAnswers, 0),
  };
}

/** Every route of every emulator kind, their handlers bound to `env`. */
function routesOf(env: EmulatorEnv): Route[] {
  return EMULATOR_KINDS.flatMap((kind) => kind.routes(env));
}

/**
 * The router every emulator serves with (`METHOD /literal/{param}/...`
 * patterns, the API's own paths), over an empty store: what a request log's
 * paths are matched by to count them (the benchmark's routes), the same way
 * the emulator matched them.
 */
export function servedRouter(): Router {
  return new Router(routesOf({ store: new Store(EMULATOR_KINDS), settings: settingsOf({}) }));
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`port must be 0-65535, got ${port}`);
  const settings = settingsOf(options);
  const latencyMs = nonNegative('latencyMs', options.latencyMs, 0);
  const faults = new FaultInjector({
    faultRate: options.faultRate ?? 0,
    ...(options.faultSeed === undefined ? {} : { faultSeed: options.faultSeed }),
    ...(options.faultKinds === undefined ? {} : { faultKinds: options.faultKinds }),
  });
  const rateLimiter = options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit);
  const clock = options.clock ?? Date.now;
  const store = new Store(EMULATOR_KINDS);
  const tokenUser = loadSeedIntoStore(store, parseSeed(options.seed ?? {}, '(seed option)'), {
    timestamp: new Date(clock()).toISOString(),
    defaultRole: settings.defaultAddRole,
    source: '(seed option)',
  });
  const env: EmulatorEnv = { store, settings };
  const router = new Router(routesOf(env));
  const log = new RequestLog(options.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT);
  let stopped = false;
  const server = createEmulatorServer(
    {
      env,
      router,
      faults,
      rateLimiter,
      latencyMs,
      log,
      logBodies: options.logBodies ?? true,
      clock,
    },
    () => stopped,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    token: tokenUser.token ?? '',
    requestLog: () => log.list(),
    clearRequestLog: () => {
      log.clear();
    },
    setFaults: (next) => {
      faults.configure(next);
    },
    scriptFault: (rule) => {
      faults.script(rule);
    },
    pendingScriptedFaults: () => faults.pendingScripted(),
    snapshot: () => snapshotStore(store, clock()),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err === undefined) resolve();
          else reject(err);
        });
        server.closeAllConnections();
      });
    },
  };
}
