/** A workspace itself (its contents are other kinds): one file per workspace. */
import type { Kind } from '../kind.js';
import { workspaceExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { workspacePrecondition } from './saved-plan.js';
import { executeWorkspace } from './apply.js';
import { planWorkspace, reportUnmanagedWorkspaces } from './plan.js';

export const workspaceKind: Kind = {
  id: 'workspace',
  resources: [
    {
      kind: 'workspace',
      scope: 'root',
      after: ['organization'],
      countsToward: {
        quota: 'maxWorkspaces',
        per: 'org',
        what: 'workspaces',
        live: (org) => org.workspaces.length,
      },
      execute: executorOf('workspace', executeWorkspace),
      writes: { create: 'POST /orgs/{id}/workspaces' },
      view: { label: 'workspace' },
      savedPlan: workspacePrecondition,
    },
  ],
  planWorkspaceEntry: planWorkspace,
  checkOrg: reportUnmanagedWorkspaces,
  export: workspaceExport,
};
