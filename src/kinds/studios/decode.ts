/** The platform's Studios settings (DataStudioWorkspaceSettingsResponse) → the live settings. */
import type { StudiosSettingsDto } from '../../api/studios-operations.js';
import { opt } from '../../api/decoders/optional.js';
import type { ActualStudios } from './model.js';

export function mapStudios(dto: StudiosSettingsDto): ActualStudios {
  return {
    ...opt('lifespanHours', dto.lifespanHours),
    ...opt('privateStudioByDefault', dto.privateStudioByDefault),
    ...opt('containerRepository', dto.containerRepository === '' ? undefined : dto.containerRepository),
  };
}
