/** Workspaces and workspace participants (`/orgs/{orgId}/workspaces/…`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember, type Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';
import type { OrgRoleDto } from './dto.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

export type VisibilityDto = 'PRIVATE' | 'SHARED';

export type ParticipantTypeDto = string; // MEMBER | TEAM | COLLABORATOR

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

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/** Workspaces: list rows (WorkspaceDbDto) and the create/update responses (Workspace). */
export function decodeWorkspace(f: Fields): WorkspaceDbDto {
  return {
    id: f.number('id'),
    name: f.string('name'),
    fullName: f.optString('fullName') ?? f.string('name'),
    ...opt('description', f.optString('description')),
    visibility: f.string('visibility'),
  };
}

/**
 * Workspace participants (ParticipantResponseDto). Team rows send `null` for
 * every member field and member rows `null` for the team fields.
 */
export function decodeParticipant(f: Fields): ParticipantResponseDto {
  return {
    participantId: f.number('participantId'),
    type: f.string('type'),
    ...opt('memberId', f.optNumber('memberId')),
    ...opt('userName', f.optString('userName')),
    ...opt('email', f.optString('email')),
    ...opt('firstName', f.optString('firstName')),
    ...opt('lastName', f.optString('lastName')),
    ...opt('orgRole', f.optString('orgRole')),
    ...opt('teamId', f.optNumber('teamId')),
    ...opt('teamName', f.optString('teamName')),
    wspRole: f.string('wspRole'),
  };
}

// ── Client methods ──

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
