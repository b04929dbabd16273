/**
 * What the bench's lower bound counts for participants: an add per missing
 * participant, after the member or team it names is created (the add takes
 * no role, so a declared role other than the one the add gives is set after
 * it), and a role change per participant whose live role differs. A
 * participant is identified as `user:<email>` (case-insensitive) or
 * `team:<name>`.
 */
import type { ResourceWrites, WriteItem } from '../kind.js';
import { declares, itemsAt, textOf } from '../kit/write-items.js';

const ADD = 'PUT /orgs/{id}/workspaces/{id}/participants/add';
const ROLE = 'PUT /orgs/{id}/workspaces/{id}/participants/{id}/role';

/** In the file a participant has a `type`; in a seed, a `team` or an `email`. */
function idOf(item: Readonly<Record<string, unknown>>): string {
  const team = textOf(item, 'team');
  return item['type'] === 'team' || (item['type'] === undefined && team !== '')
    ? `team:${team}`
    : `user:${textOf(item, 'email').toLowerCase()}`;
}

function byId(
  items: readonly Readonly<Record<string, unknown>>[],
  role: (item: Readonly<Record<string, unknown>>) => string,
): WriteItem[] {
  return items.map((item) => ({ id: idOf(item), fields: { ...item, role: role(item) } }));
}

export const participantWrites: ResourceWrites = {
  create: ADD,
  declared: (ws) => byId(itemsAt(ws, 'participants'), (p) => textOf(p, 'role')),
  live: (ws, { addRole }) => byId(itemsAt(ws, 'participants'), (p) => textOf(p, 'role') || addRole),
  afterCreate: (participant, { addRole }) => (participant['role'] === addRole ? [] : [ROLE]),
  update: (declared, live) => (declared['role'] === live['role'] ? [] : [ROLE]),
  seedSizes: (ws) => ({ participants: new Set(itemsAt(ws, 'participants').map(idOf)).size }),
  managed: (ws) => declares(ws, 'participants'),
  waitsFor: (participant) => {
    const id = idOf(participant);
    return id.startsWith('team:')
      ? [{ to: 'team', id: id.slice('team:'.length) }]
      : [{ to: 'member', id: id.slice('user:'.length) }];
  },
};
