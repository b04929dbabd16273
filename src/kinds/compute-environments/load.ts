/**
 * Compute environments in a workspace file: unique by name; `primary`
 * defaults to false; the credential they name must suit their platform.
 */
import { opt } from '../../api/decoders/optional.js';
import type { WrittenCredential } from '../../config/written.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';
import { PLATFORM_PROVIDERS } from './platforms.js';

/**
 * A config without `discriminator`: a config pasted from `tw compute-envs
 * export` keeps it (validation checks it equals the platform); the applier
 * sets it from the platform when it sends the config.
 */
function withoutDiscriminator(config: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (!('discriminator' in config)) return config;
  const { discriminator: _discriminator, ...rest } = config;
  return rest;
}

export const computeEnvironmentsLoad = collectionLoad({
  file: 'workspace',
  key: 'computeEnvironments',
  resource: 'computeEnvironment',
  what: 'compute environment',
  identity: byName,
  normalise: (ce, from) => ({
    name: ce.name,
    platform: ce.platform,
    ...opt('credentials', ce.credentials),
    primary: ce.primary ?? false,
    ...opt('description', ce.description),
    config: withoutDiscriminator(ce.config),
    source: from.source,
  }),
  suits: {
    credentials: (ce, target) => {
      const credential = target as WrittenCredential;
      const providers = PLATFORM_PROVIDERS[ce.platform];
      if (providers === undefined || providers.includes(credential.provider)) return undefined;
      return `platform ${ce.platform} cannot use credential '${credential.name}' (provider ${credential.provider}): it needs ${providers.join(' or ')}`;
    },
  },
});
