/**
 * What the bench's lower bound counts for teams: a create per missing team
 * (by name), and an add per declared member missing from its team, after
 * the team and the member are created. A team member is identified as
 * `<team>\n<email>` (case-insensitive email).
 */
import type { ResourceWrites, WriteItem } from '../kind.js';
import { itemsAt, textOf, textsOf } from '../kit/write-items.js';

export const teamWrites: ResourceWrites = { create: 'POST /orgs/{id}/teams' };

function teamMembers(org: object): WriteItem[] {
  return itemsAt(org, 'teams').flatMap((team) =>
    textsOf(team, 'members').map((email) => {
      const fields = { team: textOf(team, 'name'), email: email.toLowerCase() };
      return { id: `${fields.team}\n${fields.email}`, fields };
    }),
  );
}

export const teamMemberWrites: ResourceWrites = {
  create: 'POST /orgs/{id}/teams/{id}/members',
  declared: teamMembers,
  live: teamMembers,
  waitsFor: (item) => [
    { to: 'team', id: textOf(item, 'team') },
    { to: 'member', id: textOf(item, 'email') },
  ],
};
