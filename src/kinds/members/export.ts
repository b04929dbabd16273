/**
 * Live organisation members → `members:` entries of the organisation file:
 * owners first, then members, each by email. Collaborators follow from
 * participation and are not members; the token's own user is written only
 * as an owner, the one role a file may give it.
 */
import type { ActualOrg } from '../../model/actual.js';
import type { ActualMember } from './model.js';
import { address } from '../../model/address.js';
import { ORG_ROLES } from '../../model/resources.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import { leaveOut } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';

const roleRank = (role: string): number => (role === 'owner' ? 0 : 1);

function mapMembers(ctx: ExportContext, org: ActualOrg): ExportedItems {
  const items: MutableRecord[] = [];
  const sorted = [...(org.members ?? [])].sort(
    (a: ActualMember, b: ActualMember) =>
      roleRank(a.role) - roleRank(b.role) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0),
  );
  for (const member of sorted) {
    if (member.role === 'collaborator') continue;
    // The token's user may be declared only as owner; as anything else it is left to the platform.
    if (member.email === ctx.tokenEmail && member.role !== 'owner') continue;
    const where = address.member(ctx.org, member.email);
    if (!(ORG_ROLES as readonly string[]).includes(member.role)) {
      leaveOut(ctx, 'members', member.email, where, `role ${member.role} is not one a file can declare`);
      continue;
    }
    const checked = checkItem(
      ctx.schema,
      'organization',
      'members',
      { email: member.email, role: member.role },
      noFix,
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'members', member.email, where, checked.problem ?? 'invalid');
      continue;
    }
    items.push(checked.item);
  }
  return { items };
}

export const membersExport: ItemsExport<'organization'> = {
  part: 'items',
  file: 'organization',
  key: 'members',
  flowItems: ['members'],
  map: mapMembers,
};
