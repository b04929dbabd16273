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
  // Secret keys hold a single reference; every other direct key field a literal or a single reference.
  secretAt: (item, path) => {
    const provider =
      typeof item === 'object' && item !== null ? (item as { provider?: unknown }).provider : undefined;
    return (
      path.length === 2 &&
      path[0] === 'keys' &&
      typeof provider === 'string' &&
      secretKeyFields(provider).includes(String(path[1]))
    );
  },
  keyFieldAt: (path) => path.length === 2 && path[0] === 'keys',
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
