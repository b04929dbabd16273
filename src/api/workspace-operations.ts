/** Workspaces and workspace participants (`/orgs/{orgId}/workspaces/…`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeParticipant } from './decoders/participant.js';
import { decodeWorkspace } from './decoders/workspace.js';
import type {
  AddParticipantRequest,
  ParticipantResponseDto,
  UpdateWorkspaceRequest,
  Workspace,
  WorkspaceDbDto,
} from './dto.js';
import { decodeList, decodeMember } from './response-shape.js';

/** The client's workspace and participant methods (part of `ApiClient`). */
export interface WorkspaceOperations {
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
}

export function workspaceOperations({ transport: t, pageSize }: OperationsContext): WorkspaceOperations {
  const workspaces = (orgId: number): string => `/orgs/${segment(orgId)}/workspaces`;
  const workspace = (orgId: number, workspaceId: number): string =>
    `${workspaces(orgId)}/${segment(workspaceId)}`;
  const participants = (orgId: number, workspaceId: number): string =>
    `${workspace(orgId, workspaceId)}/participants`;
  return {
    async listWorkspaces(orgId) {
      const result = await t.call({ method: 'GET', path: workspaces(orgId) });
      return decodeList(result.body, 'workspaces', contextOf(result), decodeWorkspace);
    },
    async createWorkspace(orgId, body) {
      const result = await t.call({ method: 'POST', path: workspaces(orgId), body: { workspace: body } });
      return decodeMember(result.body, 'workspace', contextOf(result), decodeWorkspace);
    },
    async updateWorkspace(orgId, workspaceId, body) {
      const result = await t.call({ method: 'PUT', path: workspace(orgId, workspaceId), body });
      return decodeMember(result.body, 'workspace', contextOf(result), decodeWorkspace);
    },
    async deleteWorkspace(orgId, workspaceId) {
      await t.call({ method: 'DELETE', path: workspace(orgId, workspaceId) });
    },

    listParticipants: (orgId, workspaceId) =>
      paginate(t, participants(orgId, workspaceId), {}, 'participants', decodeParticipant, pageSize),
    async addParticipant(orgId, workspaceId, body) {
      const result = await t.call({
        method: 'PUT',
        path: `${participants(orgId, workspaceId)}/add`,
        body,
        replaySafe: false,
      });
      return decodeMember(result.body, 'participant', contextOf(result), decodeParticipant);
    },
    async updateParticipantRole(orgId, workspaceId, participantId, role) {
      await t.call({
        method: 'PUT',
        path: `${participants(orgId, workspaceId)}/${segment(participantId)}/role`,
        body: { role },
      });
    },
    async deleteParticipant(orgId, workspaceId, participantId) {
      await t.call({
        method: 'DELETE',
        path: `${participants(orgId, workspaceId)}/${segment(participantId)}`,
      });
    },
  };
}
