/**
 * Injected faults and the rate limit. Faults are drawn from a seeded PRNG in
 * request-arrival order, so a sequential client sees the same faults for the
 * same seed. Kinds: '5xx' (502/503/504, nothing applied), 'drop' (socket
 * destroyed, nothing applied), 'lost-response' (writes only: the request IS
 * applied, then the socket is destroyed), '429' (Retry-After: 1, nothing
 * applied). The rate limit counts requests per token in fixed one-second
 * windows (like the Enterprise `TOWER_RATELIMIT_PERIOD`/`REFRESH` settings).
 *
 * Scripted faults aim at one request: the next `times` requests with a given
 * method and path get a chosen fault, before any random draw. Besides the
 * kinds above they can answer a refusal the emulator does not model by itself
 * (a 4xx `ErrorResponse` the platform sends for reasons outside its state:
 * credentials the cloud rejects, jobs running on a compute environment); a
 * lost response can come back as a gateway error (the platform applied the
 * request, the gateway timed out) instead of a dropped connection; and an
 * endpoint can be slow (answered normally, `ms` later, or once the test's
 * `until` settles, so a test can hold answers until enough requests have
 * arrived without waiting on a timer). A scripted fault is used up when its
 * request arrives, so `pendingScripted()` also tells which of the targeted
 * requests have arrived.
 */
import { createRandom, type Random } from './prng.js';

export type FaultKind = '5xx' | 'drop' | 'lost-response' | '429';
export const FAULT_KINDS: readonly FaultKind[] = ['5xx', 'drop', 'lost-response', '429'];

export interface FaultOptions {
  readonly faultRate: number;
  readonly faultSeed?: number;
  readonly faultKinds?: readonly FaultKind[];
}

export type Fault =
  | { readonly kind: '5xx'; readonly status: 500 | 502 | 503 | 504 }
  | { readonly kind: 'drop' }
  | { readonly kind: 'lost-response'; readonly status?: 502 | 503 | 504 }
  | { readonly kind: '429' }
  | { readonly kind: 'refuse'; readonly status: 400 | 403 | 404 | 409; readonly message: string }
  | {
      readonly kind: 'slow';
      readonly ms: number;
      /** Called as the request arrives; the answer also waits until its promise settles. */
      readonly until?: () => PromiseLike<unknown>;
    };

/** A fault for the next `times` requests (default 1) whose method and path match. */
export interface ScriptedFault {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** The exact request path (no query), or a pattern it must match. */
  readonly path: string | RegExp;
  readonly fault: Fault;
  readonly times?: number;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const GATEWAY_STATUSES = [502, 503, 504] as const;

export class FaultInjector {
  private rate = 0;
  private kinds: readonly FaultKind[] = FAULT_KINDS;
  private random: Random = createRandom(1);
  private scripted: { readonly rule: ScriptedFault; remaining: number }[] = [];

  constructor(options: FaultOptions) {
    this.configure(options);
  }

  /** Replaces the fault settings and restarts the PRNG from the seed (default 1). */
  configure(options: FaultOptions): void {
    if (!(options.faultRate >= 0 && options.faultRate <= 1)) {
      throw new RangeError(`faultRate must be between 0 and 1, got ${options.faultRate}`);
    }
    const kinds = options.faultKinds ?? FAULT_KINDS;
    for (const kind of kinds) {
      if (!FAULT_KINDS.includes(kind)) throw new RangeError(`unknown fault kind '${kind}'`);
    }
    this.rate = options.faultRate;
    this.kinds = kinds;
    this.random = createRandom(options.faultSeed ?? 1);
  }

  /** Adds a scripted fault; it applies before any random one. */
  script(rule: ScriptedFault): void {
    const times = rule.times ?? 1;
    if (!Number.isInteger(times) || times < 1) {
      throw new RangeError(`times must be a positive integer, got ${times}`);
    }
    const method = rule.method.toUpperCase();
    if (rule.fault.kind === 'slow' && !(Number.isFinite(rule.fault.ms) && rule.fault.ms >= 0)) {
      throw new RangeError(`a slow answer needs a non-negative ms, got ${rule.fault.ms}`);
    }
    if (rule.fault.kind === 'lost-response' && READ_METHODS.has(method)) {
      throw new RangeError(`a lost response needs a write, not ${method}`);
    }
    this.scripted.push({ rule: { ...rule, method }, remaining: times });
  }

  /** The scripted faults not used up yet. */
  pendingScripted(): readonly ScriptedFault[] {
    return this.scripted.filter((s) => s.remaining > 0).map((s) => ({ ...s.rule, times: s.remaining }));
  }

  /** The fault for the next request, if any. `write` = the request changes state. */
  next(write: boolean, method = '', path = ''): Fault | undefined {
    const scripted = this.scripted.find(
      (s) =>
        s.remaining > 0 &&
        s.rule.method === method &&
        (typeof s.rule.path === 'string' ? s.rule.path === path : s.rule.path.test(path)),
    );
    if (scripted !== undefined) {
      scripted.remaining--;
      return scripted.rule.fault;
    }
    if (this.rate === 0) return undefined;
    if (this.random() >= this.rate) return undefined;
    const kinds = write ? this.kinds : this.kinds.filter((k) => k !== 'lost-response');
    const kind = kinds[Math.floor(this.random() * kinds.length)];
    if (kind === undefined) return undefined;
    if (kind === '5xx') {
      return { kind, status: GATEWAY_STATUSES[Math.floor(this.random() * GATEWAY_STATUSES.length)] ?? 502 };
    }
    return { kind };
  }
}

/** Fixed-window request counter per token: `limit` requests per second. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number) {
    if (!(limit > 0)) throw new RangeError(`rateLimit must be a positive number, got ${limit}`);
  }

  /** Undefined when allowed; otherwise the seconds to put in `Retry-After`. */
  check(key: string, now: number): number | undefined {
    const window = this.windows.get(key);
    if (window === undefined || now - window.start >= 1000) {
      this.windows.set(key, { start: now, count: 1 });
      return undefined;
    }
    if (window.count < this.limit) {
      window.count++;
      return undefined;
    }
    return Math.max(1, Math.ceil((window.start + 1000 - now) / 1000));
  }
}
