/**
 * A set of endpoints: an `Operations` value names its area and binds its
 * methods to the client's transport. Each kind declares its own in its
 * folder (`src/kinds/<kind>/api.ts`: `<kind>Reads`, `<kind>Writes`); this
 * folder keeps the two that belong to no kind (user info, quotas).
 * `client.use(operations)` binds a value once per client and hands back
 * the methods, so nothing lists the endpoints: a new kind's are found where
 * it declares them.
 */
import type { OperationsContext } from './call-helpers.js';

const OPERATIONS_TAG = Symbol('seqera-sync operations');

export interface Operations<M extends object> {
  /** What the methods are about, for messages (`labels (reads)`). */
  readonly area: string;
  /** The methods over the client's transport (called once per client). */
  readonly bind: (context: OperationsContext) => M;
  readonly [OPERATIONS_TAG]: true;
}

export function operations<M extends object>(
  area: string,
  bind: (context: OperationsContext) => M,
): Operations<M> {
  return { area, bind, [OPERATIONS_TAG]: true };
}

/** True for a value made by `operations` (the client contract test finds a kind's endpoints this way). */
export function isOperations(value: unknown): value is Operations<object> {
  return typeof value === 'object' && value !== null && OPERATIONS_TAG in value;
}
