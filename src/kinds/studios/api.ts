/**
 * A workspace's Studios settings on the platform
 * (`/orgs/{orgId}/workspaces/{workspaceId}/settings/studios`): the wire shape
 * and decoder, the read and the write (a PUT changes only the fields sent),
 * and the answer → the live settings.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf, type OperationsContext } from '../../api/call-helpers.js';
import { opt } from '../../api/decoders/optional.js';
import { operations } from '../../api/operations.js';
import { workspacePath } from '../../api/request-path.js';
import { Fields } from '../../api/response-shape.js';
import type { ActualStudios } from './model.js';

/** DataStudioWorkspaceSettingsResponse: a field the platform leaves null is absent. */
export interface StudiosSettingsDto {
  lifespanHours?: number;
  privateStudioByDefault?: boolean;
  containerRepository?: string;
  nameStrategy?: string;
}

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

/** The settings' path, read here and written by apply.ts. */
export function studiosSettingsPath(orgId: number, workspaceId: number): string {
  return `${workspacePath(orgId, workspaceId)}/settings/studios`;
}

/** The Studios kind's read endpoint. */
export interface StudiosReads {
  /** GET /orgs/{orgId}/workspaces/{workspaceId}/settings/studios. */
  getStudiosSettings(orgId: number, workspaceId: number): Promise<StudiosSettingsDto>;
}

export const studiosReads = operations(
  'Studios settings (reads)',
  ({ transport: t }: OperationsContext): StudiosReads => ({
    async getStudiosSettings(orgId, workspaceId) {
      const result = await t.call({ method: 'GET', path: studiosSettingsPath(orgId, workspaceId) });
      return decodeStudiosSettings(Fields.body(result.body, contextOf(result)));
    },
  }),
);

/** DataStudioWorkspaceSettingsRequest: only the fields sent are changed. */
export interface StudiosSettingsRequest {
  lifespanHours?: number;
  privateStudioByDefault?: boolean;
  containerRepository?: string;
}

/** The Studios kind's write endpoint: a PUT of the settings' path changes only the fields sent. */
export interface StudiosWrites {
  /** PUT of the settings' path: changes only the fields sent. */
  updateStudiosSettings(orgId: number, workspaceId: number, body: StudiosSettingsRequest): Promise<void>;
}

export const studiosWrites = operations(
  'Studios settings (writes)',
  ({ transport: t }: OperationsContext): StudiosWrites => ({
    async updateStudiosSettings(orgId, workspaceId, body) {
      await t.call({ method: 'PUT', path: studiosSettingsPath(orgId, workspaceId), body });
    },
  }),
);

/** The platform's Studios settings → the live settings. */
export function mapStudios(dto: StudiosSettingsDto): ActualStudios {
  return {
    ...opt('lifespanHours', dto.lifespanHours),
    ...opt('privateStudioByDefault', dto.privateStudioByDefault),
    ...opt('containerRepository', dto.containerRepository === '' ? undefined : dto.containerRepository),
  };
}
