/** Pipeline secrets: write-only values, created when missing, rewritten only with --rotate-secrets. */
import { secretVariables } from './view.js';
import type { Kind } from '../kind.js';
import { secretsExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import { secretsLoad } from './file.js';
import { executeSecret } from './apply.js';
import { planSecrets } from './plan.js';
import { secretsRead } from './read.js';

export const secretsKind: Kind = {
  id: 'secrets',
  load: secretsLoad,
  resources: [
    {
      kind: 'secret',
      scope: 'workspace',
      segment: 'secrets',
      after: ['workspace'],
      execute: executorOf('secret', executeSecret),
      view: {
        label: 'secret',
        contents: { one: 'pipeline secret', many: 'pipeline secrets' },
        ignoreKey: 'secrets',
        variables: secretVariables,
        sensitiveFields: ['value'],
      },
      savedPlan: { locate: byNameInWorkspace('secrets') },
      writes: { create: 'POST /pipeline-secrets', managed: true },
    },
  ],
  planWorkspaceContent: planSecrets,
  export: secretsExport,
  read: secretsRead,
};
