/**
 * The live organisation → the content of `<org>/organization.yaml`: name,
 * fullName, description, members (owners and members; collaborators follow
 * from participation and are not members; the token's own user only as an
 * owner, the one role a file may give it) and teams with their members.
 * No `policy`: the defaults (prune off) keep a first plan free of deletions.
 */
import type { WrittenOrganization } from '../../config/written.js';
import type { ActualMember, ActualOrg, ActualTeam } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { ORG_ROLES } from '../../model/resources.js';
import { escapeTree } from '../kit/escape.js';
import { checkItem, dropTopLevel, noFix, type Fixer, type MutableRecord } from '../kit/item-check.js';
import { byName, ignoreOf, leaveOut, type MapContext } from '../kit/export-context.js';

/** The organisation file's content (the org's own fields that do not validate are left out, and not compared). */
export function mapOrganization(ctx: MapContext, org: ActualOrg, tokenEmail: string): WrittenOrganization {
  const header = headerOf(ctx, org);
  const members = mapMembers(ctx, org.members ?? [], tokenEmail);
  const teams = mapTeams(ctx, org.teams ?? []);
  const ignore = ignoreOf(ctx.ignore);
  const content: MutableRecord = {
    ...header,
    members,
    teams,
    ...(ignore === undefined ? {} : { ignore }),
  };
  return escapeTree(content, {
    verbatimKeys: ctx.schema.verbatimKeys,
    isSecret: () => false,
  }) as unknown as WrittenOrganization;
}

function headerOf(ctx: MapContext, org: ActualOrg): MutableRecord {
  const candidate: MutableRecord = {
    name: org.name,
    ...(org.fullName === '' ? {} : { fullName: org.fullName }),
    ...(org.description === undefined || org.description === '' ? {} : { description: org.description }),
  };
  for (const key of ['fullName', 'description']) {
    const issue = ctx.schema.validate('organization', candidate).find((i) => i.pointer === `/${key}`);
    if (issue === undefined) continue;
    Reflect.deleteProperty(candidate, key);
    ctx.sink.warnings.push(`${address.org(org.name)}: ${key} not exported (${issue.message})`);
  }
  return candidate;
}

const roleRank = (role: string): number => (role === 'owner' ? 0 : 1);

function mapMembers(ctx: MapContext, members: readonly ActualMember[], tokenEmail: string): MutableRecord[] {
  const items: MutableRecord[] = [];
  const sorted = [...members].sort(
    (a, b) => roleRank(a.role) - roleRank(b.role) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0),
  );
  for (const member of sorted) {
    if (member.role === 'collaborator') continue;
    // The token's user may be declared only as owner; as anything else it is left to the platform.
    if (member.email === tokenEmail && member.role !== 'owner') continue;
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
  return items;
}

function mapTeams(ctx: MapContext, teams: readonly ActualTeam[]): MutableRecord[] {
  const items: MutableRecord[] = [];
  for (const team of [...teams].sort(byName)) {
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
  }
  return items;
}
