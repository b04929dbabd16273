/** Participants in a workspace file: users unique by email (stored lower-cased), teams by name. */
import type { DesiredParticipant } from './model.js';
import { emailKey } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { byEmail } from '../kit/load-identity.js';
import { checkParticipantRoles } from '../roles/participant-roles.js';

export const participantsLoad = collectionLoad({
  file: 'workspace',
  key: 'participants',
  resource: 'participant',
  what: 'participant',
  identity: (p) =>
    'email' in p ? byEmail(p.email, 'email') : { key: `team:${p.team}`, field: 'team', label: p.team },
  normalise: (p, from): DesiredParticipant =>
    'email' in p
      ? { type: 'user', email: emailKey(p.email), role: p.role, source: from.source }
      : { type: 'team', team: p.team, role: p.role, source: from.source },
  checks: [
    checkParticipantRoles,
    // The organisation's policy.maxParticipants (0: no limit) caps a workspace's entries.
    (list) => {
      const limit = list.organization?.policy?.maxParticipants ?? 0;
      const count = list.items.length;
      if (limit <= 0 || count <= limit) return;
      list.report(
        list.listPointer,
        `${String(count)} participant entries exceed the organisation's policy.maxParticipants (${String(limit)}): add people through a team`,
      );
    },
  ],
});
