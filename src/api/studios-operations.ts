/** A workspace's Studios settings (`/orgs/{orgId}/workspaces/{workspaceId}/settings/studios`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { decodeStudiosSettings } from './decoders/studios-settings.js';
import type { StudiosSettingsDto, StudiosSettingsRequest } from './dto.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';

/** The client's Studios-settings methods (part of `ApiClient`). */
export interface StudiosOperations {
  /** GET /orgs/{orgId}/workspaces/{workspaceId}/settings/studios. */
  getStudiosSettings(orgId: number, workspaceId: number): Promise<StudiosSettingsDto>;
  /** PUT of the same path: changes only the fields sent. */
  updateStudiosSettings(orgId: number, workspaceId: number, body: StudiosSettingsRequest): Promise<void>;
}

export function studiosOperations({ transport: t }: OperationsContext): StudiosOperations {
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
