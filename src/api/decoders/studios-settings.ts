/**
 * A workspace's Studios settings (DataStudioWorkspaceSettingsResponse). Every
 * field is optional on the wire; null means "the platform's default", kept
 * as absent. The ids (`orgId`, `wspId`) and fields this tool does not manage
 * beyond `nameStrategy` are not kept.
 */
import type { StudiosSettingsDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeStudiosSettings(f: Fields): StudiosSettingsDto {
  return {
    ...opt('lifespanHours', f.optNumber('lifespanHours')),
    ...opt('privateStudioByDefault', f.optBoolean('privateStudioByDefault')),
    ...opt('containerRepository', f.optString('containerRepository')),
    ...opt('nameStrategy', f.optString('nameStrategy')),
  };
}
