/**
 * Actual state: what the platform holds, read by `src/state` and mapped from
 * the API's DTOs. Ids are kept (the applier needs them) but the planner matches
 * by natural key only. A collection that is `undefined` was not read (it is
 * unmanaged). Secret key values never appear here: write-only fields are not
 * returned, and readable secret fields (e.g. repository tokens) are redacted
 * to the string `(sensitive)` by the reader.
 */
import type { Visibility } from './resources.js';

export interface ActualUser {
  readonly id: number;
  readonly userName: string;
  /** Lower-cased. */
  readonly email: string;
}

/** The `[seqera-sync:v1:<salt>:<hash>]` fingerprint parsed off a credential's description. */
export interface KeysFingerprint {
  readonly salt: string;
  readonly hash: string;
}

/**
 * A workspace's live collections (and Studios settings), a registry: each
 * kind that lives in a workspace adds what it reads (`undefined` = not read)
 * in its folder's `model.ts` by declaration merging
 * (`declare module '../../model/actual.js' { interface ActualWorkspaceCollections { labels?: … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface ActualWorkspaceCollections {}

export interface ActualWorkspace extends ActualWorkspaceCollections {
  readonly id: number;
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility: Visibility;
}

/**
 * An organisation's live collections, a registry: each kind that lives in
 * an organisation adds what it reads (`undefined` = not read) in its
 * folder's `model.ts` by declaration merging
 * (`declare module '../../model/actual.js' { interface ActualOrgCollections { … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface ActualOrgCollections {}

export interface ActualOrg extends ActualOrgCollections {
  readonly orgId: number;
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  /** The token's user's own role in the org (`memberRole` of `GET /orgs`), when the platform says. */
  readonly callerRole?: string;
  /** Every workspace of the org the token's user can see (names, for unmanaged-workspace reporting); collections read only for managed ones. */
  readonly workspaces: readonly ActualWorkspace[];
}

export interface ActualState {
  /** The token's own user (`GET /user-info`). */
  readonly user: ActualUser;
  /** Only the orgs the desired state names (those that exist). */
  readonly orgs: readonly ActualOrg[];
  /**
   * The names of every organisation the token can see (`GET /orgs`), for
   * "did you mean …" when a declared one does not exist. Absent when not listed.
   */
  readonly visibleOrgs?: readonly string[];
}

/**
 * An organisation's quotas (`GET /orgs/{orgId}/quotas`): its limits by the
 * API's quota name (a name left out has no limit), or why they could not be
 * read (a platform or token without access to them answers 403 or 404).
 */
export type OrgQuotas =
  { readonly limits: Readonly<Record<string, number>> } | { readonly unavailable: string };
