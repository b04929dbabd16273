/** Launchpad pipelines: launch fields compared, a change creates a new default version. */
import type { Kind } from '../kind.js';
import { pipelinesExport } from './export.js';
import { executorOf } from '../kit/executor.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import { pipelinesLoad } from './load.js';
import { executePipeline } from './apply.js';
import { linkPipelineSecrets, planPipelines } from './plan.js';
import { pipelinesRead } from './read.js';

export const pipelinesKind: Kind = {
  id: 'pipelines',
  load: pipelinesLoad,
  resources: [
    {
      kind: 'pipeline',
      scope: 'workspace',
      segment: 'pipelines',
      after: ['computeEnvironment'],
      references: [{ field: 'computeEnvironment', to: 'computeEnvironment', checkedOnLoad: true }],
      execute: executorOf('pipeline', executePipeline),
      view: { label: 'pipeline', contents: { one: 'pipeline', many: 'pipelines' }, ignoreKey: 'pipelines' },
      savedPlan: { locate: byNameInWorkspace('pipelines') },
      writes: { create: 'POST /pipelines' },
    },
  ],
  planWorkspaceContent: planPipelines,
  linkWorkspaceContent: linkPipelineSecrets,
  export: pipelinesExport,
  read: pipelinesRead,
};
