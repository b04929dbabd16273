/**
 * Pipeline actions in a workspace file: unique by name; the launch fields
 * taken as a pipeline entry's are; `source` kept as the action's trigger.
 * In a private workspace each names a compute environment and a work dir,
 * as a pipeline does (the platform launches it the same way).
 */
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';
import { labelRefList, suitsLabelRef } from '../labels/reference.js';

export const actionsLoad = collectionLoad({
  file: 'workspace',
  key: 'actions',
  resource: 'pipelineAction',
  what: 'pipeline action',
  identity: byName,
  nested: (a) => [labelRefList(`label of pipeline action ${a.name}`, a.labels)],
  normalise: (a, from) => ({
    name: a.name,
    trigger: a.source,
    ...opt(
      'cron',
      a.cron === undefined
        ? undefined
        : { expression: a.cron.expression, ...opt('timezone', a.cron.timezone) },
    ),
    url: a.url,
    ...opt('revision', a.revision),
    ...opt('computeEnvironment', a.computeEnvironment),
    ...opt('workDir', a.workDir),
    ...opt('profiles', a.profiles),
    ...opt('params', a.params),
    ...opt('launch', a.launch as Readonly<Record<string, unknown>> | undefined),
    ...opt('labels', a.labels),
    source: from.source,
  }),
  suits: { labels: (_action, target, entry) => suitsLabelRef(target, entry) },
  checks: [
    (list) => {
      if ((list.file.visibility ?? 'private') !== 'private') return;
      list.items.forEach((action, i) => {
        for (const field of ['computeEnvironment', 'workDir'] as const) {
          if (action[field] === undefined) {
            list.report(
              list.pointer(i),
              `pipeline action '${action.name}' needs ${field}: the workspace is private (the platform refuses a private launch without it)`,
            );
          }
        }
      });
    },
  ],
});
