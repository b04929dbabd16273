/** Small helpers shared by the endpoints (each kind's `api.ts`, this folder's operations). */
import type { ClientRuntime } from './runtime.js';
import type { CallResult, Transport } from './transport.js';
import type { BodyContext } from './response-shape.js';
import { invalidResponse } from './http-errors.js';

/**
 * What `client.use` binds an `operations` value with (operations.ts): the
 * client's throttled, retried transport, the injected clock and sleep, and
 * the page size of paged lists.
 */
export interface OperationsContext {
  readonly transport: Transport;
  readonly runtime: ClientRuntime;
  readonly pageSize: number;
}

export function contextOf(result: CallResult): BodyContext {
  return { call: result.call, status: result.status, bodyProblem: result.bodyProblem };
}

/** `body[key]` as a non-empty string id (e.g. `{credentialsId: "…"}`). */
export function expectStringId(result: CallResult, key: string): string {
  const value = (result.body as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string' || value === '') {
    throw invalidResponse(result.call, result.status, result.bodyProblem ?? `no string '${key}' in the body`);
  }
  return value;
}

/** `body[key]` as a numeric id (e.g. `{secretId: 12}`). */
export function expectNumberId(result: CallResult, key: string): number {
  const value = (result.body as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidResponse(
      result.call,
      result.status,
      result.bodyProblem ?? `no numeric '${key}' in the body`,
    );
  }
  return value;
}
