/**
 * Workspaces on the platform (`/orgs/{orgId}/workspaces`): the wire shapes and
 * decoder, the list, the writes, and a workspace as listed → the live
 * workspace (without its collections).
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf } from '../../api/call-helpers.js';
import { orgPath, workspacePath } from '../../api/request-path.js';
import { decodeList, decodeMember, type Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import type { OperationsContext } from '../../api/call-helpers.js';

import type { ActualWorkspace } from '../../model/actual.js';
import type { Visibility } from '../../model/resources.js';
import { text } from '../kit/live-text.js';
import { operations } from '../../api/operations.js';

export type VisibilityDto = 'PRIVATE' | 'SHARED';

/** A workspace as read (list rows, create/update responses); an unknown visibility is kept as sent. */
export interface WorkspaceDbDto {
  id: number;
  name: string;
  fullName: string;
  description?: string | null;
  visibility: string;
}

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

export interface WorkspaceReads {
  /** Not paged by the API. */
  listWorkspaces(orgId: number): Promise<WorkspaceDbDto[]>;
}

const workspacesPath = (orgId: number): string => `${orgPath(orgId)}/workspaces`;

/** The workspace kind's own read endpoints. */
export const workspaceReads = operations(
  'workspace (reads)',
  ({ transport: t }: OperationsContext): WorkspaceReads => {
    return {
      async listWorkspaces(orgId) {
        const result = await t.call({ method: 'GET', path: workspacesPath(orgId) });
        return decodeList(result.body, 'workspaces', contextOf(result), decodeWorkspace);
      },
    };
  },
);

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

export interface WorkspaceWrites {
  createWorkspace(orgId: number, workspace: Workspace): Promise<WorkspaceDbDto>;
  updateWorkspace(orgId: number, workspaceId: number, body: UpdateWorkspaceRequest): Promise<WorkspaceDbDto>;
  deleteWorkspace(orgId: number, workspaceId: number): Promise<void>;
}

/** The workspace kind's own write endpoints. */
export const workspaceWrites = operations(
  'workspace (writes)',
  ({ transport: t }: OperationsContext): WorkspaceWrites => {
    return {
      async createWorkspace(orgId, body) {
        const result = await t.call({
          method: 'POST',
          path: workspacesPath(orgId),
          body: { workspace: body },
        });
        return decodeMember(result.body, 'workspace', contextOf(result), decodeWorkspace);
      },
      async updateWorkspace(orgId, workspaceId, body) {
        const result = await t.call({ method: 'PUT', path: workspacePath(orgId, workspaceId), body });
        return decodeMember(result.body, 'workspace', contextOf(result), decodeWorkspace);
      },
      async deleteWorkspace(orgId, workspaceId) {
        await t.call({ method: 'DELETE', path: workspacePath(orgId, workspaceId) });
      },
    };
  },
);

/** A workspace as the API lists it → the live workspace (without its collections). */
/** `PRIVATE`/`SHARED` → `private`/`shared`; a value the tool does not know is kept, lower-cased. */
export function mapVisibility(visibility: string): Visibility {
  // An unknown visibility is shown as it is rather than failing the read.
  return visibility.toLowerCase() as Visibility;
}

/** A workspace without its collections (the reader adds those it read). */
export function mapWorkspace(dto: WorkspaceDbDto): ActualWorkspace {
  const description = text(dto.description);
  return {
    id: dto.id,
    name: dto.name,
    fullName: dto.fullName,
    ...(description === undefined ? {} : { description }),
    visibility: mapVisibility(dto.visibility),
  };
}
