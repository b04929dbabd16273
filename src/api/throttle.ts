/**
 * Self-throttling (SPEC 7): request starts are evenly spaced, one every
 * `1000 / maxRps` ms, across the whole client, so a large run stays under the
 * platform's per-token rate limit instead of running into 429s. `holdUntil`
 * pushes every later start back (used when the platform answers 429 with a
 * `Retry-After`, so concurrent requests do not all hit the limit too).
 */
import type { ClientRuntime } from './runtime.js';

export interface Throttle {
  /** Resolves when the caller may start its request (reserves the slot). */
  acquire(): Promise<void>;
  /** No request starts before `time` (runtime clock, ms). */
  holdUntil(time: number): void;
}

export function createThrottle(maxRps: number, runtime: ClientRuntime): Throttle {
  const interval = 1000 / maxRps;
  let nextStart = Number.NEGATIVE_INFINITY;
  return {
    async acquire(): Promise<void> {
      const now = runtime.now();
      const slot = Math.max(now, nextStart);
      nextStart = slot + interval;
      if (slot > now) await runtime.sleep(slot - now);
    },
    holdUntil(time: number): void {
      nextStart = Math.max(nextStart, time);
    },
  };
}
