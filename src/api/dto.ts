/**
 * Wire types, named after the official OpenAPI schemas (Seqera API 1.187.0).
 * Only the fields this tool reads or writes are typed. Response types are
 * what the decoders in `decoders/` produce from what the platform really
 * sends: unknown fields and enum values are tolerated and dropped, `null`
 * optional fields arrive as absent, aliases are already mapped.
 * These types stay inside `src/api/` and `src/state/`, `src/apply/` mappers.
 */

export type OrgRoleDto = string; // owner | member | collaborator | (newer values)
export type VisibilityDto = 'PRIVATE' | 'SHARED';
export type ParticipantTypeDto = string; // MEMBER | TEAM | COLLABORATOR

export interface UserResponseDto {
  id: number;
  userName: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface DescribeUserResponse {
  user: UserResponseDto;
  defaultWorkspaceId?: number | null;
  needConsent?: boolean;
}

export interface OrganizationDbDto {
  orgId: number;
  name: string;
  fullName: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
  memberId?: number;
  memberRole?: OrgRoleDto;
}

export interface Organization {
  name: string;
  fullName: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
}

export interface UpdateOrganizationRequest {
  name?: string;
  fullName?: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
}

/** Real list rows carry `memberId` and no `userId`. */
export interface MemberDbDto {
  memberId: number;
  userId?: number;
  userName: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  avatar?: string | null;
  role: OrgRoleDto;
}

export interface Team {
  name: string;
  description?: string | null;
  /** The identity provider group the team's members come from (sent back unchanged on update). */
  idpGroupId?: number | null;
}

export interface TeamDbDto {
  teamId: number;
  name: string;
  description?: string | null;
  membersCount?: number;
  idpGroupId?: number;
  idpGroupName?: string;
}

/** A custom role as listed (`ListRolesResponse.RoleInfo`, without its permissions). */
export interface RoleInfoDto {
  name: string;
  description?: string;
  isPredefined?: boolean;
}

/** A role described (`RoleDto`), with its permissions. */
export interface RoleDto extends RoleInfoDto {
  permissions: string[];
}

/** `CreateRoleRequest` / `UpdateRoleRequest`: the description is required (1 to 120 characters). */
export interface RoleRequest {
  name: string;
  description: string;
  permissions: string[];
}

/** A workspace as read (list rows, create/update responses); an unknown visibility is kept as sent. */
export interface WorkspaceDbDto {
  id: number;
  name: string;
  fullName: string;
  description?: string | null;
  visibility: string;
}

export interface Workspace {
  id?: number;
  name: string;
  fullName: string;
  description?: string | null;
  visibility: VisibilityDto;
}

export interface UpdateWorkspaceRequest {
  name: string;
  fullName: string;
  description: string | null;
  visibility: VisibilityDto;
}

export interface ParticipantResponseDto {
  participantId: number;
  type: ParticipantTypeDto;
  memberId?: number | null;
  userName?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  orgRole?: OrgRoleDto | null;
  teamId?: number | null;
  teamName?: string | null;
  wspRole: string;
}

/** Exactly one of the three. */
export interface AddParticipantRequest {
  memberId?: number;
  teamId?: number;
  userNameOrEmail?: string;
}

/** `keys` is a SecurityKeys variant: `discriminator` equals the provider. */
export interface Credentials {
  id?: string;
  name: string;
  provider: string;
  description?: string | null;
  baseUrl?: string | null;
  category?: string | null;
  keys?: Record<string, unknown> & { discriminator?: string };
  status?: string;
}

/** `config` is a ComputeConfig variant: `discriminator` equals the platform. */
export interface ComputeEnvComputeConfig {
  name: string;
  platform: string;
  config: Record<string, unknown> & { discriminator?: string };
  credentialsId?: string | null;
  description?: string | null;
}

export interface ListComputeEnvsEntry {
  id: string;
  name: string;
  platform: string;
  status: string;
  primary?: boolean | null;
  credentialsId?: string | null;
  description?: string | null;
  workDir?: string | null;
  region?: string | null;
  message?: string | null;
}

export interface LabelDbDto {
  id: number;
  name: string;
  value?: string | null;
  resource?: boolean;
  isDefault?: boolean;
  /** The value is filled in per run (`${workflowId}`, ...). */
  isDynamic?: boolean;
}

/** CreateLabelRequest; `value` only for resource labels. */
export interface CreateLabelRequest {
  name: string;
  value?: string;
  resource: boolean;
  isDefault: boolean;
}

/** UpdateLabelRequest (the `resource` flag cannot change). */
export interface UpdateLabelRequest {
  name: string;
  value?: string;
  isDefault: boolean;
}

/** A credential a data link uses (DataLinkCredentials). */
export interface DataLinkCredentials {
  id: string;
  name: string;
  provider?: string;
}

/**
 * DataLinkDto. Custom links have ids `v1-user-…`; links the platform
 * discovered from credentials have `v1-cloud-…`.
 */
export interface DataLinkDto {
  id: string;
  name: string;
  provider?: string;
  resourceRef?: string;
  type?: string;
  region?: string;
  description?: string;
  publicAccessible?: boolean;
  hidden?: boolean;
  credentials?: DataLinkCredentials[];
  status?: string;
  message?: string;
}

/**
 * Every data link of a workspace. `waits` counts the 202 answers (the
 * platform still discovering buckets) the client waited out; `complete` is
 * false when the list still answered 202 after the last wait (its links are
 * then only those of that answer's first page).
 */
export interface DataLinksListing {
  dataLinks: DataLinkDto[];
  waits: number;
  complete: boolean;
}

/** DataLinkCreateRequest (`type` is always `bucket`). */
export interface DataLinkCreateRequest {
  name: string;
  provider: string;
  resourceRef: string;
  type: 'bucket';
  publicAccessible: boolean;
  description?: string;
  credentialsId?: string;
}

/** DataLinkUpdateRequest: name, description and credentials only. */
export interface DataLinkUpdateRequest {
  name: string;
  description?: string;
  credentialsId?: string;
}
/** DataStudioWorkspaceSettingsResponse: a field the platform leaves null is absent. */
export interface StudiosSettingsDto {
  lifespanHours?: number;
  privateStudioByDefault?: boolean;
  containerRepository?: string;
  nameStrategy?: string;
}

/** DataStudioWorkspaceSettingsRequest: only the fields sent are changed. */
export interface StudiosSettingsRequest {
  lifespanHours?: number;
  privateStudioByDefault?: boolean;
  containerRepository?: string;
}

/** OrganizationQuotas: limits by the API's quota name (`maxWorkspaces`...); a name left out has no limit. */
export type OrganizationQuotasDto = Record<string, number>;

export interface ComputeEnvResponseDto {
  id: string;
  name: string;
  platform: string;
  status: string;
  primary?: boolean | null;
  credentialsId?: string | null;
  description?: string | null;
  message?: string | null;
  config: Record<string, unknown> & { discriminator?: string };
  labels?: LabelDbDto[] | null;
}

export interface UpdateComputeEnvRequest {
  name?: string;
  description?: string | null;
  credentialsId?: string;
}

/** The launch template (WorkflowLaunchRequest); extra fields pass through. */
export type WorkflowLaunchRequest = Record<string, unknown> & {
  pipeline?: string;
  revision?: string | null;
  computeEnvId?: string | null;
  workDir?: string | null;
  configProfiles?: string[] | null;
  paramsText?: string | null;
  labelIds?: number[] | null;
};

/** LaunchDbDto: the launch as described; `computeEnv` is the full CE object. */
export type LaunchDbDto = Record<string, unknown> & {
  id?: string;
  pipeline?: string;
  revision?: string | null;
  computeEnv?: { id?: string; name?: string } | null;
  workDir?: string | null;
  configProfiles?: string[] | null;
  paramsText?: string | null;
};

export interface PipelineVersionFullInfoDto {
  id: string;
  name?: string | null;
  isDefault?: boolean;
  hash?: string | null;
}

export interface PipelineDbDto {
  pipelineId: number;
  name: string;
  description?: string | null;
  repository?: string | null;
  workspaceId?: number | null;
  labels?: LabelDbDto[] | null;
  computeEnv?: { id?: string; name?: string } | null;
  version?: PipelineVersionFullInfoDto | null;
}

export interface CreatePipelineRequest {
  name: string;
  description?: string | null;
  labelIds?: number[];
  launch: WorkflowLaunchRequest;
  version?: { name: string };
}

export interface UpdatePipelineRequest {
  name: string;
  description?: string | null;
  labelIds: number[];
  launch: WorkflowLaunchRequest;
}

export interface PipelineVersionManageRequest {
  name: string;
  isDefault: boolean;
}

export interface PipelineSecret {
  id: number;
  name: string;
  dateCreated?: string;
  lastUpdated?: string;
}

export interface ErrorResponse {
  message: string;
}

/** DatasetDto (list with `attributes=labels`, create answer); `labels` only when asked for. */
export interface DatasetDto {
  id: string;
  name: string;
  description?: string | null;
  labels?: LabelDbDto[] | null;
}

/** DatasetVersionDto: one uploaded file of a dataset. */
export interface DatasetVersionDto {
  datasetId: string;
  version: number;
  fileName?: string | null;
  /** Bytes; older platforms do not send it. */
  fileSize?: number | null;
  hasHeader?: boolean | null;
  mediaType?: string | null;
}

/** CreateDatasetRequest / UpdateDatasetRequest. */
export interface DatasetRequest {
  name: string;
  description?: string;
}

/** An action's schedule (CronActionRequest / CronActionConfig). */
export interface CronActionConfig {
  expression?: string;
  timezone?: string;
}

/** ListActionsResponse.ActionInfo: a pipeline action as listed (no launch). */
export interface ActionInfoDto {
  id: string;
  name: string;
  source: string;
  status?: string;
  /** The repository URL. */
  pipeline?: string;
  /** A `tower` action's launch endpoint, a `github` action's hook. */
  endpoint?: string;
  labels?: LabelDbDto[];
}

/** ActionResponseDto (GET /actions/{id}): the action with its launch. */
export interface ActionDto {
  id: string;
  name: string;
  source: string;
  status?: string;
  hookUrl?: string;
  /** The schedule of a `cron` action (`config` with `discriminator: cron`). */
  cron?: CronActionConfig;
  labels?: LabelDbDto[];
  launch?: LaunchDbDto;
}

/** CreateActionRequest (the `bucket` source is not managed). */
export interface CreateActionRequest {
  name: string;
  source: 'github' | 'tower' | 'cron';
  launch: WorkflowLaunchRequest;
  cron?: CronActionConfig;
}

/** UpdateActionRequest: `source` cannot change; labels are not part of it. */
export interface UpdateActionRequest {
  name: string;
  launch: WorkflowLaunchRequest;
  cron?: CronActionConfig;
}
