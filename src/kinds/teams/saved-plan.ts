/** A saved plan's preconditions of teams and their members, and the size of each team's member list. */
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import type { KindSavedPlan } from '../kind-saved-plan.js';
import { pick, preconditionOf } from '../kit/precondition.js';

/** A team, without its members (they are actions of their own). */
export const teamPrecondition = preconditionOf('team', {
  locate: ({ org }, action) => pick(org !== undefined, org?.teams, (t) => t.name === action.name),
  omit: ['members'],
});

/** A member of a team, found in the team's fresh member list. */
export const teamMemberPrecondition = preconditionOf('teamMember', {
  locate: ({ org }, action) => {
    const team = pick(org !== undefined, org?.teams, (t) => t.name === action.team);
    if (team === null || team === undefined) return team;
    return pick(true, team.members, (m) => m.email === emailKey(action.name));
  },
});

/** Each live team's member list is a collection the deletion caps count against. */
export const teamsSavedPlan: KindSavedPlan = {
  liveSizes: (org) =>
    (org.teams ?? []).map((team) => [
      `${address.team(org.name, team.name)}/members`,
      team.members?.length ?? 0,
    ]),
};
