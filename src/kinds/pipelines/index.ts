/** Launchpad pipelines: launch fields compared, a change creates a new default version. */
import type { Kind } from '../kind.js';
import { pipelinesExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import { pipelinesLoad } from './file.js';
import { executePipeline } from './apply.js';
import { linkPipelineSecrets, planPipelines } from './plan.js';
import { pipelinesRead } from './read.js';
import { labelRefName } from '../labels/reference.js';

export const pipelinesKind: Kind = {
  id: 'pipelines',
  load: pipelinesLoad,
  resources: [
    {
      kind: 'pipeline',
      scope: 'workspace',
      segment: 'pipelines',
      after: ['computeEnvironment'],
      references: [
        { field: 'computeEnvironment', to: 'computeEnvironment', checkedOnLoad: true },
        { field: 'labels', to: 'label', checkedOnLoad: true, nameOf: labelRefName },
      ],
      countsToward: {
        quota: 'maxPipelinesPerWorkspace',
        per: 'workspace',
        what: 'pipelines',
        live: (_org, ws) => ws?.pipelines?.length,
      },
      execute: executorOf('pipeline', executePipeline),
      view: { label: 'pipeline', contents: { one: 'pipeline', many: 'pipelines' }, ignoreKey: 'pipelines' },
      savedPlan: { locate: byNameInWorkspace('pipelines') },
      writes: { create: 'POST /pipelines', managed: true },
    },
  ],
  planWorkspaceContent: planPipelines,
  linkWorkspaceContent: linkPipelineSecrets,
  export: pipelinesExport,
  read: pipelinesRead,
};
