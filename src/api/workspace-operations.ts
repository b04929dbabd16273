/** Workspaces and workspace participants (`/orgs/{orgId}/workspaces/…`). */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeParticipant } from './decoders/participant.js';
import { decodeWorkspace } from './decoders/workspace.js';
import { decodeList, decodeMember } from './response-shape.js';
import type { Transport } from './transport.js';

export type WorkspaceOperations = Pick<
  ApiClient,
  | 'listWorkspaces'
  | 'createWorkspace'
  | 'updateWorkspace'
  | 'deleteWorkspace'
  | 'listParticipants'
  | 'addParticipant'
  | 'updateParticipantRole'
  | 'deleteParticipant'
>;

export function workspaceOperations(t: Transport, pageSize?: number): WorkspaceOperations {
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
