/** Datasets: sample sheets kept beside the workspace files, created with their first version, after credentials. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import { executeDataset } from './apply.js';
import { datasetsExport } from './file.js';
import { datasetsLoad } from './file.js';
import { planDatasets } from './plan.js';
import { datasetsRead } from './read.js';
import { datasetWrites } from './writes.js';

export const datasetsKind: Kind = {
  id: 'datasets',
  load: datasetsLoad,
  resources: [
    {
      kind: 'dataset',
      scope: 'workspace',
      segment: 'datasets',
      after: ['workspace', 'label', 'credential'],
      references: [{ field: 'labels', to: 'label', checkedOnLoad: true }],
      countsToward: {
        quota: 'maxDatasetsPerWorkspace',
        per: 'workspace',
        what: 'datasets',
        live: (_org, ws) => ws?.datasets?.length,
      },
      execute: executorOf('dataset', executeDataset),
      view: {
        label: 'dataset',
        contents: { one: 'dataset', many: 'datasets' },
        ignoreKey: 'datasets',
      },
      savedPlan: { locate: byNameInWorkspace('datasets') },
      // A create is the dataset, then its first version's upload (and its labels) once it exists.
      writes: datasetWrites,
    },
  ],
  planWorkspaceContent: planDatasets,
  export: datasetsExport,
  read: datasetsRead,
};
