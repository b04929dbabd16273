import { describe, expect, it } from 'vitest';
import { WINDOW_MS, createThrottle } from '../../../src/api/throttle.js';
import { fakeRuntime } from './fake-runtime.js';

describe('createThrottle', () => {
  it('spaces starts evenly at 1000/maxRps ms', async () => {
    const fake = fakeRuntime();
    const throttle = createThrottle(4, fake.runtime);
    // Five callers arrive at once: the first starts now, each next one 250 ms later;
    // the fifth also waits out the window margin (5 starts may not share 1.02 s).
    await Promise.all([0, 1, 2, 3, 4].map(() => throttle.acquire()));
    expect(fake.sleeps).toEqual([250, 500, 750, 1000, WINDOW_MS - 1000]);
  });

  it('does not delay a caller that comes after the interval', async () => {
    const fake = fakeRuntime();
    const throttle = createThrottle(10, fake.runtime);
    await throttle.acquire();
    await fake.runtime.sleep(150);
    await throttle.acquire();
    expect(fake.sleeps).toEqual([150]);
  });

  it('holdUntil pushes later starts back', async () => {
    const fake = fakeRuntime();
    const throttle = createThrottle(10, fake.runtime);
    throttle.holdUntil(2000);
    await throttle.acquire();
    await throttle.acquire();
    expect(fake.sleeps).toEqual([2000, 100]);
  });

  it('never lets more than maxRps starts into any window of WINDOW_MS, even when timers fire late', async () => {
    const fake = fakeRuntime();
    const maxRps = 5;
    const throttle = createThrottle(maxRps, fake.runtime);
    const starts: number[] = [];
    // 30 callers; every third one is delayed by a late wake-up before it asks (a busy event loop).
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        if (i % 3 === 0) await fake.runtime.sleep(37 * i);
        await throttle.acquire();
        starts.push(fake.time());
      }),
    );
    starts.sort((a, b) => a - b);
    for (let i = maxRps; i < starts.length; i++) {
      expect(starts[i]! - starts[i - maxRps]!).toBeGreaterThanOrEqual(WINDOW_MS);
    }
  });
});
