/**
 * A transparent wrapper around the API client that only observes: when the
 * first request started and the last answer came, how many calls were in
 * flight, and how long compute environments took from their create to the
 * first list that shows them AVAILABLE. Idle CE-wait time is the time when
 * at least one such wait was open and no call at all was in flight: time the
 * tool spent only because it was waiting (excluded from the time bound).
 */
import type { ApiClient } from '../api/api-client.js';
import type { Operations } from '../api/operations.js';

export interface ProbeReport {
  /** ms since the probe's start; undefined when no call was made. */
  readonly firstCallMs: number | undefined;
  readonly lastAnswerMs: number | undefined;
  /** Client method calls (a paged list is one call). */
  readonly calls: number;
  /** Resident set size when the first call started (config loaded), MB. */
  readonly rssAtFirstCallMb: number | undefined;
  /** Largest resident set size seen when a call ended (the API phase), MB. */
  readonly rssMaxDuringCallsMb: number | undefined;
  /**
   * Average calls in flight from the first call to the last answer (time
   * queued inside the client included). Near the client's concurrency: the
   * client is the limit; low: the caller does not give it enough at once.
   */
  readonly avgCallsInFlight: number | undefined;
  readonly ceWaits: {
    readonly count: number;
    /** Sum of the per-CE waits (create answered → first list showing AVAILABLE). */
    readonly totalMs: number;
    readonly maxMs: number;
    /** Time with a wait open and nothing in flight. */
    readonly idleMs: number;
    /** Time with at least one wait open. */
    readonly openMs: number;
  };
}

export class ClientProbe {
  private readonly started: number;
  private firstCall: number | undefined;
  private lastAnswer: number | undefined;
  private calls = 0;
  private inFlight = 0;
  private readonly pending = new Map<string, number>();
  private waitCount = 0;
  private waitTotal = 0;
  private waitMax = 0;
  private idle = 0;
  private open = 0;
  private lastChange: number;
  private rssAtFirstCall: number | undefined;
  private rssMax: number | undefined;
  /** ∫ inFlight dt. */
  private inFlightArea = 0;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly rss: () => number = () => process.memoryUsage.rss() / (1024 * 1024),
  ) {
    this.started = now();
    this.lastChange = this.started;
  }

  /** Accounts the time since the last change under the state that held during it. */
  private tick(): number {
    const t = this.now();
    const span = t - this.lastChange;
    this.inFlightArea += this.inFlight * span;
    if (this.pending.size > 0) {
      this.open += span;
      if (this.inFlight === 0) this.idle += span;
    }
    this.lastChange = t;
    return t;
  }

  private begin(): void {
    const t = this.tick();
    if (this.firstCall === undefined) {
      this.firstCall = t;
      this.rssAtFirstCall = this.rss();
    }
    this.calls++;
    this.inFlight++;
  }

  private end(): void {
    this.lastAnswer = this.tick();
    this.inFlight--;
    if (this.calls % 16 === 0) this.rssMax = Math.max(this.rssMax ?? 0, this.rss());
  }

  private created(id: string): void {
    this.pending.set(id, this.tick());
  }

  private listed(entries: readonly { readonly id: string; readonly status: string }[]): void {
    const t = this.tick();
    for (const entry of entries) {
      const since = this.pending.get(entry.id);
      if (since === undefined || entry.status === 'CREATING') continue;
      this.pending.delete(entry.id);
      this.waitCount++;
      this.waitTotal += t - since;
      this.waitMax = Math.max(this.waitMax, t - since);
    }
  }

  /** The client with every method observed (same behaviour, same results and errors), a kind's own endpoints included. */
  wrap(client: ApiClient): ApiClient {
    const wrapped = this.observed(client, ['stats', 'use']);
    // One observed copy per set of endpoints, as the client binds each set once.
    const observed = new Map<Operations<object>, object>();
    const use = <M extends object>(operations: Operations<M>): M => {
      let methods = observed.get(operations);
      if (methods === undefined) {
        methods = this.observed(client.use(operations), []);
        observed.set(operations, methods);
      }
      return methods as M;
    };
    return { ...wrapped, use } as unknown as ApiClient;
  }

  private observed(methods: object, skip: readonly string[]): Record<string, unknown> {
    const wrapped: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(methods)) {
      if (typeof value !== 'function' || skip.includes(name)) {
        wrapped[name] = value;
        continue;
      }
      const method = value as (...args: unknown[]) => Promise<unknown>;
      wrapped[name] = async (...args: unknown[]): Promise<unknown> => {
        this.begin();
        try {
          const result = await method.apply(methods, args);
          if (name === 'createComputeEnv' && typeof result === 'string') this.created(result);
          if (name === 'listComputeEnvs' && Array.isArray(result)) {
            this.listed(result as { id: string; status: string }[]);
          }
          return result;
        } finally {
          this.end();
        }
      };
    }
    return wrapped;
  }

  report(): ProbeReport {
    this.tick();
    const rel = (t: number | undefined): number | undefined =>
      t === undefined ? undefined : t - this.started;
    return {
      firstCallMs: rel(this.firstCall),
      lastAnswerMs: rel(this.lastAnswer),
      calls: this.calls,
      rssAtFirstCallMb: this.rssAtFirstCall,
      rssMaxDuringCallsMb: this.rssMax,
      avgCallsInFlight:
        this.firstCall === undefined || this.lastAnswer === undefined || this.lastAnswer === this.firstCall
          ? undefined
          : this.inFlightArea / (this.lastAnswer - this.firstCall),
      ceWaits: {
        count: this.waitCount,
        totalMs: this.waitTotal,
        maxMs: this.waitMax,
        idleMs: this.idle,
        openMs: this.open,
      },
    };
  }
}
