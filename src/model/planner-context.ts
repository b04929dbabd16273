/**
 * What the pure planner needs besides desired and actual state. The shell
 * (plan use-case) builds it: variable names set per workspace (never values), and
 * for credentials whose live description carries a keys fingerprint, whether
 * the declared keys match it (computed with scrypt outside the planner).
 */
import type { PlanOptions } from './plan.js';
import type { Selection } from './selection.js';

export interface PlannerContext {
  readonly options: PlanOptions;
  /**
   * Per `org/workspace`: the names of the variables set for that workspace
   * (`SEQERA_SYNC_VARS` or `--vars-file`). Names only, never values.
   */
  readonly setVariables: ReadonlyMap<string, ReadonlySet<string>>;
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
