/**
 * Reads an organisation's access at the request floor: list endpoints only,
 * each paged to its end by the client (`max=100`), no describe and no call
 * per person:
 *   1 GET /orgs (the organisation's id, and the token's user's member id in it)
 *   1 GET /orgs/{id}/workspaces (not paged by the API)
 *   pages(members) GET /orgs/{id}/members
 *   pages(teams) GET /orgs/{id}/teams, then pages(its members) per team
 *   pages(participants) per workspace
 * Visibility is lower-cased (the API sends PRIVATE/SHARED). Collaborators are not in the member list: their org role comes from the
 * participant and team-member rows, which carry it.
 */
import pLimit from 'p-limit';
import type { ApiClient } from '../api/api-client.js';
import type { ParticipantResponseDto } from '../kinds/participants/api.js';
import { SyncError } from '../errors.js';
import type { LiveAccess, LiveParticipant } from './live-access.js';
import { organizationReads } from '../kinds/organization/api.js';
import { memberReads } from '../kinds/members/api.js';
import { teamReads } from '../kinds/teams/api.js';
import { workspaceReads } from '../kinds/workspace/api.js';
import { participantReads } from '../kinds/participants/api.js';

/** Lists in flight at once (the client's own rate limit spaces them). */
export const LISTS_IN_FLIGHT = 32;

function lower(email: string | null | undefined): string | undefined {
  const trimmed = email?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed.toLowerCase();
}

function participantOf(p: ParticipantResponseDto): LiveParticipant | undefined {
  if (p.type.toUpperCase() === 'TEAM') {
    return p.teamName === undefined || p.teamName === null
      ? undefined
      : { kind: 'team', team: p.teamName, role: p.wspRole };
  }
  const email = lower(p.email) ?? lower(p.userName);
  if (email === undefined) return undefined;
  return { kind: 'user', email, orgRole: p.orgRole ?? undefined, role: p.wspRole };
}

export async function readAccess(client: ApiClient, orgName: string): Promise<LiveAccess> {
  const orgs = await client.use(organizationReads).listOrganizations();
  const org = orgs.find((o) => o.name === orgName);
  if (org === undefined) {
    throw new SyncError(
      `organisation ${orgName} was not found on ${client.endpoint} (or the token's user is not a member of it)`,
    );
  }
  const limit = pLimit(LISTS_IN_FLIGHT);
  const [members, teams, workspaces] = await Promise.all([
    limit(() => client.use(memberReads).listMembers(org.orgId)),
    limit(() => client.use(teamReads).listTeams(org.orgId)),
    limit(() => client.use(workspaceReads).listWorkspaces(org.orgId)),
  ]);
  const [teamMembers, participants] = await Promise.all([
    Promise.all(teams.map((t) => limit(() => client.use(teamReads).listTeamMembers(org.orgId, t.teamId)))),
    Promise.all(
      workspaces.map((w) => limit(() => client.use(participantReads).listParticipants(org.orgId, w.id))),
    ),
  ]);
  return {
    org: { name: org.name, fullName: org.fullName },
    tokenMemberId: org.memberId,
    members: members.flatMap((m) => {
      const email = lower(m.email);
      return email === undefined ? [] : [{ memberId: m.memberId, email, role: m.role }];
    }),
    teams: teams.map((t, i) => ({
      name: t.name,
      members: (teamMembers[i] ?? []).flatMap((m) => {
        const email = lower(m.email);
        return email === undefined ? [] : [{ email, orgRole: m.role }];
      }),
    })),
    workspaces: workspaces.map((w, i) => ({
      name: w.name,
      fullName: w.fullName,
      visibility: w.visibility.toLowerCase(),
      participants: (participants[i] ?? []).flatMap((p) => {
        const live = participantOf(p);
        return live === undefined ? [] : [live];
      }),
    })),
  };
}
