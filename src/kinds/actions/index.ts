/** Pipeline actions: a pipeline launched on a GitHub push, through its endpoint, or on a schedule. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { labelRefName } from '../labels/reference.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import { executeAction } from './apply.js';
import { actionsExport } from './file.js';
import { actionsLoad } from './file.js';
import { planActions } from './plan.js';
import { actionsRead } from './read.js';
import { actionDetails, actionForcedBy } from './view.js';
import { actionWritesAfterCreate } from './writes.js';

export const actionsKind: Kind = {
  id: 'actions',
  load: actionsLoad,
  resources: [
    {
      kind: 'pipelineAction',
      scope: 'workspace',
      segment: 'actions',
      after: ['pipeline', 'label'],
      references: [
        { field: 'computeEnvironment', to: 'computeEnvironment', checkedOnLoad: true },
        { field: 'labels', to: 'label', checkedOnLoad: true, nameOf: labelRefName },
      ],
      execute: executorOf('pipelineAction', executeAction),
      view: {
        label: 'pipeline action',
        contents: { one: 'pipeline action', many: 'pipeline actions' },
        ignoreKey: 'actions',
        details: actionDetails,
        forcedBy: actionForcedBy,
      },
      savedPlan: { locate: byNameInWorkspace('actions') },
      writes: { create: 'POST /actions', afterCreate: actionWritesAfterCreate },
    },
  ],
  planWorkspaceContent: planActions,
  export: actionsExport,
  read: actionsRead,
};
