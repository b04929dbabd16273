/**
 * Self-throttling against the emulator's per-token rate limit (429 with
 * Retry-After): at or below the limit a read meets (almost) no 429 and
 * absorbs any it meets; far above it, every 429 is absorbed by retries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { readActualState } from '../../../src/state/read-actual-state.js';
import { expectedReadRequests } from '../../../src/state/request-count.js';
import { ESTATE_SIZES, estateSeed, managedAusgen, orgWith } from './estate.js';

const desired = orgWith(managedAusgen({ participants: undefined }));
const minimum = expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: [] });

let emu: RunningEmulator | undefined;

afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function readWith(rateLimit: number, maxRps: number) {
  emu = await startEmulator({ seed: estateSeed(), rateLimit, logBodies: false });
  const client = createApiClient({
    endpoint: emu.endpoint,
    token: emu.token,
    maxRps,
    verbose: false,
    log: () => undefined,
  });
  const started = Date.now();
  const actual = await readActualState(client, desired, { workspaceFilter: [] });
  const log = emu.requestLog();
  return {
    actual,
    ms: Date.now() - started,
    limited: log.filter((e) => e.status === 429).length,
    served: log.filter((e) => e.status === 200).length,
  };
}

describe('rate limits', () => {
  it(`meets no 429 below the limit, and is paced by maxRps (${minimum} requests)`, async () => {
    const { limited, served, ms, actual } = await readWith(10, 6);
    expect(limited).toBe(0);
    expect(served).toBe(minimum);
    // Evenly spaced at 6/s: the last of N requests starts (N-1)/6 s after the first.
    expect(ms).toBeGreaterThanOrEqual(((minimum - 1) / 6) * 1000 - 50);
    expect(actual.orgs[0]!.workspaces.find((w) => w.name === 'ausgen')!.pipelines).toHaveLength(2);
  });

  it('absorbs any 429 at exactly the limit (arrival jitter can cross a window edge)', async () => {
    const { served, actual } = await readWith(8, 8);
    expect(served).toBe(minimum);
    expect(actual.orgs[0]!.workspaces.find((w) => w.name === 'ausgen')!.secrets).toHaveLength(2);
  });

  it('absorbs every 429 when running far above the limit', async () => {
    const { served, limited, actual } = await readWith(5, 1000);
    expect(limited).toBeGreaterThan(0);
    expect(served).toBe(minimum);
    expect(actual.orgs[0]!.workspaces.find((w) => w.name === 'ausgen')!.computeEnvironments).toHaveLength(2);
  });
});
