/**
 * The vocabulary of custom workspace roles of the organisation, declared here
 * and nowhere else: the desired, live and written shapes, the plan action,
 * and what this kind adds to the shared registries of `src/model/` and
 * `src/formats/written.ts` by declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

/** A custom workspace role of the organisation, identified by its name. */
export interface DesiredRole {
  readonly name: string;
  readonly description: string;
  /** The API's permission names: a set, kept sorted and unique. */
  readonly permissions: readonly string[];
  readonly source: SourceRef;
}

/** A custom role. */
export interface ActualRole {
  readonly name: string;
  readonly description?: string;
  /** Sorted; `undefined` when the role was listed but not described. */
  readonly permissions?: readonly string[];
}

/**
 * What the platform says of custom roles: the roles (when it offers them),
 * or why it does not (`GET /roles` answered 403 or 404), and the permission
 * names it accepts (when they were read).
 */
export type ActualRoles =
  | {
      readonly available: true;
      readonly custom: readonly ActualRole[];
      readonly permissions?: readonly string[];
    }
  | { readonly available: false; readonly reason: string };

export interface WrittenRole {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

export interface RoleAction extends ActionBase {
  readonly kind: 'role';
  readonly desired?: DesiredRole;
  readonly current?: ActualRole;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly role: true;
  }
  interface CollectionKinds {
    readonly roles: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly role: RoleAction;
  }
  interface BlockRules {
    readonly customRoles: true;
    readonly unknownRole: true;
  }
}

declare module '../../model/desired.js' {
  interface DesiredOrgCollections {
    readonly roles?: readonly DesiredRole[];
  }
}

declare module '../../model/actual.js' {
  interface ActualOrgCollections {
    /** The organisation's custom roles; `undefined` when not read. */
    readonly roles?: ActualRoles;
  }
}

declare module '../../formats/written.js' {
  interface WrittenOrganizationCollections {
    readonly roles?: readonly WrittenRole[];
  }
}
