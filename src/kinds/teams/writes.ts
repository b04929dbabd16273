/**
 * What the bench's lower bound counts for teams: a create per missing team
 * (by name), and an add per declared member missing from its team, after
 * the team and the member are created. A team member is identified as
 * `<team>\n<email>` (case-insensitive email).
 */
import type { ResourceWrites, WriteItem } from '../kind.js';
import { declares, itemsAt, textOf, textsOf } from '../kit/write-items.js';

export const teamWrites: ResourceWrites = {
  create: 'POST /orgs/{id}/teams',
  seedSizes: (org) => {
    const teams = itemsAt(org, 'teams');
    const members = Object.fromEntries(
      teams.map((team) => [
        textOf(team, 'name'),
        new Set(textsOf(team, 'members').map((e) => e.toLowerCase())).size,
      ]),
    );
    return { teams: new Set(teams.map((team) => textOf(team, 'name'))).size, teamMembers: members };
  },
  managed: (org) => declares(org, 'teams'),
};

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
  managed: (org) => itemsAt(org, 'teams').every((team) => declares(team, 'members')),
  waitsFor: (item) => [
    { to: 'team', id: textOf(item, 'team') },
    { to: 'member', id: textOf(item, 'email') },
  ],
};
