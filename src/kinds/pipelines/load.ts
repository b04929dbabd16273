/**
 * Pipelines in a workspace file: unique by name, taken as written (launch
 * fields passed through); in a private workspace each names a compute
 * environment and a work dir.
 */
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';
import { labelRefList, suitsLabelRef } from '../labels/reference.js';

export const pipelinesLoad = collectionLoad({
  file: 'workspace',
  key: 'pipelines',
  resource: 'pipeline',
  what: 'pipeline',
  identity: byName,
  nested: (p) => [labelRefList(`label of pipeline ${p.name}`, p.labels)],
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
    ...opt('labels', p.labels),
    source: from.source,
  }),
  checks: [
    // In a private workspace the platform refuses a pipeline without them (and does not copy the CE's).
    (list) => {
      if ((list.file.visibility ?? 'private') !== 'private') return;
      list.items.forEach((pipeline, i) => {
        for (const field of ['computeEnvironment', 'workDir'] as const) {
          if (pipeline[field] === undefined) {
            list.report(
              list.pointer(i),
              `pipeline '${pipeline.name}' needs ${field}: the workspace is private (the platform refuses a private pipeline without it)`,
            );
          }
        }
      });
    },
  ],
  suits: { labels: (_p, target, entry) => suitsLabelRef(target, entry) },
});
