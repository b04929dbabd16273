/** The required fields checked on each response DTO (response-shape.ts). */
import type {
  ComputeEnvResponseDto,
  Credentials,
  ListComputeEnvsEntry,
  MemberDbDto,
  OrganizationDbDto,
  ParticipantResponseDto,
  PipelineDbDto,
  PipelineSecret,
  TeamDbDto,
  UserResponseDto,
  Workspace,
  WorkspaceDbDto,
} from './dto.js';
import type { Shape } from './response-shape.js';

export const userShape: Shape<UserResponseDto> = { id: 'number', userName: 'string', email: 'string' };

export const organizationShape: Shape<OrganizationDbDto> = {
  orgId: 'number',
  name: 'string',
  fullName: 'string',
};

export const memberShape: Shape<MemberDbDto> = {
  memberId: 'number',
  userId: 'number',
  userName: 'string',
  email: 'string',
  role: 'string',
};

export const teamShape: Shape<TeamDbDto> = { teamId: 'number', name: 'string' };

export const workspaceDbShape: Shape<WorkspaceDbDto> = {
  id: 'number',
  name: 'string',
  fullName: 'string',
  visibility: 'string',
};

/** A workspace as created or updated: the id is needed. */
export const workspaceShape: Shape<Workspace & { id: number }> = {
  id: 'number',
  name: 'string',
  fullName: 'string',
  visibility: 'string',
};

export const participantShape: Shape<ParticipantResponseDto> = {
  participantId: 'number',
  type: 'string',
  wspRole: 'string',
};

/** Listed credentials always carry their id. */
export const credentialsShape: Shape<Credentials & { id: string }> = {
  id: 'string',
  name: 'string',
  provider: 'string',
};

export const computeEnvEntryShape: Shape<ListComputeEnvsEntry> = {
  id: 'string',
  name: 'string',
  platform: 'string',
  status: 'string',
};

export const computeEnvShape: Shape<ComputeEnvResponseDto> = {
  id: 'string',
  name: 'string',
  platform: 'string',
  status: 'string',
  config: 'object',
};

export const pipelineShape: Shape<PipelineDbDto> = { pipelineId: 'number', name: 'string' };

export const pipelineSecretShape: Shape<PipelineSecret> = { id: 'number', name: 'string' };
