/**
 * A read of the live state against a running emulator, by the real client
 * (unthrottled), with the requests it made: what the read-cost tests hold to
 * the request model (`expectedReadRequests`).
 */
import { createApiClientWithRuntime } from '../../src/api/client.js';
import { systemRuntime, type ClientRuntime } from '../../src/api/runtime.js';
import type { ActualState } from '../../src/model/actual.js';
import type { DesiredState } from '../../src/model/desired.js';
import { readActualState } from '../../src/state/read-actual-state.js';

export interface LoggedPlatform {
  readonly endpoint: string;
  readonly token: string;
  clearRequestLog(): void;
  requestLog(): readonly { readonly method: string; readonly path: string }[];
}

/** Reads what `desired` manages (log cleared first); `requests` are `METHOD /path` lines, in order. */
export async function readLogged(
  emu: LoggedPlatform,
  desired: DesiredState,
  runtime: ClientRuntime = systemRuntime,
): Promise<{ readonly actual: ActualState; readonly requests: string[] }> {
  emu.clearRequestLog();
  const client = createApiClientWithRuntime(
    { endpoint: emu.endpoint, token: emu.token, maxRps: 1000, verbose: false, log: () => undefined },
    runtime,
  );
  const actual = await readActualState(client, desired, { workspaceFilter: [] });
  return { actual, requests: emu.requestLog().map((e) => `${e.method} ${e.path}`) };
}
