/**
 * Workspace participants: users by email, teams by name;
 * roles change in place; a user joins after their org-member create (so as a
 * member, not a collaborator), a team after its team create. The token's user
 * may be declared only as owner; a protected user is never demoted or pruned.
 */
import type { ActualParticipant, DesiredParticipant } from './model.js';
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import { isWorkspaceDemotion } from '../../model/roles.js';
import {
  createReason,
  deps,
  handleExtra,
  pruneReason,
  sourceOf,
  workspaceDeps,
  type WorkspaceScope,
} from '../kit/scope.js';

function desiredKey(p: DesiredParticipant): string {
  return p.type === 'team' ? `team:${p.team}` : emailKey(p.email);
}

function liveKey(p: ActualParticipant): string {
  return p.type === 'team' ? `team:${p.teamName}` : emailKey(p.email);
}

function addressOf(s: WorkspaceScope, key: string): string {
  return key.startsWith('team:')
    ? address.teamParticipant(s.org.name, s.ws.name, key.slice('team:'.length))
    : address.userParticipant(s.org.name, s.ws.name, key);
}

export function planParticipants(s: WorkspaceScope): void {
  const desired = s.ws.participants;
  if (desired === undefined) return;
  const org = s.org.name;
  const live = s.actualWs?.participants ?? [];
  s.out.collectionSize(`${org}/${s.ws.name}/participants`, live.length);
  const liveByKey = new Map(live.map((p) => [liveKey(p), p]));
  const declared = new Set<string>();
  for (const participant of desired) {
    const key = desiredKey(participant);
    declared.add(key);
    planDeclared(s, participant, key, liveByKey.get(key));
  }
  for (const [key, participant] of liveByKey) {
    if (declared.has(key)) continue;
    const isUser = participant.type !== 'team';
    // A deleted member's or team's participations go with it (the delete's cascade).
    if (isUser && s.deletedMembers.has(key)) continue;
    if (participant.type === 'team' && s.deletedTeams.has(participant.teamName)) continue;
    const participantAddress = addressOf(s, key);
    const doDelete = handleExtra(s.out, {
      address: participantAddress,
      kind: 'participant',
      org,
      workspace: s.ws.name,
      name: key,
      ignoreKeys: participant.type === 'team' ? [key, participant.teamName] : [key],
      ignore: s.ws.ignore.participants,
      prune: s.ws.prune.participants,
      collection: 'participants',
      file: s.ws.source.file,
      isTokenUser: isUser && key === s.tokenEmail,
      isProtected: isUser && s.protectedUsers.has(key),
    });
    if (!doDelete) continue;
    s.out.add({
      kind: 'participant',
      type: 'delete',
      address: participantAddress,
      org,
      workspace: s.ws.name,
      name: key,
      reason: pruneReason(s.ws.source.file, 'participants'),
      changes: [{ field: 'role', from: participant.role }],
      dependsOn: [],
      current: participant,
    });
    s.out.deletion({ org, collection: `${org}/${s.ws.name}/participants`, address: participantAddress });
  }
}

function planDeclared(
  s: WorkspaceScope,
  participant: DesiredParticipant,
  key: string,
  live: ActualParticipant | undefined,
): void {
  const org = s.org.name;
  const participantAddress = addressOf(s, key);
  const isTokenUser = participant.type === 'user' && key === s.tokenEmail;
  if (isTokenUser && participant.role !== 'owner') {
    s.out.block({
      rule: 'tokenUser',
      message: `${key} is the token's own user: it may be declared only as owner, not ${participant.role} (${sourceOf(participant.source)})`,
      addresses: [participantAddress],
    });
  }
  if (participant.type === 'team') checkTeamExists(s, participant, participantAddress);
  if (live === undefined) {
    // The platform makes a workspace's creator (the token's user) its owner.
    if (isTokenUser && participant.role === 'owner' && s.actualWs === undefined) return;
    const principal =
      participant.type === 'team'
        ? s.out.dependencyOn(address.team(org, participant.team), ['create'])
        : s.out.dependencyOn(address.member(org, key), ['create']);
    s.out.add({
      kind: 'participant',
      type: 'create',
      address: participantAddress,
      org,
      workspace: s.ws.name,
      name: key,
      reason: createReason(s.ws.source.file),
      changes: [{ field: 'role', to: participant.role }],
      dependsOn: deps(workspaceDeps(s), principal),
      desired: participant.type === 'user' ? { ...participant, email: key } : participant,
    });
    return;
  }
  if (live.role === participant.role) return;
  if (
    participant.type === 'user' &&
    s.protectedUsers.has(key) &&
    isWorkspaceDemotion(live.role, participant.role)
  ) {
    s.out.block({
      rule: 'protectedUser',
      message: `${key} is a protected user: ${sourceOf(participant.source)} demotes them from ${live.role} to ${participant.role} in ${org}/${s.ws.name}`,
      addresses: [participantAddress],
    });
  }
  s.out.add({
    kind: 'participant',
    type: 'update',
    address: participantAddress,
    org,
    workspace: s.ws.name,
    name: key,
    reason: 'role differs from the platform',
    changes: [{ field: 'role', from: live.role, to: participant.role }],
    dependsOn: [],
    desired: participant.type === 'user' ? { ...participant, email: key } : participant,
    current: live,
  });
}

/**
 * A team participant must name a team: one the org file declares (when this
 * run plans teams) or one that exists on the platform. When the org exists
 * and its teams were not read, the platform answers instead.
 */
function checkTeamExists(
  s: WorkspaceScope,
  participant: { readonly team: string; readonly source: { readonly file: string; readonly line: number } },
  participantAddress: string,
): void {
  const declared =
    s.orgLevel &&
    (s.org.teams ?? []).some((t) => t.name === participant.team) &&
    !s.deletedTeams.has(participant.team);
  if (declared) return;
  if (s.actual !== undefined && s.actual.teams === undefined) return;
  const live =
    (s.actual?.teams ?? []).some((t) => t.name === participant.team) && !s.deletedTeams.has(participant.team);
  if (live) return;
  s.out.block({
    rule: 'unknownTeam',
    message: `team ${participant.team} (${sourceOf(participant.source)}) is not declared in ${s.org.source.file}${s.orgLevel ? '' : ' (teams are not planned with --workspace)'} and does not exist on the platform`,
    addresses: [participantAddress],
  });
}
