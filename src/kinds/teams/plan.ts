/**
 * Teams and team membership: teams by name, description in
 * place; team members are added and removed only (no update). A team
 * declared without `members` leaves its membership alone (never read as
 * drift, never pruned): that is how a team whose members come from an
 * identity provider group is declared; declaring members for such a team
 * (live `idpGroupId`) blocks the plan. A member
 * removed from the org leaves its teams through the org-member cascade, so it
 * is not planned again here. Deleting a team removes its participation in
 * every workspace on the platform: the delete lists those participations
 * (`cascade`) and each counts towards the safety caps, as the team does.
 */
import type { ActualTeam, DesiredTeam } from './model.js';
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import {
  changedReason,
  createReason,
  deps,
  handleExtra,
  pruneReason,
  sourceOf,
  type OrgScope,
} from '../kit/scope.js';

type TeamScope = Omit<OrgScope, 'deletedTeams'>;

/** Plans teams and their members; returns the names of teams this plan deletes. */
export function planTeams(s: TeamScope): ReadonlySet<string> {
  const deleted = new Set<string>();
  const desired = s.org.teams;
  if (desired === undefined || !s.orgLevel) return deleted;
  const org = s.org.name;
  const live = s.actual?.teams ?? [];
  s.out.collectionSize(`${org}/teams`, live.length);
  const liveByName = new Map(live.map((t) => [t.name, t]));
  const declared = new Set(desired.map((t) => t.name));
  for (const team of desired) planDeclaredTeam(s, team, liveByName.get(team.name));
  for (const team of live) {
    if (declared.has(team.name)) continue;
    const teamAddress = address.team(org, team.name);
    const doDelete = handleExtra(s.out, {
      address: teamAddress,
      kind: 'team',
      org,
      name: team.name,
      ignoreKeys: [team.name],
      ignore: s.org.ignore.teams,
      prune: s.org.policy.prune.teams,
      collection: 'teams',
      file: s.org.source.file,
    });
    if (!doDelete) continue;
    deleted.add(team.name);
    const cascade = s.removedWith('team', team.name);
    s.out.add({
      kind: 'team',
      type: 'delete',
      address: teamAddress,
      org,
      name: team.name,
      reason: `${pruneReason(s.org.source.file, 'teams')}; also removes its ${cascade.length} workspace participation${cascade.length === 1 ? '' : 's'}`,
      changes: team.description === undefined ? [] : [{ field: 'description', from: team.description }],
      dependsOn: [],
      current: withoutMembers(team),
      cascade: cascade.map((c) => c.address),
    });
    s.out.deletion({ org, collection: `${org}/teams`, address: teamAddress });
    for (const entry of cascade) {
      s.out.collectionSize(entry.collection, entry.size);
      s.out.deletion({ org, collection: entry.collection, address: entry.address });
    }
  }
  return deleted;
}

function planDeclaredTeam(s: TeamScope, team: DesiredTeam, live: ActualTeam | undefined): void {
  const org = s.org.name;
  const teamAddress = address.team(org, team.name);
  if (live === undefined) {
    s.out.add({
      kind: 'team',
      type: 'create',
      address: teamAddress,
      org,
      name: team.name,
      reason: createReason(s.org.source.file),
      changes: [
        ...(team.description === undefined ? [] : [{ field: 'description', to: team.description }]),
        { field: 'name', to: team.name },
      ],
      dependsOn: s.orgCreated ? [address.org(org)] : [],
      desired: canonicalTeam(team),
    });
  } else if (team.description !== undefined && team.description !== (live.description ?? '')) {
    s.out.add({
      kind: 'team',
      type: 'update',
      address: teamAddress,
      org,
      name: team.name,
      reason: changedReason(['description']),
      changes: [{ field: 'description', from: live.description, to: team.description }],
      dependsOn: [],
      desired: canonicalTeam(team),
      current: withoutMembers(live),
    });
  }
  if (team.members === undefined) return;
  if (live?.idpGroupId !== undefined) {
    s.out.block({
      rule: 'idpTeamMembers',
      message:
        `${sourceOf(team.source)}: team ${team.name} takes its members from an identity provider group` +
        `${live.idpGroupName === undefined ? '' : ` (${live.idpGroupName})`}: remove its members: list, the ` +
        'identity provider manages them',
      addresses: [teamAddress],
    });
    return;
  }
  planTeamMembers(s, team, team.members, live);
}

function planTeamMembers(
  s: TeamScope,
  team: DesiredTeam,
  members: readonly string[],
  live: ActualTeam | undefined,
): void {
  const org = s.org.name;
  const collection = `${org}/teams/${team.name}/members`;
  const liveMembers = live?.members ?? [];
  s.out.collectionSize(collection, liveMembers.length);
  const declared = new Set(members.map(emailKey));
  const liveByEmail = new Map(liveMembers.map((m) => [emailKey(m.email), m]));
  const teamDeps = s.out.dependencyOn(address.team(org, team.name), ['create']);
  for (const email of declared) {
    if (liveByEmail.has(email)) continue;
    s.out.add({
      kind: 'teamMember',
      type: 'create',
      address: address.teamMember(org, team.name, email),
      org,
      name: email,
      team: team.name,
      reason: `listed in team ${team.name} in ${s.org.source.file}, not a member on the platform`,
      changes: [{ field: 'email', to: email }],
      dependsOn: deps(teamDeps, s.out.dependencyOn(address.member(org, email), ['create'])),
      desired: { email },
    });
  }
  for (const [email, member] of liveByEmail) {
    if (declared.has(email) || s.deletedMembers.has(email)) continue;
    const memberAddress = address.teamMember(org, team.name, email);
    const doDelete = handleExtra(s.out, {
      address: memberAddress,
      kind: 'teamMember',
      org,
      name: email,
      ignoreKeys: [email],
      ignore: s.org.ignore.teamMembers,
      prune: s.org.policy.prune.teamMembers,
      collection: `members of team ${team.name}`,
      file: s.org.source.file,
      isTokenUser: email === s.tokenEmail,
      isProtected: s.protectedUsers.has(email),
    });
    if (!doDelete) continue;
    s.out.add({
      kind: 'teamMember',
      type: 'delete',
      address: memberAddress,
      org,
      name: email,
      team: team.name,
      reason: pruneReason(s.org.source.file, `members of team ${team.name}`),
      changes: [{ field: 'email', from: email }],
      dependsOn: [],
      current: member,
    });
    s.out.deletion({ org, collection, address: memberAddress });
  }
}

function withoutMembers(team: ActualTeam): Omit<ActualTeam, 'members'> {
  return {
    teamId: team.teamId,
    name: team.name,
    ...(team.description === undefined ? {} : { description: team.description }),
    ...(team.idpGroupId === undefined ? {} : { idpGroupId: team.idpGroupId }),
    ...(team.idpGroupName === undefined ? {} : { idpGroupName: team.idpGroupName }),
  };
}

/** The declared team with its member list sorted and unique, so the plan does not depend on input order. */
function canonicalTeam(team: DesiredTeam): DesiredTeam {
  return team.members === undefined
    ? team
    : { ...team, members: [...new Set(team.members.map(emailKey))].sort() };
}
