/** A workspace label as listed (LabelDbDto) → the live label. */
import type { LabelDbDto } from '../../api/label-operations.js';
import type { ActualLabel } from './model.js';

export function mapLabel(dto: LabelDbDto): ActualLabel {
  const resource = dto.resource === true;
  const value = dto.value ?? undefined;
  return {
    id: dto.id,
    name: dto.name,
    ...(value === undefined || value === '' ? {} : { value }),
    resource,
    isDefault: dto.isDefault === true,
    ...(dto.isDynamic === true ? { dynamic: true as const } : {}),
  };
}
