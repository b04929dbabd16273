/** Workspaces and workspace participants (REFERENCE §5–6). */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { expectMember, narrow, narrowList } from './response-shape.js';
import { participantShape, workspaceDbShape, workspaceShape } from './shapes.js';
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

export function workspaceOperations(t: Transport): WorkspaceOperations {
  const workspaces = (orgId: number): string => `/orgs/${segment(orgId)}/workspaces`;
  const workspace = (orgId: number, workspaceId: number): string =>
    `${workspaces(orgId)}/${segment(workspaceId)}`;
  const participants = (orgId: number, workspaceId: number): string =>
    `${workspace(orgId, workspaceId)}/participants`;
  return {
    async listWorkspaces(orgId) {
      const result = await t.call({ method: 'GET', path: workspaces(orgId) });
      return narrowList(result.body, 'workspaces', workspaceDbShape, contextOf(result));
    },
    async createWorkspace(orgId, body) {
      const result = await t.call({ method: 'POST', path: workspaces(orgId), body: { workspace: body } });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'workspace', ctx), workspaceShape, ctx, 'workspace');
    },
    async updateWorkspace(orgId, workspaceId, body) {
      const result = await t.call({ method: 'PUT', path: workspace(orgId, workspaceId), body });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'workspace', ctx), workspaceShape, ctx, 'workspace');
    },
    async deleteWorkspace(orgId, workspaceId) {
      await t.call({ method: 'DELETE', path: workspace(orgId, workspaceId) });
    },

    listParticipants: (orgId, workspaceId) =>
      paginate(t, participants(orgId, workspaceId), {}, 'participants', participantShape),
    async addParticipant(orgId, workspaceId, body) {
      const result = await t.call({
        method: 'PUT',
        path: `${participants(orgId, workspaceId)}/add`,
        body,
        replaySafe: false,
      });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'participant', ctx), participantShape, ctx, 'participant');
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
