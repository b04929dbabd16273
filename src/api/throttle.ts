/**
 * Self-throttling (SPEC 7): request starts are evenly spaced, one every
 * `1000 / maxRps` ms, across the whole client, so a large run stays under the
 * platform's per-token rate limit instead of running into 429s. On top of the
 * spacing, no more than `maxRps` starts happen in any window of
 * `WINDOW_MS` (one second plus a 2 % margin): timers that fire late under a
 * busy event loop would otherwise bunch starts together, and a server
 * counting one-second windows sees the (maxRps+1)-th request of a window as
 * over the limit (measured by the bench: 0-108 429s per run without it).
 * `holdUntil` pushes every later start back (used when the platform answers
 * 429 with a `Retry-After`, so concurrent requests do not all hit the limit).
 */
import type { ClientRuntime } from './runtime.js';

/** The trailing window the start count is capped in: one second plus a 2 % margin. */
export const WINDOW_MS = 1020;

export interface Throttle {
  /** Resolves when the caller may start its request (reserves the slot). */
  acquire(): Promise<void>;
  /** No request starts before `time` (runtime clock, ms). */
  holdUntil(time: number): void;
}

export function createThrottle(maxRps: number, runtime: ClientRuntime): Throttle {
  const interval = 1000 / maxRps;
  const capacity = Math.max(1, Math.floor(maxRps));
  /** Start times of the last `capacity` requests, oldest first. */
  const recent: number[] = [];
  let nextStart = Number.NEGATIVE_INFINITY;
  return {
    async acquire(): Promise<void> {
      const now = runtime.now();
      const slot = Math.max(now, nextStart);
      nextStart = slot + interval;
      if (slot > now) await runtime.sleep(slot - now);
      for (;;) {
        const oldest = recent.length >= capacity ? recent[recent.length - capacity] : undefined;
        const wait = oldest === undefined ? 0 : oldest + WINDOW_MS - runtime.now();
        if (wait <= 0) break;
        await runtime.sleep(wait);
      }
      recent.push(runtime.now());
      if (recent.length > capacity) recent.splice(0, recent.length - capacity);
    },
    holdUntil(time: number): void {
      nextStart = Math.max(nextStart, time);
    },
  };
}
