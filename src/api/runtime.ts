/**
 * The clock, timer and randomness the client uses, injected so tests can
 * drive retries and throttling without waiting. `systemRuntime` is the real
 * one; nothing else in `src/api` reads the clock or `Math.random` directly.
 */
export interface ClientRuntime {
  /** Milliseconds on a monotonic clock. */
  readonly now: () => number;
  /** Milliseconds since the epoch (to read `Retry-After` HTTP dates). */
  readonly wallClock: () => number;
  /** Resolves after `ms` milliseconds. */
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), for backoff jitter. */
  readonly random: () => number;
}

export const systemRuntime: ClientRuntime = {
  now: () => performance.now(),
  wallClock: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, Math.max(0, ms));
    }),
  random: () => Math.random(),
};
