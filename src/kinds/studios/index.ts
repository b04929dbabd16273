/** A workspace's Studios settings: one object, updated in place, set last (after everything else in the workspace). */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { executeStudios } from './apply.js';
import { studiosExport } from './file.js';
import { studiosLoad } from './file.js';
import { planStudios } from './plan.js';
import { studiosRead } from './read.js';
import { studiosPrecondition } from './saved-plan.js';
import { studiosWrites } from './writes.js';

export const studiosKind: Kind = {
  id: 'studios',
  load: studiosLoad,
  resources: [
    {
      kind: 'studiosSettings',
      scope: 'workspace',
      after: ['workspace', 'secret'],
      execute: executorOf('studiosSettings', executeStudios),
      writes: studiosWrites,
      view: { label: 'Studios settings' },
      savedPlan: studiosPrecondition,
    },
  ],
  planWorkspaceContent: planStudios,
  export: studiosExport,
  read: studiosRead,
};
