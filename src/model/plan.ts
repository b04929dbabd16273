/**
 * The plan: a typed value computed by the pure planner and consumed by the
 * renderers and the applier. The applier executes `actions` and nothing else
 * (Terraform's contract): everything it needs is in the action itself
 * (`desired` payload, `current` live object) or in `liveIds`.
 *
 * Ordering contract: `actions` are sorted deterministically (scope, then
 * RESOURCE_ORDER for creates/updates/replaces, then deletes in reverse order,
 * then address). Within a scope the applier runs creates/updates/replaces in
 * RESOURCE_ORDER phases, then deletes in reverse; `dependsOn` lists the
 * addresses whose failure must skip this action.
 */
import type {
  ActualOrg,
  ActualOrgCollections,
  ActualWorkspace,
  ActualWorkspaceCollections,
} from './actual.js';
import type { ResourceKind, Visibility } from './resources.js';

export type ActionType = 'create' | 'update' | 'replace' | 'delete';

/** One field's change. `from`/`to` are `undefined` when absent; sensitive values are never present. */
export interface FieldChange {
  /** Dotted path, e.g. `role`, `config.forge.maxCpus`, `launch.revision`. */
  readonly field: string;
  readonly from?: unknown;
  readonly to?: unknown;
  /** True for secret material: renderers print `(sensitive)` and `from`/`to` are omitted. */
  readonly sensitive?: boolean;
  /**
   * For an object value (params, config, launch fields): the dotted paths of
   * the keys added, removed or changed inside it. Set in the plan document only.
   */
  readonly paths?: readonly string[];
}

/** What every plan action has; each kind's action adds its `kind`, `desired` and `current` (its folder's `model.ts`). */
export interface ActionBase {
  /** Stable identity, see `address.ts`. Unique within a plan. */
  readonly address: string;
  readonly type: ActionType;
  readonly org: string;
  /** Absent for org-level resources. */
  readonly workspace?: string;
  /** Natural key: email, team name, resource name (`team:<name>` for team participants). */
  readonly name: string;
  /** Why, in one plain sentence ("declared in ausgen.yaml, not on the platform"). */
  readonly reason: string;
  /** For update: what changes. For create: the declared fields. For replace: all differing fields. */
  readonly changes: readonly FieldChange[];
  /** Addresses of actions whose failure skips this one. */
  readonly dependsOn: readonly string[];
}

export interface OrganizationDesired {
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
}

export interface WorkspaceDesired {
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility: Visibility;
}

export interface OrganizationAction extends ActionBase {
  readonly kind: 'organization';
  readonly desired?: OrganizationDesired;
  readonly current?: Omit<ActualOrg, keyof ActualOrgCollections | 'workspaces'>;
}

export interface WorkspaceAction extends ActionBase {
  readonly kind: 'workspace';
  readonly desired?: WorkspaceDesired;
  readonly current?: Omit<ActualWorkspace, keyof ActualWorkspaceCollections>;
  /** On delete: addresses of the participants, credentials, compute environments, pipelines and secrets that go with it. */
  readonly cascade?: readonly string[];
}

/**
 * The plan's actions by their `kind`, a registry: the containers here, and
 * each kind's own in its folder's `model.ts` by declaration merging
 * (`declare module '../../model/plan.js' { interface PlanActions { label: LabelAction } }`).
 * Each entry's key is its action's `kind` and a `ResourceKind`
 * (`PlanActionsChecked` fails to compile otherwise).
 */
export interface PlanActions {
  readonly organization: OrganizationAction;
  readonly workspace: WorkspaceAction;
}

export type PlanAction = PlanActions[keyof PlanActions];

/** Compiles only when every entry of `PlanActions` is the action of its own key, a `ResourceKind`. */
export type PlanActionsChecked = CheckedActions<PlanActions>;
export type CheckedActions<T extends { readonly [K in keyof T]: { readonly kind: K & ResourceKind } }> = T;

/** Something on the platform that no file declares and that is not pruned: drift. */
export interface UnmanagedItem {
  readonly address: string;
  readonly kind: ResourceKind;
  readonly org: string;
  readonly workspace?: string;
  readonly name: string;
  readonly reason: string;
}

/**
 * A limit of the organisation's plan that this plan would exceed: the count
 * after the plan (what exists, plus its creates, minus its deletes) is
 * greater than the quota. A warning, not a block: the platform refuses the
 * creates beyond it, and the rest applies.
 */
export interface PlanWarning {
  /** The API's quota name, e.g. `maxPipelinesPerWorkspace`. */
  readonly quota: string;
  readonly org: string;
  /** For a per-workspace quota. */
  readonly workspace?: string;
  readonly limit: number;
  /** The count after the plan. */
  readonly count: number;
  readonly message: string;
}

/** Information that is not an action: "keys not compared (VAR not set)", "prune skipped protected user". */
export interface PlanNote {
  readonly address?: string;
  readonly message: string;
}

