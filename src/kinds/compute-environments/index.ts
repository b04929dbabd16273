/** Compute environments (replaced, never updated, when their config changes) and the workspace's primary one. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { executePrimary } from './apply-primary.js';
import { executeComputeEnv } from './apply.js';
import { planComputeEnvs } from './plan.js';
import { computeEnvironmentsRead } from './read.js';

export const computeEnvironmentsKind: Kind = {
  id: 'compute-environments',
  resources: [
    {
      kind: 'computeEnvironment',
      scope: 'workspace',
      segment: 'computeEnvironments',
      after: ['credential'],
      references: [{ field: 'credentials', to: 'credential' }],
      holds: { kind: 'credential', field: 'credentialsId' },
      execute: executorOf('computeEnvironment', executeComputeEnv),
    },
    {
      kind: 'primaryComputeEnvironment',
      scope: 'workspace',
      after: ['computeEnvironment'],
      execute: executorOf('primaryComputeEnvironment', executePrimary),
    },
  ],
  planWorkspaceContent: planComputeEnvs,
  read: computeEnvironmentsRead,
};
