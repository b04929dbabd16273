/**
 * Reads one organisation: members, teams (and the managed teams' members),
 * and the workspace list, then the selected present workspaces' collections,
 * all concurrently. Requests, with pages(n) = max(1, ceil(n/100)):
 *
 *   1 (workspaces, unpaged)
 *   + [members] pages(members) + [teams] pages(teams)
 *   + Σ declared teams with managed members that exist: pages(team members)
 *   + Σ selected present workspaces that exist: read-workspace.ts
 *   + what the safety rules need once those are read: read-safety.ts
 */
import type { ApiClient } from '../api/api-client.js';
import type { OrganizationDbDto } from '../api/dto.js';
import type { ActualOrg, ActualTeam, ActualWorkspace } from '../model/actual.js';
import { text } from '../kinds/kit/live-text.js';
import { mapMember } from '../kinds/members/decode.js';
import { mapTeam, mapTeamMember } from '../kinds/teams/decode.js';
import { mapWorkspace } from '../kinds/workspace/decode.js';
import { reading } from '../kinds/kit/reading.js';
import type { OrgReads } from './read-needs.js';
import { readForSafety } from './read-safety.js';
import { readWorkspace } from './read-workspace.js';

async function readTeams(
  client: ApiClient,
  orgId: number,
  orgName: string,
  reads: OrgReads,
): Promise<ActualTeam[]> {
  const teams = await reading(`teams of ${orgName}`, () => client.listTeams(orgId));
  const withMembers = new Set(reads.teamMembers);
  return Promise.all(
    teams.map(async (team) => {
      if (!withMembers.has(team.name)) return mapTeam(team);
      const members = await reading(`members of team ${team.name} of ${orgName}`, () =>
        client.listTeamMembers(orgId, team.teamId),
      );
      return mapTeam(team, members.map(mapTeamMember));
    }),
  );
}

/** How `readActualState` schedules and observes the workspace reads. */
export interface WorkspaceReadHooks {
  /** Runs one workspace's read when a slot is free (bounds the workspaces read at once). */
  readonly limitWorkspace: <T>(read: () => Promise<T>) => Promise<T>;
  readonly onWorkspaceRead?: (orgName: string, workspace: ActualWorkspace) => void;
}

export async function readOrg(
  client: ApiClient,
  dto: OrganizationDbDto,
  reads: OrgReads,
  hooks: WorkspaceReadHooks,
  tokenEmail: string,
): Promise<ActualOrg> {
  const orgId = dto.orgId;
  const name = dto.name;
  const members = reads.members
    ? reading(`members of ${name}`, async () => (await client.listMembers(orgId)).map(mapMember))
    : Promise.resolve(undefined);
  const teams = reads.teams ? readTeams(client, orgId, name, reads) : Promise.resolve(undefined);
  const workspaces = reading(`workspaces of ${name}`, () => client.listWorkspaces(orgId)).then((list) =>
    Promise.all(
      list.map((ws) => {
        const wsReads = reads.workspaces.get(ws.name);
        if (wsReads === undefined) return Promise.resolve(mapWorkspace(ws));
        return hooks.limitWorkspace(async () => {
          const read = await readWorkspace(client, { orgId, orgName: name, dto: ws, reads: wsReads });
          hooks.onWorkspaceRead?.(name, read);
          return read;
        });
      }),
    ),
  );
  const [m, firstTeams, firstWorkspaces] = await Promise.all([members, teams, workspaces]);
  const { teams: t, workspaces: w } = await readForSafety(client, {
    orgId,
    orgName: name,
    org: reads.org,
    orgLevel: reads.orgLevel,
    tokenEmail,
    members: m,
    teams: firstTeams,
    workspaces: firstWorkspaces,
  });
  const description = text(dto.description);
  return {
    orgId,
    name,
    fullName: dto.fullName,
    ...(description === undefined ? {} : { description }),
    ...(typeof dto.memberRole === 'string' ? { callerRole: dto.memberRole } : {}),
    ...(m === undefined ? {} : { members: m }),
    ...(t === undefined ? {} : { teams: t }),
    workspaces: w,
  };
}
