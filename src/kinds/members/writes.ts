/**
 * What the bench's lower bound counts for members: an add per missing
 * member (the add takes no role, so a declared role other than the one the
 * add gives is set after it), and a role change per member whose live role
 * differs. A member is identified by its email, case-insensitively.
 */
import type { ResourceWrites, WriteItem } from '../kind.js';
import { declares, itemsAt, textOf } from '../kit/write-items.js';

const ADD = 'PUT /orgs/{id}/members/add';
const ROLE = 'PUT /orgs/{id}/members/{id}/role';
/** The role of a seeded member that gives none. */
const SEED_ROLE = 'member';

function byEmail(
  items: readonly Readonly<Record<string, unknown>>[],
  role: (item: Readonly<Record<string, unknown>>) => string,
): WriteItem[] {
  return items.map((item) => ({ id: textOf(item, 'email').toLowerCase(), fields: { role: role(item) } }));
}

export const memberWrites: ResourceWrites = {
  create: ADD,
  declared: (org) => byEmail(itemsAt(org, 'members'), (m) => textOf(m, 'role')),
  live: (org) => byEmail(itemsAt(org, 'members'), (m) => textOf(m, 'role') || SEED_ROLE),
  afterCreate: (member, { addRole }) => (member['role'] === addRole ? [] : [ROLE]),
  update: (declared, live) => (declared['role'] === live['role'] ? [] : [ROLE]),
  seedSizes: (org) => ({
    members: new Set(byEmail(itemsAt(org, 'members'), () => '').map((m) => m.id)).size,
  }),
  managed: (org) => declares(org, 'members'),
};
