/** Pipeline secrets: write-only values, created when missing, rewritten only with --rotate-secrets. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { executeSecret } from './apply.js';
import { planSecrets } from './plan.js';
import { secretsRead } from './read.js';

export const secretsKind: Kind = {
  id: 'secrets',
  resources: [
    {
      kind: 'secret',
      scope: 'workspace',
      segment: 'secrets',
      after: ['workspace'],
      execute: executorOf('secret', executeSecret),
    },
  ],
  planWorkspaceContent: planSecrets,
  read: secretsRead,
};
