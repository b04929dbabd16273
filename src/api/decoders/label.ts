/**
 * Labels (LabelDbDto): the workspace's list (`GET /labels`), the answer of a
 * create (CreateLabelResponse), and the labels attached to a CE or a
 * pipeline (`attributes=labels`). Older platforms send no `isDefault`;
 * simple labels carry `value: null`.
 */
import type { LabelDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeLabel(f: Fields): LabelDbDto {
  return {
    id: f.number('id'),
    name: f.string('name'),
    ...opt('value', f.optString('value')),
    ...opt('resource', f.optBoolean('resource')),
    ...opt('isDefault', f.optBoolean('isDefault')),
    ...opt('isDynamic', f.optBoolean('isDynamic')),
  };
}