/**
 * The rules a plan may break, a registry: the planner's own (the deletion
 * caps), the containers' and those several kinds share are here; each kind
 * adds its own in its folder's `model.ts` by declaration merging
 * (`declare module '../../model/plan.js' { interface BlockRules { immutableLabel: true } }`).
 */
export interface BlockRules {
  readonly maxDeletions: true;
  readonly maxDeletionRatio: true;
  /** Members and participants: the token's own user is never removed or demoted. */
  readonly tokenUser: true;
  /** Members and participants: `policy.protectedUsers`. */
  readonly protectedUser: true;
  readonly workspaceDeletion: true;
  /** Credentials and secrets: a `${NAME}` that is not set. */
  readonly missingVariable: true;
  readonly missingOrganization: true;
  readonly organizationCreation: true;
}

export type BlockRule = keyof BlockRules;

/** A reason the plan must not be applied. Any entry makes `plan`/`apply` exit 1. */
export interface BlockedRule {
  readonly rule: BlockRule;
  readonly message: string;
  readonly addresses: readonly string[];
  /** The flag that lifts it, when one does. */
  readonly override?: '--allow-deletions' | '--allow-workspace-deletion' | '--allow-org-creation';
}

export interface PlanOptions {
  readonly allowDeletions: boolean;
  readonly allowWorkspaceDeletion: boolean;
  readonly rotateSecrets: boolean;
  /** `--allow-org-creation`: an organisation with an `organization.yaml` and not on the platform may be created. */
  readonly allowOrgCreation?: boolean;
}

/** Where a plan was made: shown first by every format, so nobody plans against the wrong platform. */
export interface PlanTarget {
  /** The API endpoint (the default is Seqera Cloud's). */
  readonly endpoint: string;
  /** The token's user. */
  readonly userName: string;
  readonly email: string;
  /** The organisations planned, sorted. */
  readonly orgs: readonly string[];
}

export interface Plan {
  /** Set by the plan use-case (the planner does not know the endpoint); absent in unit-built plans. */
  readonly target?: PlanTarget;
  readonly actions: readonly PlanAction[];
  readonly unmanaged: readonly UnmanagedItem[];
  readonly notes: readonly PlanNote[];
  /** Quotas the plan would exceed (set by the plan use-case after reading them; absent when there are none). */
  readonly warnings?: readonly PlanWarning[];
  readonly blocked: readonly BlockedRule[];
  readonly options: PlanOptions;
  /**
   * Ids of live objects an action may need to reference by address
   * (org, workspace, team, member, credential, compute environment).
   * The applier resolves `created[address] ?? liveIds[address]`.
   */
  readonly liveIds: Readonly<Record<string, string | number>>;
  /** What was planned: org names and `org/workspace` names, sorted. */
  readonly scope: { readonly orgs: readonly string[]; readonly workspaces: readonly string[] };
  /** Present when the plan was made against a base configuration (`--base-config-dir`). */
  readonly changeScope?: ChangeScope;
}

/** A configuration file that differs from the base configuration (`--base-config-dir`). */
export interface ChangedFile {
  /** As shown in diagnostics: the change's file, or the base's for a removed one. */
  readonly file: string;
  readonly change: 'added' | 'changed' | 'removed';
  /** A removed workspace file that an added file of the same organisation replaces (a rename). */
  readonly renamedTo?: string;
}

/** A safety setting the change alters. It takes effect after merge: the base's value is in force for this plan. */
export interface PolicyChange {
  readonly file: string;
  /** E.g. `policy.maxDeletions`, `prune.participants`, `ignore.members`. */
  readonly setting: string;
  /** The base's value (in force), as shown. */
  readonly from: string;
  /** The change's value (after merge), as shown. */
  readonly to: string;
}

/** What a plan made against a base configuration covers and leaves out. */
export interface ChangeScope {
  /** Workspace files that did not change: neither read nor planned (the scheduled check reports their drift). */
  readonly notChanged: number;
  /** Files added, changed or removed, sorted by file. */
  readonly files: readonly ChangedFile[];
  /** Safety settings the change alters, sorted by file and setting. */
  readonly policyChanges: readonly PolicyChange[];
}

export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly replace: number;
  readonly destroy: number;
  readonly unmanaged: number;
}

export function summarizePlan(plan: Pick<Plan, 'actions' | 'unmanaged'>): PlanSummary {
  let add = 0;
  let change = 0;
  let replace = 0;
  let destroy = 0;
  for (const action of plan.actions) {
    if (action.type === 'create') add++;
    else if (action.type === 'update') change++;
    else if (action.type === 'replace') replace++;
    else destroy++;
  }
  return { add, change, replace, destroy, unmanaged: plan.unmanaged.length };
}

/** Empty = no actions and no unreported drift: `--detailed-exitcode` gives 0. */
export function isEmptyPlan(plan: Pick<Plan, 'actions' | 'unmanaged'>): boolean {
  return plan.actions.length === 0 && plan.unmanaged.length === 0;
}
