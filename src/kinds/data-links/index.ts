/** Custom data links (Data Explorer buckets): by name, after the credentials they use. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { executeDataLink } from './apply.js';
import { dataLinksExport } from './file.js';
import { dataLinksLoad } from './file.js';
import { linkDataLinkCredentials, planDataLinks } from './plan.js';
import { dataLinksRead } from './read.js';
import { dataLinkItems, dataLinkPrecondition, dataLinkWrites } from './saved-plan.js';
import { dataLinkDetails, dataLinkForcedBy } from './view.js';

export const dataLinksKind: Kind = {
  id: 'data-links',
  load: dataLinksLoad,
  resources: [
    {
      kind: 'dataLink',
      scope: 'workspace',
      segment: 'dataLinks',
      liveItems: dataLinkItems,
      after: ['credential'],
      references: [{ field: 'credentials', to: 'credential', checkedOnLoad: true }],
      holds: { kind: 'credential', field: 'credentialsId' },
      execute: executorOf('dataLink', executeDataLink),
      view: {
        label: 'data link',
        contents: { one: 'data link', many: 'data links' },
        ignoreKey: 'dataLinks',
        details: dataLinkDetails,
        forcedBy: dataLinkForcedBy,
      },
      savedPlan: dataLinkPrecondition,
      writes: dataLinkWrites,
    },
  ],
  planWorkspaceContent: planDataLinks,
  linkWorkspaceContent: linkDataLinkCredentials,
  export: dataLinksExport,
  read: dataLinksRead,
};
