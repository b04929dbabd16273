/**
 * Safety rules checked once everything is planned: deletion caps
 * (absolute per org, and per collection as a ratio of its live size) and
 * never leaving an org without an owner or a workspace without an
 * owner/admin. Blocks that a flag lifts are not recorded when the flag is
 * given: the plan is then not blocked, and its actions are unchanged.
 */
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import { address } from '../model/address.js';
import type { DesiredOrg } from '../model/desired.js';
import type { PlanAction, PlanOptions } from '../model/plan.js';
import { emailKey } from '../model/resources.js';
import type { PlanCollector } from './collector.js';
import { isWorkspaceAdminRole } from '../model/roles.js';

/** Largest number of deletions a collection of `size` live items allows (floored, at least 1); `undefined` below 4 items. */
export function ratioCap(size: number, ratio: number): number | undefined {
  if (size < 4) return undefined;
  return Math.max(1, Math.floor(ratio * size + 1e-9));
}

export function checkDeletionCaps(out: PlanCollector, org: DesiredOrg, options: PlanOptions): void {
  if (options.allowDeletions) return;
  const records = out.deletions.filter((d) => d.org === org.name);
  const total = [...new Set(records.map((d) => d.address))].sort();
  if (total.length > org.policy.maxDeletions) {
    out.block({
      rule: 'maxDeletions',
      message: `${total.length} deletions planned in organisation ${org.name} (cascades included), more than maxDeletions (${org.policy.maxDeletions})`,
      addresses: total,
      override: '--allow-deletions',
    });
  }
  const byCollection = new Map<string, string[]>();
  for (const record of records)
    byCollection.set(record.collection, [...(byCollection.get(record.collection) ?? []), record.address]);
  for (const [collection, addresses] of byCollection) {
    const size = out.collectionSizes.get(collection) ?? 0;
    const cap = ratioCap(size, org.policy.maxDeletionRatio);
    const unique = [...new Set(addresses)].sort();
    if (cap === undefined || unique.length <= cap) continue;
    out.block({
      rule: 'maxDeletionRatio',
      message: `${unique.length} of ${size} items deleted from ${collection}, more than maxDeletionRatio (${org.policy.maxDeletionRatio}) allows (${cap})`,
      addresses: unique,
      override: '--allow-deletions',
    });
  }
}

/** Org owners after the plan: a plan may not take the last one away. */
export function checkLastOrgOwner(out: PlanCollector, org: DesiredOrg, actual: ActualOrg | undefined): void {
  if (actual?.members === undefined) return;
  const roles = new Map(actual.members.map((m) => [address.member(org.name, emailKey(m.email)), m.role]));
  const before = countOwners(roles);
  const touched: string[] = [];
  for (const action of out.actions) {
    if (action.kind !== 'member' || action.org !== org.name) continue;
    touched.push(action.address);
    if (action.type === 'delete') roles.delete(action.address);
    else if (action.desired !== undefined) roles.set(action.address, action.desired.role);
  }
  if (before === 0 || countOwners(roles) > 0) return;
  out.block({
    rule: 'lastOrgOwner',
    message: `organisation ${org.name} would be left without an owner`,
    addresses: touched.sort(),
  });
}

function countOwners(roles: ReadonlyMap<string, string>): number {
  return [...roles.values()].filter((role) => role === 'owner').length;
}

/**
 * Owners/admins (direct, or through a team that has members) of every read
 * workspace the plan touches, after its participant actions, member and team
 * cascades, team deletions and team membership changes: a plan may not take
 * the last one away. A team counts only while it has at least one member
 * after the plan: an empty admin team administers nothing. A team whose
 * membership was not read counts as having members (the reader reads it
 * whenever a workspace depends on it).
 */
export function checkLastWorkspaceAdmins(
  out: PlanCollector,
  org: DesiredOrg,
  actual: ActualOrg | undefined,
  deletedTeams: ReadonlySet<string>,
): void {
  const actions = out.actions.filter((a) => a.org === org.name);
  const cascaded = new Set(
    actions.flatMap((a) =>
      (a.kind === 'member' || a.kind === 'team') && a.type === 'delete' ? (a.cascade ?? []) : [],
    ),
  );
  const teams: TeamMembership = {
    before: teamSizes(actual, [], new Set()),
    after: teamSizes(actual, actions, deletedTeams),
  };
  for (const ws of actual?.workspaces ?? []) {
    if (ws.participants === undefined) continue;
    if (out.get(address.workspace(org.name, ws.name))?.type === 'delete') continue;
    checkWorkspace(out, org.name, ws, actions, cascaded, teams);
  }
}

