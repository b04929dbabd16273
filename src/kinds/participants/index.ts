/** Workspace participants: users by email and teams by name, with their roles. */
import type { ActualParticipant } from './model.js';
import type { Kind } from '../kind.js';
import { participantsExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { participantPrecondition, participantsSavedPlan } from './saved-plan.js';
import { participantsLoad } from './file.js';
import { executeParticipant } from './apply.js';
import { checkLastWorkspaceAdmins } from './last-admin.js';
import { planParticipants } from './plan.js';
import { participantsRead } from './read.js';
import { participantsRemovedWith } from './removed-with.js';
import { participantWrites } from './writes.js';

export const participantsKind: Kind = {
  id: 'participants',
  load: participantsLoad,
  resources: [
    {
      kind: 'participant',
      scope: 'workspace',
      segment: 'participants',
      after: ['workspace', 'member', 'team'],
      references: [
        { field: 'email', to: 'member' },
        { field: 'role', to: 'role' },
        { field: 'team', to: 'team', checkedOnLoad: true },
      ],
      countsToward: {
        quota: 'maxParticipantsPerWorkspace',
        per: 'workspace',
        what: 'participants',
        live: (_org, ws) => ws?.participants?.length,
      },
      execute: executorOf('participant', executeParticipant),
      writes: participantWrites,
      view: {
        label: 'participant',
        contents: { one: 'participant', many: 'participants' },
        ignoreKey: 'participants',
      },
      savedPlan: participantPrecondition,
      liveName: (p: ActualParticipant) => (p.type === 'team' ? `team:${p.teamName}` : p.email),
      removedWith: participantsRemovedWith,
    },
  ],
  planWorkspaceContent: planParticipants,
  checkOrg: (s) => {
    checkLastWorkspaceAdmins(s.out, s.org, s.actual, s.deletedTeams);
  },
  savedPlan: participantsSavedPlan,
  blockerNouns: { unknownTeam: 'unknown team' },
  export: participantsExport,
  read: participantsRead,
};
