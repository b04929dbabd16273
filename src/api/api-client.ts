/**
 * The Seqera Platform operations this tool uses, one method per operation.
 * Implemented over axios by `createApiClient` (client.ts). Every list method
 * returns the complete list (paged to the end where the API pages). Methods
 * throw only `ApiError` (errors.ts). Workspace-scoped methods take the
 * workspace id (sent as `?workspaceId=`).
 */
import type {
  ActionDto,
  ActionInfoDto,
  CreateActionRequest,
  AddParticipantRequest,
  ComputeEnvComputeConfig,
  ComputeEnvResponseDto,
  CreateLabelRequest,
  DatasetDto,
  DatasetRequest,
  DatasetVersionDto,
  CreatePipelineRequest,
  Credentials,
  DataLinkCreateRequest,
  DataLinkDto,
  DataLinksListing,
  DataLinkUpdateRequest,
  DescribeUserResponse,
  LabelDbDto,
  LaunchDbDto,
  ListComputeEnvsEntry,
  MemberDbDto,
  Organization,
  OrganizationDbDto,
  OrganizationQuotasDto,
  ParticipantResponseDto,
  PipelineDbDto,
  PipelineSecret,
  PipelineVersionManageRequest,
  RoleDto,
  RoleInfoDto,
  RoleRequest,
  StudiosSettingsDto,
  StudiosSettingsRequest,
  Team,
  TeamDbDto,
  UpdateActionRequest,
  UpdateComputeEnvRequest,
  UpdateLabelRequest,
  UpdateOrganizationRequest,
  UpdatePipelineRequest,
  UpdateWorkspaceRequest,
  Workspace,
  WorkspaceDbDto,
} from './dto.js';

export interface ApiClient {
  /** The endpoint the client talks to (base URL, no trailing slash). */
  readonly endpoint: string;
  /** Requests sent so far (every attempt counted), by method. */
  readonly stats: () => { readonly requests: number; readonly writes: number };

  getUserInfo(): Promise<DescribeUserResponse>;

  listOrganizations(): Promise<OrganizationDbDto[]>;
  createOrganization(org: Organization): Promise<OrganizationDbDto>;
  updateOrganization(orgId: number, body: UpdateOrganizationRequest): Promise<void>;

  listMembers(orgId: number): Promise<MemberDbDto[]>;
  /** PUT /orgs/{orgId}/members/add {user}. */
  addMember(orgId: number, email: string): Promise<MemberDbDto>;
  updateMemberRole(orgId: number, memberId: number, role: string): Promise<void>;
  deleteMember(orgId: number, memberId: number): Promise<void>;

  listTeams(orgId: number): Promise<TeamDbDto[]>;
  createTeam(orgId: number, team: Team): Promise<TeamDbDto>;
  updateTeam(orgId: number, teamId: number, team: Team): Promise<void>;
  deleteTeam(orgId: number, teamId: number): Promise<void>;
  listTeamMembers(orgId: number, teamId: number): Promise<MemberDbDto[]>;
  addTeamMember(orgId: number, teamId: number, userNameOrEmail: string): Promise<MemberDbDto>;
  deleteTeamMember(orgId: number, teamId: number, memberId: number): Promise<void>;

  /** Paged; the organisation's custom roles (`type=custom`), without their permissions. */
  listCustomRoles(orgId: number): Promise<RoleInfoDto[]>;
  /** One role with its permissions. */
  describeRole(orgId: number, name: string): Promise<RoleDto>;
  /** The permission names the platform accepts in a role. */
  listRolePermissions(orgId: number): Promise<string[]>;
  createRole(orgId: number, body: RoleRequest): Promise<void>;
  /** Named by the role's current name (the body may rename it). */
  updateRole(orgId: number, name: string, body: RoleRequest): Promise<void>;
  deleteRole(orgId: number, name: string): Promise<void>;

