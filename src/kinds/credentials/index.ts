/** Workspace credentials: non-secret keys compared, secret keys through their fingerprint. */
import { credentialActionVariables, credentialSecretFields } from './view.js';
import type { Kind } from '../kind.js';
import { credentialsExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { credentialPrecondition } from './saved-plan.js';
import { credentialsLoad } from './file.js';
import { executeCredential } from './apply.js';
import { linkCredentialDeletes, planCredentials } from './plan.js';
import { credentialsRead } from './read.js';

export const credentialsKind: Kind = {
  id: 'credentials',
  load: credentialsLoad,
  resources: [
    {
      kind: 'credential',
      scope: 'workspace',
      segment: 'credentials',
      after: ['workspace'],
      execute: executorOf('credential', executeCredential),
      view: {
        label: 'credential',
        contents: { one: 'credential', many: 'credentials' },
        ignoreKey: 'credentials',
        variables: credentialActionVariables,
        secretFields: credentialSecretFields,
      },
      savedPlan: credentialPrecondition,
      writes: { create: 'POST /credentials', managed: true },
    },
  ],
  planWorkspaceContent: planCredentials,
  linkWorkspaceContent: linkCredentialDeletes,
  export: credentialsExport,
  read: credentialsRead,
};
