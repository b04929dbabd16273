/** Workspace credentials: non-secret keys compared, secret keys through their fingerprint. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { executeCredential } from './apply.js';
import { linkCredentialDeletes, planCredentials } from './plan.js';
import { credentialsRead } from './read.js';

export const credentialsKind: Kind = {
  id: 'credentials',
  resources: [
    {
      kind: 'credential',
      scope: 'workspace',
      segment: 'credentials',
      after: ['workspace'],
      execute: executorOf('credential', executeCredential),
    },
  ],
  planWorkspaceContent: planCredentials,
  linkWorkspaceContent: linkCredentialDeletes,
  read: credentialsRead,
};
