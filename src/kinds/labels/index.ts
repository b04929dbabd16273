/** Workspace labels: simple and resource labels, by name; created before what may carry them. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import { executeLabel } from './apply.js';
import { labelsExport } from './file.js';
import { labelsLoad } from './file.js';
import { planLabels } from './plan.js';
import { labelsRead } from './read.js';

export const labelsKind: Kind = {
  id: 'labels',
  load: labelsLoad,
  resources: [
    {
      kind: 'label',
      scope: 'workspace',
      segment: 'labels',
      after: ['workspace'],
      countsToward: {
        quota: 'maxLabelsPerWorkspace',
        per: 'workspace',
        what: 'labels',
        live: (_org, ws) => ws?.labels?.length,
      },
      execute: executorOf('label', executeLabel),
      view: {
        label: 'label',
        contents: { one: 'label', many: 'labels' },
        ignoreKey: 'labels',
      },
      savedPlan: { locate: byNameInWorkspace('labels') },
      writes: { create: 'POST /labels' },
    },
  ],
  planWorkspaceContent: planLabels,
  export: labelsExport,
  read: labelsRead,
  blockerNouns: { unknownLabel: 'unknown label' },
};
