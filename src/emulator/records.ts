/**
 * The record types of the emulator's state (see store.ts). Records are plain
 * mutable objects owned by the Store; ids never change, names may.
 */
import type { Json, JsonObject } from './json.js';

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
  readonly memberIds: Set<number>;
  readonly dateCreated: string;
  lastUpdated: string;
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
  readonly customRoles: Set<string>;
  readonly members: Map<number, MemberRecord>;
  readonly memberByUser: Map<number, number>;
  readonly teams: Map<number, TeamRecord>;
  readonly workspaces: Map<number, WorkspaceRecord>;
  readonly workspaceByName: Map<string, number>;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** A fresh, empty organisation record. */
export function newOrgRecord(
  id: number,
  fields: Pick<OrgRecord, 'name' | 'fullName'> &
    Partial<Pick<OrgRecord, 'description' | 'location' | 'website' | 'sso'>>,
  timestamp: string,
): OrgRecord {
  return {
    id,
    sso: false,
    ...fields,
    customRoles: new Set(),
    members: new Map(),
    memberByUser: new Map(),
    teams: new Map(),
    workspaces: new Map(),
    workspaceByName: new Map(),
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
    actions: new Map(),
    dateCreated: timestamp,
    lastUpdated: timestamp,
  };
}