interface TeamMembership {
  /** Members per team name on the platform; absent when not read. */
  readonly before: ReadonlyMap<string, number>;
  /** Members per team name after the plan; absent when not read (and not created by it). */
  readonly after: ReadonlyMap<string, number>;
}

/**
 * Members per team: the live members (when read) less team-member deletes
 * and removed org members, plus team-member creates. A team this plan
 * creates starts empty; a deleted team is left out (it no longer exists).
 */
function teamSizes(
  actual: ActualOrg | undefined,
  actions: readonly PlanAction[],
  deletedTeams: ReadonlySet<string>,
): Map<string, number> {
  const members = new Map<string, Set<string>>();
  for (const team of actual?.teams ?? []) {
    if (team.members !== undefined)
      members.set(team.name, new Set(team.members.map((m) => emailKey(m.email))));
  }
  const removedMembers = new Set(
    actions.flatMap((a) => (a.kind === 'member' && a.type === 'delete' ? [a.name] : [])),
  );
  for (const action of actions) {
    if (action.kind === 'team' && action.type === 'create') members.set(action.name, new Set());
  }
  for (const action of actions) {
    if (action.kind !== 'teamMember') continue;
    const set = members.get(action.team);
    if (set === undefined) continue;
    if (action.type === 'delete') set.delete(action.name);
    else set.add(action.name);
  }
  const sizes = new Map<string, number>();
  for (const [team, set] of members) {
    if (deletedTeams.has(team)) continue;
    sizes.set(team, [...set].filter((email) => !removedMembers.has(email)).length);
  }
  return sizes;
}

function checkWorkspace(
  out: PlanCollector,
  org: string,
  ws: ActualWorkspace,
  actions: readonly PlanAction[],
  cascaded: ReadonlySet<string>,
  teams: TeamMembership,
): void {
  const roles = new Map<string, string>();
  const teamOf = new Map<string, string>();
  for (const p of ws.participants ?? []) {
    const participantAddress =
      p.type === 'team'
        ? address.teamParticipant(org, ws.name, p.teamName)
        : address.userParticipant(org, ws.name, emailKey(p.email));
    roles.set(participantAddress, p.role);
    if (p.type === 'team') teamOf.set(participantAddress, p.teamName);
  }
  const before = countAdmins(roles, teamOf, teams.before);
  const touched: string[] = [];
  for (const action of actions) {
    if (action.kind !== 'participant' || action.workspace !== ws.name) continue;
    touched.push(action.address);
    if (action.type === 'delete') roles.delete(action.address);
    else if (action.desired !== undefined) {
      roles.set(action.address, action.desired.role);
      if (action.desired.type === 'team') teamOf.set(action.address, action.desired.team);
    }
  }
  for (const participantAddress of [...roles.keys()]) {
    if (cascaded.has(participantAddress)) {
      roles.delete(participantAddress);
      touched.push(participantAddress);
    }
  }
  const emptyTeams: string[] = [];
  for (const [participantAddress, role] of roles) {
    const team = teamOf.get(participantAddress);
    if (team === undefined || !isWorkspaceAdminRole(role)) continue;
    const size = teams.after.get(team);
    if (size === undefined && !teams.before.has(team)) continue;
    if (size === undefined || size === 0) {
      emptyTeams.push(team);
      touched.push(participantAddress);
    }
  }
  if (before === 0 || countAdmins(roles, teamOf, teams.after) > 0) return;
  const why =
    emptyTeams.length === 0
      ? ''
      : `: its remaining admin team${emptyTeams.length === 1 ? '' : 's'} ${emptyTeams.sort().join(', ')} would have no members`;
  out.block({
    rule: 'lastWorkspaceAdmin',
    message: `workspace ${org}/${ws.name} would be left without an owner or admin (direct, or through a team with members)${why}`,
    addresses: [address.workspace(org, ws.name), ...[...new Set(touched)].sort()],
  });
}

/** Owners/admins among `roles`; a team counts only when it has members (or its membership is unknown). */
function countAdmins(
  roles: ReadonlyMap<string, string>,
  teamOf: ReadonlyMap<string, string>,
  sizes: ReadonlyMap<string, number>,
): number {
  let count = 0;
  for (const [participantAddress, role] of roles) {
    if (!isWorkspaceAdminRole(role)) continue;
    const team = teamOf.get(participantAddress);
    if (team !== undefined && sizes.get(team) === 0) continue;
    count++;
  }
  return count;
}
