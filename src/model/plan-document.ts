/**
 * The JSON plan document: what `plan --format json` prints and `plan --out`
 * saves, described by `schemas/plan.schema.json`. It is the `Plan` value plus
 * what `apply FILE` needs to apply it exactly as reviewed: the endpoint it was
 * made against, a digest of the desired state, a precondition per action (a
 * digest of the live object the action was computed from) and a fingerprint
 * of the variables its secrets come from. It never holds a secret value:
 * secret fields are `SecretRef`s, resolved from the workspace's variables at apply time.
 *
 * Compatibility contract: `formatVersion` changes whenever a consumer of the
 * document would have to change (Terraform's `jsonplan.FormatVersion`).
 */
import type {
  BlockedRule,
  ChangeScope,
  Plan,
  PlanAction,
  PlanNote,
  PlanWarning,
  PlanOptions,
  PlanSummary,
  PlanTarget,
  UnmanagedItem,
} from './plan.js';

export const PLAN_FORMAT_VERSION = '1';
export const PLAN_TOOL_NAME = 'seqera-sync';

/** The precondition of a create: the object must still be absent when the plan is applied. */
export const PRECONDITION_ABSENT = 'absent';

/**
 * A salted slow hash of the variables the plan's secrets are read from, so a
 * saved plan goes stale when one of them changes. `names` are sorted.
 */
export interface PlanVariables {
  readonly salt: string;
  readonly fingerprint: string;
  readonly names: readonly string[];
}

/** Everything a saved plan records besides the `Plan` value itself. */
export interface PlanMeta {
  readonly endpoint: string;
  /** `sha256:<hex>` of the canonical desired state (see `desiredDigest`). */
  readonly desiredDigest: string;
  /** The version of seqera-sync that made the plan. */
  readonly toolVersion: string;
  /** Per action address: `sha256:<hex>` of its live object, or `absent` for a create. */
  readonly preconditions: Readonly<Record<string, string>>;
  readonly variables: PlanVariables;
}

/** A plan read back from a saved document: the plan to apply and what it was made against. */
export type SavedPlan = Plan & PlanMeta;

/** The document itself (keys are written sorted; arrays keep plan order). */
export interface PlanDocument {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  readonly tool: { readonly name: typeof PLAN_TOOL_NAME; readonly version: string };
  readonly endpoint: string;
  /** Where the plan was made (endpoint, the token's user, the orgs planned). */
  readonly target?: PlanTarget;
  readonly desiredDigest: string;
  readonly options: PlanOptions;
  /** Derived from `actions` and `unmanaged` (`summarizePlan`), for consumers that only need counts. */
  readonly summary: PlanSummary;
  readonly blocked: readonly BlockedRule[];
  readonly actions: readonly PlanAction[];
  readonly unmanaged: readonly UnmanagedItem[];
  readonly notes: readonly PlanNote[];
  /** Quotas the plan would exceed; absent when there are none. */
  readonly warnings?: readonly PlanWarning[];
  readonly liveIds: Readonly<Record<string, string | number>>;
  readonly scope: Plan['scope'];
  /** Only in a plan made against a base configuration (`--base-config-dir`). */
  readonly changeScope?: ChangeScope;
  readonly preconditions: Readonly<Record<string, string>>;
  readonly variables: PlanVariables;
  /** `sha256:<hex>` of the document's own content (every other field): `apply FILE` refuses an edited file. */
  readonly planDigest: string;
}
