/**
 * Compute environments in a workspace file: unique by name; `primary`
 * defaults to false, and at most one is primary; a pasted config's
 * discriminator names their platform; the credential they name must suit
 * their platform.
 */
import { opt } from '../../api/decoders/optional.js';
import type { WrittenCredential } from '../credentials/model.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';
import { labelRefList, suitsLabelRef } from '../labels/reference.js';
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
  nested: (ce) => [labelRefList(`label of compute environment ${ce.name}`, ce.labels)],
  normalise: (ce, from) => ({
    name: ce.name,
    platform: ce.platform,
    ...opt('credentials', ce.credentials),
    primary: ce.primary ?? false,
    ...opt('description', ce.description),
    config: withoutDiscriminator(ce.config),
    ...opt('labels', ce.labels),
    source: from.source,
  }),
  checks: [
    // At most one primary: the platform keeps one.
    (list) => {
      let first: number | undefined;
      list.items.forEach((ce, i) => {
        if (ce.primary !== true) return;
        if (first === undefined) {
          first = i;
          return;
        }
        const line = list.line(list.pointer(first, 'primary'));
        list.report(
          list.pointer(i, 'primary'),
          `at most one compute environment may be primary ('${list.items[first]?.name ?? ''}' is already primary at line ${String(line)})`,
        );
      });
    },
    // A config pasted from `tw compute-envs export` keeps its discriminator: it must name the same platform.
    (list) => {
      list.items.forEach((ce, i) => {
        const discriminator = ce.config['discriminator'];
        if (typeof discriminator !== 'string' || discriminator === ce.platform) return;
        list.report(
          list.pointer(i, 'config', 'discriminator'),
          `config.discriminator '${discriminator}' does not match platform '${ce.platform}' of compute environment '${ce.name}' (a config pasted from \`tw compute-envs export\` names the platform it was exported from)`,
        );
      });
    },
  ],
  suits: {
    credentials: (ce, target) => {
      const credential = target as WrittenCredential;
      const providers = PLATFORM_PROVIDERS[ce.platform];
      if (providers === undefined || providers.includes(credential.provider)) return undefined;
      return `platform ${ce.platform} cannot use credential '${credential.name}' (provider ${credential.provider}): it needs ${providers.join(' or ')}`;
    },
    labels: (_ce, target, entry) => suitsLabelRef(target, entry),
  },
});
