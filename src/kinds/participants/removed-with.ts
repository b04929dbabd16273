/**
 * What of the workspaces' participants the platform removes with a deleted
 * org member (their user participations) or team (its team participations),
 * in every workspace read: the entries of that delete's `cascade`.
 */
import type { ActualOrg } from '../../model/actual.js';
import type { ActualParticipant } from './model.js';
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import type { RemovedWith } from '../kind.js';
import type { CascadeEntry } from '../kit/scope.js';

function participations(
  actual: ActualOrg,
  holds: (p: ActualParticipant) => boolean,
  addressIn: (workspace: string) => string,
): CascadeEntry[] {
  return actual.workspaces.flatMap((ws) => {
    const participants = ws.participants ?? [];
    return participants.some(holds)
      ? [
          {
            address: addressIn(ws.name),
            collection: `${actual.name}/${ws.name}/participants`,
            size: participants.length,
          },
        ]
      : [];
  });
}

export const participantsRemovedWith: readonly RemovedWith[] = [
  {
    kind: 'member',
    items: (actual, email) =>
      participations(
        actual,
        (p) => p.type !== 'team' && emailKey(p.email) === email,
        (ws) => address.userParticipant(actual.name, ws, email),
      ),
  },
  {
    kind: 'team',
    items: (actual, team) =>
      participations(
        actual,
        (p) => p.type === 'team' && p.teamName === team,
        (ws) => address.teamParticipant(actual.name, ws, team),
      ),
  },
];
