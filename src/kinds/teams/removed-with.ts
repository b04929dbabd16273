/** The team memberships the platform removes with a deleted org member: entries of that delete's `cascade`. */
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import type { RemovedWith } from '../kind.js';

export const teamMembersRemovedWith: readonly RemovedWith[] = [
  {
    kind: 'member',
    items: (actual, email) =>
      (actual.teams ?? []).flatMap((team) => {
        const members = team.members ?? [];
        return members.some((m) => emailKey(m.email) === email)
          ? [
              {
                address: address.teamMember(actual.name, team.name, email),
                collection: `${actual.name}/teams/${team.name}/members`,
                size: members.length,
              },
            ]
          : [];
      }),
  },
];
