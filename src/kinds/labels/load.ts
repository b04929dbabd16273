/** Workspace labels in a workspace file: unique by name; `resource` and `default` default to false. */
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

export const labelsLoad = collectionLoad({
  file: 'workspace',
  key: 'labels',
  resource: 'label',
  what: 'label',
  identity: byName,
  normalise: (l, from) => ({
    name: l.name,
    ...opt('value', l.value),
    resource: l.resource ?? false,
    isDefault: l.default ?? false,
    source: from.source,
  }),
});
