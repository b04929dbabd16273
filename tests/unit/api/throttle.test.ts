import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../../src/api/throttle.js';
import { fakeRuntime } from './fake-runtime.js';

describe('createThrottle', () => {
  it('spaces starts evenly at 1000/maxRps ms', async () => {
    const fake = fakeRuntime();
    const throttle = createThrottle(4, fake.runtime);
    // Five callers arrive at once: the first starts now, each next one 250 ms later.
    await Promise.all([0, 1, 2, 3, 4].map(() => throttle.acquire()));
    expect(fake.sleeps).toEqual([250, 500, 750, 1000]);
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
});
