/** Pipelines in a workspace file: unique by name, taken as written (launch fields passed through). */
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';

export const pipelinesLoad = collectionLoad({
  file: 'workspace',
  key: 'pipelines',
  resource: 'pipeline',
  what: 'pipeline',
  identity: byName,
  normalise: (p, from) => ({
    name: p.name,
    ...opt('description', p.description),
    url: p.url,
    ...opt('revision', p.revision),
    ...opt('computeEnvironment', p.computeEnvironment),
    ...opt('workDir', p.workDir),
    ...opt('profiles', p.profiles),
    ...opt('params', p.params),
    ...opt('launch', p.launch as Readonly<Record<string, unknown>> | undefined),
    source: from.source,
  }),
});
