/**
 * Org members: owners and members by email; role changes
 * in place; extras pruned only when asked, never the token's user or a
 * protected user; collaborators follow from participation and are never
 * pruned here. Removing a member cascades on the platform to their team
 * memberships and participations: the delete lists them and they count
 * towards the safety caps.
 */
import type { ActualMember, DesiredMember } from './model.js';
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import { createReason, handleExtra, pruneReason, sourceOf, type OrgScope } from '../kit/scope.js';
import { isOrgDemotion } from '../../model/roles.js';

type MemberScope = Omit<OrgScope, 'deletedMembers' | 'deletedTeams'>;

/** Plans org members; returns the emails whose membership is deleted. */
export function planMembers(s: MemberScope): ReadonlySet<string> {
  const deleted = new Set<string>();
  const desired = s.org.members;
  if (desired === undefined || !s.orgLevel) return deleted;
  const org = s.org.name;
  const live = s.actual?.members ?? [];
  s.out.collectionSize(`${org}/members`, live.length);
  const liveByEmail = new Map(live.map((m) => [emailKey(m.email), m]));
  const declared = new Set<string>();
  for (const member of desired) {
    const email = emailKey(member.email);
    declared.add(email);
    planDeclaredMember(s, member, email, liveByEmail.get(email));
  }
  for (const [email, member] of liveByEmail) {
    if (declared.has(email) || member.role === 'collaborator') continue;
    const memberAddress = address.member(org, email);
    const doDelete = handleExtra(s.out, {
      address: memberAddress,
      kind: 'member',
      org,
      name: email,
      ignoreKeys: [email],
      ignore: s.org.ignore.members,
      prune: s.org.policy.prune.members,
      collection: 'members',
      file: s.org.source.file,
      isTokenUser: email === s.tokenEmail,
      isProtected: s.protectedUsers.has(email),
    });
    if (!doDelete) continue;
    deleted.add(email);
    const cascade = s.removedWith('member', email);
    s.out.add({
      kind: 'member',
      type: 'delete',
      address: memberAddress,
      org,
      name: email,
      reason: `${pruneReason(s.org.source.file, 'members')}; also removes them from ${cascade.length === 1 ? '1 team or workspace' : `${cascade.length} teams and workspaces`}`,
      changes: [{ field: 'role', from: member.role }],
      dependsOn: [],
      current: member,
      cascade: cascade.map((c) => c.address),
    });
    s.out.deletion({ org, collection: `${org}/members`, address: memberAddress });
    for (const entry of cascade) {
      s.out.collectionSize(entry.collection, entry.size);
      s.out.deletion({ org, collection: entry.collection, address: entry.address });
    }
    checkStillReferenced(s, email, memberAddress);
  }
  return deleted;
}

function planDeclaredMember(
  s: MemberScope,
  member: DesiredMember,
  email: string,
  live: ActualMember | undefined,
): void {
  const org = s.org.name;
  const memberAddress = address.member(org, email);
  if (email === s.tokenEmail && member.role !== 'owner') {
    s.out.block({
      rule: 'tokenUser',
      message: `${email} is the token's own user: it may be declared only as owner, not ${member.role} (${sourceOf(member.source)})`,
      addresses: [memberAddress],
    });
  }
  if (live === undefined) {
    // The platform makes an org's creator (the token's user) its owner.
    if (email === s.tokenEmail && member.role === 'owner' && s.orgCreated) return;
    s.out.add({
      kind: 'member',
      type: 'create',
      address: memberAddress,
      org,
      name: email,
      reason: createReason(s.org.source.file),
      changes: [{ field: 'role', to: member.role }],
      dependsOn: s.orgCreated ? [address.org(org)] : [],
      desired: { ...member, email },
    });
    return;
  }
  if (live.role === member.role) return;
  if (s.protectedUsers.has(email) && isOrgDemotion(live.role, member.role)) {
    s.out.block({
      rule: 'protectedUser',
      message: `${email} is a protected user: ${sourceOf(member.source)} demotes them from ${live.role} to ${member.role}`,
      addresses: [memberAddress],
    });
  }
  s.out.add({
    kind: 'member',
    type: 'update',
    address: memberAddress,
    org,
    name: email,
    reason: `role differs from the platform`,
    changes: [{ field: 'role', from: live.role, to: member.role }],
    dependsOn: [],
    desired: { ...member, email },
    current: live,
  });
}

/** Removing a member whom a file still declares as a participant or team member blocks the plan. */
function checkStillReferenced(s: MemberScope, email: string, memberAddress: string): void {
  const org = s.org.name;
  const references: string[] = [];
  for (const team of s.org.teams ?? []) {
    if ((team.members ?? []).some((m) => emailKey(m) === email))
      references.push(address.teamMember(org, team.name, email));
  }
  for (const ws of s.org.workspaces) {
    if (ws.state === 'absent') continue;
    if ((ws.participants ?? []).some((p) => p.type === 'user' && emailKey(p.email) === email)) {
      references.push(address.userParticipant(org, ws.name, email));
    }
  }
  if (references.length === 0) return;
  references.sort();
  s.out.block({
    rule: 'memberStillReferenced',
    message: `removing org member ${email} also removes them from teams and workspaces, but ${references.join(', ')} still declare${references.length === 1 ? 's' : ''} them: declare them in ${s.org.source.file} or remove those entries`,
    addresses: [memberAddress, ...references],
  });
}
