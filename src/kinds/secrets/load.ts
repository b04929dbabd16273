/** Pipeline secrets in a workspace file: unique by name; the value is a `SecretRef`, with its variable's position. */
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

export const secretsLoad = collectionLoad({
  file: 'workspace',
  key: 'secrets',
  resource: 'secret',
  what: 'secret',
  identity: byName,
  normalise: (s, from) => ({
    name: s.name,
    value: from.secretRef(s.value, `${from.pointer}/value`),
    ...opt('variableSources', from.variableSources(`${from.pointer}/value`)),
    source: from.source,
  }),
});
