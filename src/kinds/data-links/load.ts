/**
 * Data links in a workspace file: unique by name; `publicAccessible`
 * defaults to false; the URI's scheme must be the provider's (s3:// for
 * aws, gs:// for google, az:// for azure).
 */
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

/** The URI scheme of each provider's buckets. */
export const PROVIDER_SCHEMES: Readonly<Record<'aws' | 'google' | 'azure', string>> = {
  aws: 's3://',
  google: 'gs://',
  azure: 'az://',
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
  checks: [
    (list) => {
      list.items.forEach((link, i) => {
        const scheme = PROVIDER_SCHEMES[link.provider];
        if (link.resourceRef.startsWith(scheme)) return;
        list.report(
          list.pointer(i, 'resourceRef'),
          `a ${link.provider} data link's resourceRef must start with ${scheme} (got ${link.resourceRef})`,
        );
      });
    },
  ],
});
