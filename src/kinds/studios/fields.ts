/** The Studios settings a file may declare, in the order the plan shows them. */
import type { ActualStudios, DesiredStudios } from './model.js';

export const STUDIOS_FIELDS = ['containerRepository', 'lifespanHours', 'privateStudioByDefault'] as const;

export type StudiosField = (typeof STUDIOS_FIELDS)[number];

/** The fields the file declares (one it leaves out is not managed). */
export function declaredFields(desired: DesiredStudios): StudiosField[] {
  return STUDIOS_FIELDS.filter((field) => desired[field] !== undefined);
}

/** The live value of a field (undefined when the platform leaves it unset). */
export function liveValue(live: ActualStudios | undefined, field: StudiosField): unknown {
  return live?.[field];
}
