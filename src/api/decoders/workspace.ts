/** Workspaces: list rows (WorkspaceDbDto) and the create/update responses (Workspace). */
import type { WorkspaceDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeWorkspace(f: Fields): WorkspaceDbDto {
  return {
    id: f.number('id'),
    name: f.string('name'),
    fullName: f.optString('fullName') ?? f.string('name'),
    ...opt('description', f.optString('description')),
    visibility: f.string('visibility'),
  };
}
