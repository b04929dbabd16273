/**
 * A label as the platform sends it (LabelDbDto): in the workspace's list
 * (`GET /labels`), the answer of a create (CreateLabelResponse), and the
 * labels attached to a compute environment, a pipeline, an action or a
 * dataset (`attributes=labels`). Shared by those areas, so it is here and
 * not in the labels kind. Older platforms send no `isDefault`; simple labels
 * carry `value: null`.
 */
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export interface LabelDbDto {
  id: number;
  name: string;
  value?: string | null;
  resource?: boolean;
  isDefault?: boolean;
  /** The value is filled in per run (`${workflowId}`, ...). */
  isDynamic?: boolean;
}

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
