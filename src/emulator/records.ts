/**
 * The record types of the emulator's state (see store.ts). Records are plain
 * mutable objects owned by the Store; ids never change, names may.
 */
import type { Json, JsonObject } from './json.js';
import { DEFAULT_PRIVATE_STUDIO_BY_DEFAULT, DEFAULT_STUDIOS_LIFESPAN_HOURS } from './settings.js';

export type OrgRole = 'owner' | 'member' | 'collaborator';
export type Visibility = 'PRIVATE' | 'SHARED';

/** A value that reads back stale until `until` (eventual consistency of role reads). */
export interface StaleValue {
  readonly value: string;
  readonly until: number;
}

export interface UserRecord {
  readonly id: number;
  readonly userName: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly token?: string;
  readonly dateCreated: string;
}

export interface MemberRecord {
  readonly memberId: number;
  readonly userId: number;
  role: OrgRole;
  stale?: StaleValue;
}

export interface TeamRecord {
  readonly id: number;
  name: string;
  description?: string;
  /** Set when the team's members come from an identity provider group (SCIM/SSO). */
  idpGroupId?: number;
  readonly memberIds: Set<number>;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** A custom workspace role of an organisation (names are its identity). */
export interface RoleRecord {
  name: string;
  description: string;
  permissions: string[];
}

export interface ParticipantRecord {
  readonly id: number;
  readonly memberId?: number;
  readonly teamId?: number;
  role: string;
  stale?: StaleValue;
}

export interface LabelRecord {
  readonly id: number;
  name: string;
  /** Resource labels only; `${workflowId}`-style values are dynamic (filled in per run). */
  value?: string;
  readonly resource: boolean;
  isDefault: boolean;
  readonly dateCreated: string;
}

/**
 * A data link. Custom links (id `v1-user-…`) are made through the API;
 * discovered ones (`v1-cloud-…`) are the buckets the platform finds with a
 * workspace's cloud credentials, and cannot be edited or deleted.
 */
export interface DataLinkRecord {
  readonly id: string;
  name: string;
  readonly provider: string;
  readonly resourceRef: string;
  readonly region?: string;
  description?: string;
  readonly publicAccessible: boolean;
  credentialsIds: string[];
  readonly discovered: boolean;
}

/** One uploaded file of a dataset. */
export interface DatasetVersionRecord {
  readonly version: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly hasHeader: boolean;
  readonly content: Buffer;
  readonly dateCreated: string;
}

export interface DatasetRecord {
  /** A platform-style string id. */
  readonly id: string;
  name: string;
  description?: string;
  labelIds: number[];
  /** Oldest first; never deleted (only with the dataset). */
  readonly versions: DatasetVersionRecord[];
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface CredentialRecord {
  readonly id: string;
  name: string;
  readonly provider: string;
  description?: string;
  baseUrl?: string;
  category?: string;
  /** Every key, secret ones included (they are never returned). */
  keys: JsonObject;
  readonly dateCreated: string;
  lastUpdated: string;
}

export type ComputeEnvStatus = 'CREATING' | 'AVAILABLE' | 'DISABLED' | 'DELETING' | 'ERRORED' | 'INVALID';

export interface ComputeEnvRecord {
  readonly id: string;
  name: string;
  readonly platform: string;
  /** The config as the server holds it (server-filled fields included). */
  config: JsonObject;
  credentialsId?: string;
  description?: string;
  fusionMetricsCollectionEnabled?: boolean;
  status: ComputeEnvStatus;
  message?: string;
  primary: boolean;
  readonly labelIds: readonly number[];
  /** While CREATING: when it settles, and into which status. */
  pending?: { readonly at: number; readonly status: 'AVAILABLE' | 'ERRORED'; readonly message?: string };
  /** While DELETING: when it is gone. */
  goneAt?: number;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** The launch template fields of a version (WorkflowLaunchRequest, known fields only). */
export type LaunchFields = Readonly<Record<string, Json>>;

export interface PipelineVersionRecord {
  readonly id: string;
  name?: string;
  isDefault: boolean;
  readonly launchId: string;
  readonly launch: LaunchFields;
  readonly hash: string;
  readonly creatorUserId: number;
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface PipelineRecord {
  readonly id: number;
  readonly workspaceId: number;
  name: string;
  description?: string;
  icon?: string;
  labelIds: number[];
  readonly versions: PipelineVersionRecord[];
  readonly creatorUserId: number;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** What triggers a pipeline action (the `bucket` source is not modelled). */
export type ActionSource = 'github' | 'tower' | 'cron';

export interface ActionRecord {
  readonly id: string;
  name: string;
  readonly source: ActionSource;
  launch: LaunchFields;
  readonly launchId: string;
  /** `cron` actions only. */
  cron?: { expression: string; timezone: string };
  /** `github` actions only: the webhook the platform registered on the repository. */
  readonly hookId?: string;
  readonly hookUrl?: string;
  labelIds: number[];
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface SecretRecord {
  readonly id: number;
  readonly name: string;
  value: string;
  readonly dateCreated: string;
  lastUpdated: string;
}

/**
 * A workspace's Studios settings. A new workspace gets the defaults in
 * `settings.ts`; the container repository and the image naming strategy are
 * unset (null on the wire: the platform's own default applies).
 */
export interface StudiosSettingsRecord {
  lifespanHours: number;
  privateStudioByDefault: boolean;
  containerRepository?: string;
  nameStrategy?: NameStrategy;
}

/** How Wave names the images it builds for Studios. */
export type NameStrategy = 'none' | 'tagPrefix' | 'imageSuffix';
export const NAME_STRATEGIES: readonly NameStrategy[] = ['none', 'tagPrefix', 'imageSuffix'];

/**
 * An organisation's quotas: its limits by the API's quota name
 * (`maxWorkspaces`...; a name left out has no limit), or the status the
 * quota endpoint answers on a platform that does not offer it (403, 404).
 */
export type QuotasRecord =
  { readonly limits: Readonly<Record<string, number>> } | { readonly unavailable: 403 | 404 };

export interface WorkspaceRecord {
  readonly id: number;
  readonly orgId: number;
  name: string;
  fullName: string;
  description?: string;
  visibility: Visibility;
  readonly participants: Map<number, ParticipantRecord>;
  readonly participantByMember: Map<number, number>;
  readonly participantByTeam: Map<number, number>;
  readonly credentials: Map<string, CredentialRecord>;
  readonly computeEnvs: Map<string, ComputeEnvRecord>;
  readonly pipelines: Map<number, PipelineRecord>;
  readonly secrets: Map<number, SecretRecord>;
  readonly labels: Map<number, LabelRecord>;
  readonly dataLinks: Map<string, DataLinkRecord>;
  /** List requests that still answer 202 (the platform discovering buckets from credentials). */
  dataLinksFetching: number;
  studios: StudiosSettingsRecord;
  readonly datasets: Map<string, DatasetRecord>;
  readonly actions: Map<string, ActionRecord>;
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface OrgRecord {
  readonly id: number;
  name: string;
  fullName: string;
  description?: string;
  location?: string;
  website?: string;
  /** Single sign-on: collaborators are refused with 409. */
  sso: boolean;
  /** Custom roles by name; the role endpoints answer 403 when `customRolesEnabled` is false. */
  readonly customRoles: Map<string, RoleRecord>;
  customRolesEnabled: boolean;
  readonly members: Map<number, MemberRecord>;
  readonly memberByUser: Map<number, number>;
  readonly teams: Map<number, TeamRecord>;
  readonly workspaces: Map<number, WorkspaceRecord>;
  readonly workspaceByName: Map<string, number>;
  quotas: QuotasRecord;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** A fresh, empty organisation record. */
export function newOrgRecord(
  id: number,
  fields: Pick<OrgRecord, 'name' | 'fullName'> &
    Partial<Pick<OrgRecord, 'description' | 'location' | 'website' | 'sso' | 'customRolesEnabled'>>,
  timestamp: string,
): OrgRecord {
  return {
    id,
    sso: false,
    ...fields,
    customRoles: new Map(),
    customRolesEnabled: true,
    members: new Map(),
    memberByUser: new Map(),
    teams: new Map(),
    workspaces: new Map(),
    workspaceByName: new Map(),
    quotas: { limits: {} },
    dateCreated: timestamp,
    lastUpdated: timestamp,
  };
}

/** A fresh, empty workspace record. */
export function newWorkspaceRecord(
  id: number,
  orgId: number,
  fields: Pick<WorkspaceRecord, 'name' | 'fullName' | 'visibility'> & { description?: string },
  timestamp: string,
): WorkspaceRecord {
  return {
    id,
    orgId,
    ...fields,
    participants: new Map(),
    participantByMember: new Map(),
    participantByTeam: new Map(),
    credentials: new Map(),
    computeEnvs: new Map(),
    pipelines: new Map(),
    secrets: new Map(),
    labels: new Map(),
    dataLinks: new Map(),
    dataLinksFetching: 0,
    studios: {
      lifespanHours: DEFAULT_STUDIOS_LIFESPAN_HOURS,
      privateStudioByDefault: DEFAULT_PRIVATE_STUDIO_BY_DEFAULT,
    },
    datasets: new Map(),
    actions: new Map(),
    dateCreated: timestamp,
    lastUpdated: timestamp,
  };
}
