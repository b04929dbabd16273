/**
 * A virtual clock for client tests: `sleep` records the delay and, once the
 * caller awaits it, moves time to the sleeper's wake-up time (never back), so
 * concurrent sleepers see the same clock as with real timers, without waiting.
 */
import type { ClientRuntime } from '../../../src/api/runtime.js';

export interface FakeRuntime {
  readonly runtime: ClientRuntime;
  /** Every delay passed to `sleep`, in order. */
  readonly sleeps: number[];
  /** Current virtual time (ms). */
  readonly time: () => number;
}

export const FAKE_EPOCH = Date.UTC(2026, 10, 27, 12, 0, 0);

/** `random` is fixed (default 0.5) so backoff delays are exact. */
export function fakeRuntime(random = 0.5): FakeRuntime {
  let now = 0;
  const sleeps: number[] = [];
  return {
    runtime: {
      now: () => now,
      wallClock: () => FAKE_EPOCH + now,
      sleep: (ms) => {
        sleeps.push(ms);
        const wake = now + ms;
        return Promise.resolve().then(() => {
          now = Math.max(now, wake);
        });
      },
      random: () => random,
    },
    sleeps,
    time: () => now,
  };
}
