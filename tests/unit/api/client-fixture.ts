/** Builds a client against https://api.example.test with a fake runtime and collected log lines. */
import { createApiClientWithRuntime } from '../../../src/api/client.js';
import type { ApiClient } from '../../../src/api/api-client.js';
import type { ApiClientOptions } from '../../../src/api/client-options.js';
import { fakeRuntime, type FakeRuntime } from './fake-runtime.js';

export const HOST = 'https://api.example.test';
export const TOKEN = 'tok_DO_NOT_LEAK_7f3a9c2e51';

export interface ClientFixture extends FakeRuntime {
  readonly client: ApiClient;
  readonly logs: string[];
}

export function makeClient(overrides: Partial<ApiClientOptions> = {}, random = 0.5): ClientFixture {
  const fake = fakeRuntime(random);
  const logs: string[] = [];
  const client = createApiClientWithRuntime(
    {
      endpoint: HOST,
      token: TOKEN,
      maxRps: 1000,
      verbose: true,
      log: (line) => logs.push(line),
      ...overrides,
    },
    fake.runtime,
  );
  return { ...fake, client, logs };
}

/** The rejection of `promise`, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

/**
 * A socket error for `replyWithError`. nock 14 hangs the request when given a
 * plain object (`{ code }`), so pass an Error instance carrying the code.
 */
export function socketError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}
