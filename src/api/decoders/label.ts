/** Labels (LabelDbDto) as attached to a CE or a pipeline (`attributes=labels`). */
import type { LabelDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeLabel(f: Fields): LabelDbDto {
  return {
    id: f.number('id'),
    name: f.string('name'),
    ...opt('value', f.optString('value')),
    ...opt('resource', f.optBoolean('resource')),
  };
}
