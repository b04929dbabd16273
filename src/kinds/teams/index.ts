/** Teams and their members. */
import { address } from '../../model/address.js';
import type { Kind } from '../kind.js';
import { teamsExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { teamsSavedPlan, teamMemberPrecondition, teamPrecondition } from './saved-plan.js';
import { teamsLoad } from './file.js';
import { executeTeamMember } from './apply-member.js';
import { executeTeam } from './apply.js';
import { planTeams } from './plan.js';
import { teamsRead } from './read.js';
import { teamMembersRemovedWith } from './removed-with.js';
import { teamMemberWrites, teamWrites } from './writes.js';

export const teamsKind: Kind = {
  id: 'teams',
  load: teamsLoad,
  resources: [
    {
      kind: 'team',
      scope: 'org',
      segment: 'teams',
      after: ['organization'],
      countsToward: { quota: 'maxTeams', per: 'org', what: 'teams', live: (org) => org.teams?.length },
      execute: executorOf('team', executeTeam),
      writes: teamWrites,
      view: { label: 'team', ignoreKey: 'teams' },
      savedPlan: teamPrecondition,
    },
    {
      kind: 'teamMember',
      scope: 'org',
      after: ['team', 'member'],
      references: [{ field: 'email', to: 'member' }],
      removedWith: teamMembersRemovedWith,
      execute: executorOf('teamMember', executeTeamMember),
      writes: teamMemberWrites,
      view: { label: 'team member', ignoreKey: 'teamMembers' },
      savedPlan: teamMemberPrecondition,
    },
  ],
  planOrgContent: (s) => {
    // Every live team's id, whether teams are managed or not: team participants name them.
    for (const t of s.actual?.teams ?? []) s.out.liveId(address.team(s.org.name, t.name), t.teamId);
    for (const team of planTeams(s)) s.deletedTeams.add(team);
  },
  savedPlan: teamsSavedPlan,
  export: teamsExport,
  read: teamsRead,
};
