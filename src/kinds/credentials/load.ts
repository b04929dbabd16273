/**
 * Credentials in a workspace file: unique by name; the provider's secret
 * keys become `SecretRef`s, with the position of each variable they use.
 */
import { opt } from '../../api/decoders/optional.js';
import { secretKeyFields } from '../../model/secret-fields.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

export const credentialsLoad = collectionLoad({
  file: 'workspace',
  key: 'credentials',
  resource: 'credential',
  what: 'credential',
  identity: byName,
  normalise: (c, from) => {
    const secret = secretKeyFields(c.provider);
    const keys = Object.fromEntries(
      Object.entries(c.keys).map(([key, value]): [string, unknown] => [
        key,
        secret.includes(key) ? from.secretRef(value, `${from.pointer}/keys/${key}`) : value,
      ]),
    );
    return {
      name: c.name,
      provider: c.provider,
      ...opt('description', c.description),
      ...opt('baseUrl', c.baseUrl),
      keys,
      ...opt('variableSources', from.variableSources(`${from.pointer}/keys`)),
      source: from.source,
    };
  },
});