  /** Not paged by the API. */
  listWorkspaces(orgId: number): Promise<WorkspaceDbDto[]>;
  createWorkspace(orgId: number, workspace: Workspace): Promise<WorkspaceDbDto>;
  updateWorkspace(orgId: number, workspaceId: number, body: UpdateWorkspaceRequest): Promise<WorkspaceDbDto>;
  deleteWorkspace(orgId: number, workspaceId: number): Promise<void>;

  listParticipants(orgId: number, workspaceId: number): Promise<ParticipantResponseDto[]>;
  addParticipant(
    orgId: number,
    workspaceId: number,
    body: AddParticipantRequest,
  ): Promise<ParticipantResponseDto>;
  updateParticipantRole(
    orgId: number,
    workspaceId: number,
    participantId: number,
    role: string,
  ): Promise<void>;
  deleteParticipant(orgId: number, workspaceId: number, participantId: number): Promise<void>;

  /** Not paged by the API; includes non-secret key fields. */
  listCredentials(workspaceId: number): Promise<Credentials[]>;
  /** GET /credentials/{id}: the one credential, with the non-secret `keys` a list row may leave out. */
  describeCredentials(workspaceId: number, credentialsId: string): Promise<Credentials>;
  /** Returns the new credentials id. */
  createCredentials(workspaceId: number, credentials: Credentials): Promise<string>;
  updateCredentials(workspaceId: number, credentialsId: string, credentials: Credentials): Promise<void>;
  deleteCredentials(workspaceId: number, credentialsId: string): Promise<void>;

  /** Not paged by the API; no `config` (describe for that). */
  listComputeEnvs(workspaceId: number): Promise<ListComputeEnvsEntry[]>;
  /** With `attributes=labels`. */
  describeComputeEnv(workspaceId: number, computeEnvId: string): Promise<ComputeEnvResponseDto>;
  /** Returns the new compute env id (status starts CREATING). */
  createComputeEnv(
    workspaceId: number,
    computeEnv: ComputeEnvComputeConfig,
    labelIds?: number[],
  ): Promise<string>;
  updateComputeEnv(workspaceId: number, computeEnvId: string, body: UpdateComputeEnvRequest): Promise<void>;
  deleteComputeEnv(workspaceId: number, computeEnvId: string): Promise<void>;
  makePrimaryComputeEnv(workspaceId: number, computeEnvId: string): Promise<void>;

  /**
   * Paged; with `attributes=labels,computeEnv` (labels to resend on update, the
   * default launch's CE as `computeEnv {id, name}`). Only the workspace's own
   * pipelines (shared ones from other workspaces are filtered out).
   */
  listPipelines(workspaceId: number): Promise<PipelineDbDto[]>;
  /** GET /pipelines/{id}/launch: the default version's launch. */
  describePipelineLaunch(workspaceId: number, pipelineId: number): Promise<LaunchDbDto>;
  createPipeline(workspaceId: number, body: CreatePipelineRequest): Promise<PipelineDbDto>;
  updatePipeline(
    workspaceId: number,
    pipelineId: number,
    body: UpdatePipelineRequest,
  ): Promise<PipelineDbDto>;
  listPipelineVersions(workspaceId: number, pipelineId: number): Promise<PipelineDbDto[]>;
  managePipelineVersion(
    workspaceId: number,
    pipelineId: number,
    versionId: string,
    body: PipelineVersionManageRequest,
  ): Promise<void>;
  deletePipeline(workspaceId: number, pipelineId: number): Promise<void>;
  /** POST /pipelines/labels/apply: the pipelines' labels become exactly `labelIds` (the whole set is replaced). */
  applyPipelineLabels(workspaceId: number, pipelineIds: number[], labelIds: number[]): Promise<void>;

  /** Not paged by the API. */
  listPipelineSecrets(workspaceId: number): Promise<PipelineSecret[]>;
  /** Returns the new secret id. */
  createPipelineSecret(workspaceId: number, name: string, value: string): Promise<number>;
  updatePipelineSecret(workspaceId: number, secretId: number, value: string): Promise<void>;
  deletePipelineSecret(workspaceId: number, secretId: number): Promise<void>;

