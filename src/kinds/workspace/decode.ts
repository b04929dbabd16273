/** A workspace as the API lists it → the live workspace (without its collections). */
import type { WorkspaceDbDto } from '../../api/workspace-operations.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { Visibility } from '../../model/resources.js';
import { text } from '../kit/live-text.js';

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
