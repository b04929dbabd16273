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
}

export interface TeamDbDto {
  teamId: number;
  name: string;
  description?: string | null;
  membersCount?: number;
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