  /** Paged; every label of the workspace (`type=all`: simple and resource). */
  listLabels(workspaceId: number): Promise<LabelDbDto[]>;
  /** Returns the label; an existing label with the same name and value is answered instead of a new one. */
  createLabel(workspaceId: number, body: CreateLabelRequest): Promise<LabelDbDto>;
  updateLabel(workspaceId: number, labelId: number, body: UpdateLabelRequest): Promise<void>;
  deleteLabel(workspaceId: number, labelId: number): Promise<void>;

  /**
   * Every data link of the workspace (paged). While the platform answers 202
   * (still discovering buckets from credentials) it waits and re-reads from
   * the first page, a bounded number of times.
   */
  listDataLinks(workspaceId: number): Promise<DataLinksListing>;
  createDataLink(workspaceId: number, body: DataLinkCreateRequest): Promise<DataLinkDto>;
  updateDataLink(workspaceId: number, dataLinkId: string, body: DataLinkUpdateRequest): Promise<void>;
  deleteDataLink(workspaceId: number, dataLinkId: string): Promise<void>;
  /** GET /orgs/{orgId}/workspaces/{workspaceId}/settings/studios. */
  getStudiosSettings(orgId: number, workspaceId: number): Promise<StudiosSettingsDto>;
  /** PUT of the same path: changes only the fields sent. */
  updateStudiosSettings(orgId: number, workspaceId: number, body: StudiosSettingsRequest): Promise<void>;

  /** GET /orgs/{orgId}/quotas: the organisation's limits by quota name. */
  getOrganizationQuotas(orgId: number): Promise<OrganizationQuotasDto>;
  /** Paged; with `attributes=labels`. */
  listDatasets(workspaceId: number): Promise<DatasetDto[]>;
  /** Paged; the latest version of every dataset of the workspace that has one. */
  listLatestDatasetVersions(workspaceId: number): Promise<DatasetVersionDto[]>;
  /** Answers 409 when the name exists. */
  createDataset(workspaceId: number, body: DatasetRequest): Promise<DatasetDto>;
  updateDataset(workspaceId: number, datasetId: string, body: DatasetRequest): Promise<void>;
  /** Deletes the dataset with all its versions. */
  deleteDataset(workspaceId: number, datasetId: string): Promise<void>;
  /** Multipart upload of a new version (`?header=`); returns the version made. */
  uploadDatasetVersion(
    workspaceId: number,
    datasetId: string,
    file: { readonly name: string; readonly content: Uint8Array; readonly mediaType: string },
    header: boolean,
  ): Promise<DatasetVersionDto>;
  /** A version's content, as text. */
  downloadDatasetVersion(
    workspaceId: number,
    datasetId: string,
    version: number,
    fileName: string,
  ): Promise<string>;
  /** Sets the dataset's labels to exactly `labelIds`. */
  applyDatasetLabels(workspaceId: number, datasetId: string, labelIds: readonly number[]): Promise<void>;
  /** Not paged; without launches. */
  listActions(workspaceId: number): Promise<ActionInfoDto[]>;
  /** GET /actions/{id} with `attributes=labels`: the action with its launch and labels. */
  describeAction(workspaceId: number, actionId: string): Promise<ActionDto>;
  /** Returns the new action's id. */
  createAction(workspaceId: number, body: CreateActionRequest): Promise<string>;
  updateAction(workspaceId: number, actionId: string, body: UpdateActionRequest): Promise<void>;
  deleteAction(workspaceId: number, actionId: string): Promise<void>;
  /** Replaces the labels of the given actions with exactly `labelIds`. */
  applyActionLabels(
    workspaceId: number,
    actionIds: readonly string[],
    labelIds: readonly number[],
  ): Promise<void>;
}
