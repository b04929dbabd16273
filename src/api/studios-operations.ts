/** A workspace's Studios settings (`/orgs/{orgId}/workspaces/{workspaceId}/settings/studios`). */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { decodeStudiosSettings } from './decoders/studios-settings.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import type { Transport } from './transport.js';

export type StudiosOperations = Pick<ApiClient, 'getStudiosSettings' | 'updateStudiosSettings'>;

export function studiosOperations(t: Transport): StudiosOperations {
  const path = (orgId: number, workspaceId: number): string =>
    `/orgs/${segment(orgId)}/workspaces/${segment(workspaceId)}/settings/studios`;
  return {
    async getStudiosSettings(orgId, workspaceId) {
      const result = await t.call({ method: 'GET', path: path(orgId, workspaceId) });
      return decodeStudiosSettings(Fields.body(result.body, contextOf(result)));
    },
    async updateStudiosSettings(orgId, workspaceId, body) {
      await t.call({ method: 'PUT', path: path(orgId, workspaceId), body });
    },
  };
}
