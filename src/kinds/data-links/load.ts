/**
 * Data links in a workspace file: unique by name; `publicAccessible`
 * defaults to false; the URI's scheme must be the provider's (s3:// for
 * aws, gs:// for google, az:// for azure); the credential a link names must
 * be of its provider (any of the platform's Azure credential kinds for
 * azure).
 */
import { opt } from '../../api/decoders/optional.js';
import type { WrittenCredential } from '../credentials/model.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

/** The URI scheme of each provider's buckets. */
export const PROVIDER_SCHEMES: Readonly<Record<'aws' | 'google' | 'azure', string>> = {
  aws: 's3://',
  google: 'gs://',
  azure: 'az://',
};

/** The credential providers a link of each provider can read its bucket with. */
export const LINK_CREDENTIALS: Readonly<Record<'aws' | 'google' | 'azure', readonly string[]>> = {
  aws: ['aws'],
  google: ['google'],
  azure: ['azure', 'azure_entra', 'azure-cloud'],
};

export const dataLinksLoad = collectionLoad({
  file: 'workspace',
  key: 'dataLinks',
  resource: 'dataLink',
  what: 'data link',
  identity: byName,
  normalise: (link, from) => ({
    name: link.name,
    provider: link.provider,
    resourceRef: link.resourceRef,
    ...opt('credentials', link.credentials),
    ...opt('description', link.description),
    publicAccessible: link.publicAccessible ?? false,
    source: from.source,
  }),
  suits: {
    credentials: (link, target) => {
      const credential = target as WrittenCredential;
      const providers = LINK_CREDENTIALS[link.provider];
      if (providers.includes(credential.provider)) return undefined;
      return `data link '${link.name}' (${link.provider}) cannot use credential '${credential.name}' (provider ${credential.provider}): it needs ${providers.join(' or ')}`;
    },
  },
  checks: [
    (list) => {
      list.items.forEach((link, i) => {
        const scheme = PROVIDER_SCHEMES[link.provider];
        if (link.resourceRef.startsWith(scheme)) return;
        list.report(
          list.pointer(i, 'resourceRef'),
          `the resourceRef of a ${link.provider} bucket must start with ${scheme} (got ${link.resourceRef})`,
        );
      });
    },
  ],
});
