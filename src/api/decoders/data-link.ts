/**
 * Data links (DataLinkDto), as listed and as a create answers. Real answers
 * send `null` for an empty description, status and message; the provider is
 * kept as a string (the platform knows more providers than a file can
 * declare).
 */
import type { DataLinkCredentials, DataLinkDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

function decodeDataLinkCredentials(f: Fields): DataLinkCredentials {
  return { id: f.string('id'), name: f.string('name'), ...opt('provider', f.optString('provider')) };
}

export function decodeDataLink(f: Fields): DataLinkDto {
  return {
    id: f.string('id'),
    name: f.string('name'),
    ...opt('provider', f.optString('provider')),
    ...opt('resourceRef', f.optString('resourceRef')),
    ...opt('type', f.optString('type')),
    ...opt('region', f.optString('region')),
    ...opt('description', f.optString('description')),
    ...opt('publicAccessible', f.optBoolean('publicAccessible')),
    ...opt('hidden', f.optBoolean('hidden')),
    ...opt('credentials', f.optList('credentials', decodeDataLinkCredentials)),
    ...opt('status', f.optString('status')),
    ...opt('message', f.optString('message')),
  };
}
