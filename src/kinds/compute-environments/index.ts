/** Compute environments (replaced, never updated, when their config changes) and the workspace's primary one. */
import { computeEnvDetails, computeEnvForcedBy, primaryDetails } from './view.js';
import type { Kind } from '../kind.js';
import { computeEnvironmentsExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { computeEnvPrecondition, primaryPrecondition } from './saved-plan.js';
import { computeEnvironmentsLoad } from './file.js';
import { executePrimary } from './apply-primary.js';
import { executeComputeEnv } from './apply.js';
import { planComputeEnvs } from './plan.js';
import { computeEnvironmentsRead } from './read.js';
import { labelRefName } from '../labels/reference.js';
import { computeEnvironmentWrites, primaryWrites } from './writes.js';

export const computeEnvironmentsKind: Kind = {
  id: 'compute-environments',
  load: computeEnvironmentsLoad,
  resources: [
    {
      kind: 'computeEnvironment',
      scope: 'workspace',
      segment: 'computeEnvironments',
      after: ['credential'],
      references: [
        { field: 'credentials', to: 'credential', checkedOnLoad: true },
        { field: 'labels', to: 'label', checkedOnLoad: true, nameOf: labelRefName },
      ],
      holds: { kind: 'credential', field: 'credentialsId' },
      execute: executorOf('computeEnvironment', executeComputeEnv),
      view: {
        label: 'compute environment',
        contents: { one: 'compute environment', many: 'compute environments' },
        ignoreKey: 'computeEnvironments',
        details: computeEnvDetails,
        forcedBy: computeEnvForcedBy,
      },
      savedPlan: computeEnvPrecondition,
      writes: computeEnvironmentWrites,
    },
    {
      kind: 'primaryComputeEnvironment',
      scope: 'workspace',
      after: ['computeEnvironment'],
      execute: executorOf('primaryComputeEnvironment', executePrimary),
      writes: primaryWrites,
      view: { label: 'primary compute environment', details: primaryDetails },
      savedPlan: primaryPrecondition,
    },
  ],
  planWorkspaceContent: planComputeEnvs,
  export: computeEnvironmentsExport,
  read: computeEnvironmentsRead,
};
