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

export interface ActualMember {
  readonly memberId: number;
  /** Only when the platform sends it (real member rows carry `memberId` alone). */
  readonly userId?: number;
  readonly userName: string;
  /** Lower-cased. */
  readonly email: string;
  /** Live role: owner | member | collaborator | anything newer, shown as is. */
  readonly role: string;
}

export interface ActualTeamMember {
  readonly memberId: number;
  /** Lower-cased. */
  readonly email: string;
}

export interface ActualTeam {
  readonly teamId: number;
  readonly name: string;
  readonly description?: string;
  /** Set when the team's members come from an identity provider group. */
  readonly idpGroupId?: number;
  readonly idpGroupName?: string;
  /** `undefined` when team membership is not managed (not read). */
  readonly members?: readonly ActualTeamMember[];
}

export type ActualParticipant =
  | {
      readonly type: 'member' | 'collaborator';
      readonly participantId: number;
      readonly memberId: number;
      readonly userName: string;
      /** Lower-cased. */
      readonly email: string;
      readonly role: string;
    }
  | {
      readonly type: 'team';
      readonly participantId: number;
      readonly teamId: number;
      readonly teamName: string;
      readonly role: string;
    };

/** The `[seqera-sync:v1:<salt>:<hash>]` fingerprint parsed off a credential's description. */
export interface KeysFingerprint {
  readonly salt: string;
  readonly hash: string;
}

export interface ActualCredential {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  /** Description with the fingerprint suffix stripped. */
  readonly description?: string;
  readonly fingerprint?: KeysFingerprint;
  readonly baseUrl?: string;
  /** Non-secret key fields as returned (secret ones absent or `(sensitive)`), without `discriminator`. */
  readonly keys: Readonly<Record<string, unknown>>;
  /** Set when the platform returned no `keys` at all (neither listed nor described): `keys` is then `{}` by default, not by reading. */
  readonly keysUnknown?: true;
}

export interface ActualComputeEnv {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  /** CREATING | AVAILABLE | ERRORED | INVALID | DELETING | DISABLED | ... shown as is. */
  readonly status: string;
  readonly primary: boolean;
  readonly credentialsId?: string;
  /** The name of `credentialsId` in the workspace, when the workspace's credentials were read. */
  readonly credentialsName?: string;
  readonly description?: string;
  /** The config as described, without `discriminator`. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly labelIds: readonly number[];
  readonly message?: string;
  /**
   * Set when the CE was only listed, not described: compute environments are
   * unmanaged and were read only to resolve names and ids (for pipelines).
   * `config` is then `{}` and `labelIds` `[]`.
   */
  readonly listedOnly?: true;
}

export interface ActualPipeline {
  readonly pipelineId: number;
  readonly name: string;
  readonly description?: string;
  readonly labelIds: readonly number[];
  /**
   * The default version's launch (WorkflowLaunchRequest-shaped, ids as the API
   * gives them, read-only and null fields dropped), plus `computeEnvId` and
   * `computeEnvName` (the described CE's id and name) when it has one.
   */
  readonly launch: Readonly<Record<string, unknown>>;
  readonly versionId?: string;
  readonly versionName?: string;
  /**
   * Set when the pipeline was only listed (pipelines unmanaged, read because a
   * compute environment replace re-points every pipeline using the old CE):
   * `launch` then holds only `computeEnvId`/`computeEnvName`.
   */
  readonly listedOnly?: true;
}

export interface ActualSecret {
  readonly id: number;
  readonly name: string;
}

export interface ActualLabel {
  readonly id: number;
  readonly name: string;
  readonly value?: string;
  readonly resource: boolean;
  readonly isDefault: boolean;
  /** The value is filled in per run (`${workflowId}`...): it cannot be changed in place. */
  readonly dynamic?: true;
}

/**
 * A custom data link (id `v1-user-…`). Links the platform discovers by
 * itself from credentials (`v1-cloud-…`) are not kept: they are neither
 * managed nor extras.
 */
export interface ActualDataLink {
  readonly id: string;
  readonly name: string;
  /** As the platform says (aws, google, azure, or another provider it knows). */
  readonly provider: string;
  readonly resourceRef: string;
  readonly description?: string;
  readonly publicAccessible: boolean;
  /** The first credential the link uses, when it has one. */
  readonly credentialsId?: string;
  /** That credential's name, as the link lists it. */
  readonly credentialsName?: string;
}

/**
 * A workspace's data links as read. The list may answer "still fetching"
 * (202) while the platform discovers buckets from credentials: the reader
 * waits and re-reads a bounded number of times. `waits` counts the 202
 * answers; `complete` is false when the last answer was still a 202 (the
 * links are then not compared).
 */
export interface ActualDataLinks {
  readonly links: readonly ActualDataLink[];
  readonly waits: number;
  readonly complete: boolean;
}

/** A workspace's Studios settings as the platform reports them (a field it leaves null is absent). */
export interface ActualStudios {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
}

/** The latest version of a dataset: its file's name, size and header flag, and its digest once downloaded. */
export interface ActualDatasetVersion {
  readonly version: number;
  readonly fileName: string;
  /** Bytes; undefined when the platform does not say. */
  readonly size?: number;
  readonly header: boolean;
  /** SHA-256 of the content, hex: read only when name and size match the declared file. */
  readonly sha256?: string;
}

export interface ActualDataset {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Names of its labels. */
  readonly labels: readonly string[];
  /** Undefined when no version was uploaded. */
  readonly latest?: ActualDatasetVersion;
}

/** A label attached to a pipeline action. */
export interface AttachedLabel {
  readonly id: number;
  readonly name: string;
  /** A resource label's value. */
  readonly value?: string;
  readonly resource: boolean;
}

export interface ActualAction {
  readonly id: string;
  readonly name: string;
  /** `github`, `tower`, `cron` (or a source the tool does not manage, such as `bucket`). */
  readonly trigger: string;
  readonly status?: string;
  /** The schedule of a `cron` action. */
  readonly cron?: { readonly expression?: string; readonly timezone?: string };
  /** The GitHub webhook of a `github` action (not a secret). */
  readonly hookUrl?: string;
  /** The endpoint a `tower` action is launched through. */
  readonly endpoint?: string;
  readonly labels: readonly AttachedLabel[];
  /** The launch, as a pipeline's (see `ActualPipeline.launch`). */
  readonly launch: Readonly<Record<string, unknown>>;
}

export interface ActualWorkspace {
  readonly id: number;
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility: Visibility;
  readonly participants?: readonly ActualParticipant[];
  readonly credentials?: readonly ActualCredential[];
  readonly computeEnvironments?: readonly ActualComputeEnv[];
  readonly pipelines?: readonly ActualPipeline[];
  readonly secrets?: readonly ActualSecret[];
  readonly labels?: readonly ActualLabel[];
  readonly dataLinks?: ActualDataLinks;
  /** `undefined` when not read (the file does not declare `studios`). */
  readonly studios?: ActualStudios;
  readonly datasets?: readonly ActualDataset[];
  readonly actions?: readonly ActualAction[];
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

export interface ActualOrg {
  readonly orgId: number;
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  /** The token's user's own role in the org (`memberRole` of `GET /orgs`), when the platform says. */
  readonly callerRole?: string;
  /** `undefined` when not read (org members unmanaged). */
  readonly members?: readonly ActualMember[];
  /** `undefined` when not read. */
  readonly teams?: readonly ActualTeam[];
  /** The organisation's custom roles; `undefined` when not read. */
  readonly roles?: ActualRoles;
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
