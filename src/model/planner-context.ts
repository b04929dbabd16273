/**
 * What the pure planner needs besides desired and actual state. The shell
 * (plan use-case) builds it: variable names that are set (never values), and
 * for credentials whose live description carries a keys fingerprint, whether
 * the declared keys match it (computed with scrypt outside the planner).
 */
import type { PlanOptions } from './plan.js';
import type { Selection } from './selection.js';

export interface PlannerContext {
  readonly options: PlanOptions;
  /** Names of the `${VAR}` variables that are set (environment or SEQERA_SYNC_VARS). */
  readonly setVariables: ReadonlySet<string>;
  /**
   * Per credential address: true when the declared keys match the live
   * fingerprint, false when they differ. Absent when not computed (the live
   * credential has no fingerprint, does not exist, or a variable is unset).
   */
  readonly keysMatch: ReadonlyMap<string, boolean>;
  /** `org/name` filters (`--workspace`); empty = everything including org-level members and teams. */
  readonly workspaceFilter: readonly string[];
  /** What is planned when it is not a plain filter (a change-scoped plan); replaces `workspaceFilter`. */
  readonly selection?: Selection;
}
