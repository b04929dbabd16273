/** A workspace's Studios settings (`/orgs/{orgId}/workspaces/{workspaceId}/settings/studios`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

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

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * A workspace's Studios settings (DataStudioWorkspaceSettingsResponse). Every
 * field is optional on the wire; null means "the platform's default", kept
 * as absent. The ids (`orgId`, `wspId`) and fields this tool does not manage
 * beyond `nameStrategy` are not kept.
 */
export function decodeStudiosSettings(f: Fields): StudiosSettingsDto {
  return {
    ...opt('lifespanHours', f.optNumber('lifespanHours')),
    ...opt('privateStudioByDefault', f.optBoolean('privateStudioByDefault')),
    ...opt('containerRepository', f.optString('containerRepository')),
    ...opt('nameStrategy', f.optString('nameStrategy')),
  };
}

// ── Client methods ──

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
