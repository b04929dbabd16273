/** The organisation itself: created from its `organization.yaml`, updated in place, never deleted. */
import type { Kind } from '../kind.js';
import { organizationExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { preconditionOf } from '../kit/precondition.js';
import { executeOrganization } from './apply.js';
import { planOrganization } from './plan.js';

export const organizationKind: Kind = {
  id: 'organization',
  resources: [
    {
      kind: 'organization',
      scope: 'root',
      after: [],
      execute: executorOf('organization', executeOrganization),
      writes: { create: 'POST /orgs' },
      view: { label: 'organization' },
      savedPlan: preconditionOf('organization', {
        locate: ({ org }) => org,
        omit: ['workspaces'],
        contents: 'org',
      }),
    },
  ],
  planOrganization,
  export: organizationExport,
};
