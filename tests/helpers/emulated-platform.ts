/**
 * The platform for applier and reader tests: the emulator in this process,
 * on 127.0.0.1, talked to by the real `ApiClient`. It is the only stand-in
 * for the platform the tests use (tests/architecture/one-fake.test.ts keeps it
 * so). A test seeds what exists, injects faults with the emulator's scripted
 * faults, and asserts on the emulator's request log and snapshot.
 *
 * Time: the emulator's clock is the test clock, and `sleep` only moves that
 * clock, so "a compute environment ready after 2 s, polled every second" is
 * exactly three polls and takes no real time.
 */
import { onTestFinished } from 'vitest';
import type { ApiClient } from '../../src/api/api-client.js';
import { createApiClient } from '../../src/api/client.js';
import {
  startEmulator,
  type EmulatorOptions,
  type EmulatorSeed,
  type RequestLogEntry,
  type RunningEmulator,
} from '../../src/emulator/index.js';

/** A clock the test moves: `sleep(ms)` advances it at once. */
export interface TestClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export function testClock(start = Date.UTC(2026, 0, 1)): TestClock {
  let time = start;
  return {
    now: () => time,
    sleep: (ms) => {
      time += ms;
      return Promise.resolve();
    },
  };
}

export interface EmulatedPlatform {
  readonly emu: RunningEmulator;
  readonly client: ApiClient;
  readonly clock: TestClock;
  /** Requests received since the last `clearRequestLog`, as `METHOD /template` (ids as `{id}`). */
  readonly requests: () => string[];
  /** The write requests among them. */
  readonly writes: () => string[];
  /** The log entries of requests matching `METHOD /template`. */
  readonly entries: (operation: string) => RequestLogEntry[];
}

const COLLECTIONS = new Set([
  'orgs',
  'members',
  'teams',
  'workspaces',
  'participants',
  'credentials',
  'compute-envs',
  'pipelines',
  'versions',
  'pipeline-secrets',
  'labels',
  'actions',
]);

/** Segments after a collection that are not ids (`/actions/labels/apply`). */
const KEYWORDS = new Set(['add', 'labels', 'apply']);

/** `METHOD /path` with every id segment replaced by `{id}`: `PUT /orgs/{id}/members/add`. */
export function operationOf(entry: Pick<RequestLogEntry, 'method' | 'path'>): string {
  const segments = entry.path.split('/');
  const template = segments.map((segment, i) =>
    i > 0 && COLLECTIONS.has(segments[i - 1] ?? '') && !KEYWORDS.has(segment) ? '{id}' : segment,
  );
  return `${entry.method} ${template.join('/')}`;
}

/**
 * Starts an emulator with `seed` and a real client for it; stopped when the
 * current test finishes. Call it inside a test.
 */
export async function startEmulatedPlatform(
  seed: EmulatorSeed,
  options: Omit<EmulatorOptions, 'seed' | 'clock'> & { readonly maxConcurrency?: number } = {},
): Promise<EmulatedPlatform> {
  const { maxConcurrency, ...emulatorOptions } = options;
  const clock = testClock();
  const emu = await startEmulator({
    ceCreateDelayMs: 0,
    ceDeleteDelayMs: 0,
    ...emulatorOptions,
    seed,
    clock: clock.now,
  });
  onTestFinished(() => emu.stop());
  const client = createApiClient({
    endpoint: emu.endpoint,
    token: emu.token,
    maxRps: 100_000,
    verbose: false,
    log: () => undefined,
    retryBudgetMs: 10_000,
    ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
  });
  return {
    emu,
    client,
    clock,
    requests: () => emu.requestLog().map(operationOf),
    writes: () =>
      emu
        .requestLog()
        .filter((e) => e.write)
        .map(operationOf),
    entries: (operation) => emu.requestLog().filter((e) => operationOf(e) === operation),
  };
}
