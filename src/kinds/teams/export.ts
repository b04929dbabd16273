/**
 * Live teams → `teams:` entries of the organisation file: by name, with
 * their description and their members' emails (sorted, without repeats).
 * A member that is not an email address is left out of its team (under
 * `ignore.teamMembers`); a description that does not validate is dropped.
 * The exported teams are what team participants may name.
 */
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { checkItem, dropTopLevel, type Fixer, type MutableRecord } from '../kit/item-check.js';
import { byName, leaveOut } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';

function mapTeams(ctx: ExportContext, org: ActualOrg): ExportedItems {
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  for (const team of [...(org.teams ?? [])].sort(byName)) {
    const where = address.team(ctx.org, team.name);
    const emails = [...new Set((team.members ?? []).map((m) => m.email))].sort();
    const candidate: MutableRecord = {
      name: team.name,
      ...(team.description === undefined || team.description === '' ? {} : { description: team.description }),
      members: emails,
    };
    const leftOutMembers: string[] = [];
    const dropMember: Fixer = (path, item) => {
      const members = item['members'];
      if (path[0] !== 'members' || path.length !== 2 || !Array.isArray(members)) return undefined;
      const index = Number(path[1]);
      const email: unknown = members[index];
      if (typeof email !== 'string') return undefined;
      item['members'] = members.filter((_, i) => i !== index);
      leftOutMembers.push(email);
      return `members: ${email}`;
    };
    const checked = checkItem(
      ctx.schema,
      'organization',
      'teams',
      candidate,
      (path, item) => dropMember(path, item) ?? dropTopLevel(['description'])(path, item),
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'teams', team.name, where, checked.problem ?? 'invalid');
      continue;
    }
    for (const email of leftOutMembers) {
      leaveOut(
        ctx,
        'teamMembers',
        email,
        address.teamMember(ctx.org, team.name, email),
        'not an email address',
      );
    }
    for (const what of checked.dropped) {
      if (!what.startsWith('members: ')) ctx.sink.warnings.push(`${where}: ${what} not exported`);
    }
    items.push(checked.item);
    exported.push({ name: team.name });
  }
  return { items, exported };
}

export const teamsExport: ItemsExport<'organization'> = {
  part: 'items',
  file: 'organization',
  key: 'teams',
  readAll: async ({ client, orgId, source }) =>
    (await client.listTeams(orgId)).map((team) => ({ name: team.name, members: [], source })),
  map: mapTeams,
};
