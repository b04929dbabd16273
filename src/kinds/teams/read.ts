/**
 * Reading teams: the team list when teams are managed and the org level is
 * planned, or when another kind asks for it (`teams`: a workspace's managed
 * participants name a team, whose id is needed to add it); the members of
 * each declared team whose membership is managed (`teamMembers`, org level
 * planned). The team list carries no total size, so a full last page costs
 * one more request. The safety rules' further reads: `safety-reads.ts`.
 */
import type { ActualTeam } from './model.js';
import type { KindRead, OrgRead, OrgReadContext, RequestCost } from '../kind-read.js';
import { sizeByName, sizeOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapTeam, mapTeamMember, teamReads } from './api.js';
import { completeForSafety } from './safety-reads.js';

const LIST = 'GET /orgs/{id}/teams';
const MEMBERS = 'GET /orgs/{id}/teams/{id}/members';

function withMembersOf(teamMembers: unknown): readonly string[] {
  return Array.isArray(teamMembers) ? teamMembers.filter((name) => typeof name === 'string') : [];
}

async function readTeams(ctx: OrgReadContext, withMembers: ReadonlySet<string>): Promise<ActualTeam[]> {
  const teams = await reading(`teams of ${ctx.orgName}`, () =>
    ctx.client.use(teamReads).listTeams(ctx.orgId),
  );
  return Promise.all(
    teams.map(async (team) => {
      if (!withMembers.has(team.name)) return mapTeam(team);
      const members = await reading(`members of team ${team.name} of ${ctx.orgName}`, () =>
        ctx.client.use(teamReads).listTeamMembers(ctx.orgId, team.teamId),
      );
      return mapTeam(team, members.map(mapTeamMember));
    }),
  );
}

const teams: OrgRead<'teams'> = {
  field: 'teams',
  needs: (org, orgLevel, asked) => ({
    teams: (orgLevel && org.teams !== undefined) || asked.teams === true,
    teamMembers: orgLevel ? (org.teams ?? []).filter((t) => t.members !== undefined).map((t) => t.name) : [],
  }),
  read: async (ctx, reads) =>
    reads.teams === true ? readTeams(ctx, new Set(withMembersOf(reads.teamMembers))) : undefined,
  requests: (reads, live) => {
    if (reads.teams !== true) return [];
    const costs: RequestCost[] = [{ route: LIST, listOf: sizeOf(live, 'teams'), withoutTotal: true }];
    for (const team of withMembersOf(reads.teamMembers)) {
      const size = sizeByName(live, 'teamMembers', team);
      if (size !== undefined) costs.push({ route: MEMBERS, listOf: size, after: LIST });
    }
    return costs;
  },
  // Every team, and the members of each.
  accessReport: (live) => {
    const byTeam = live['teamMembers'];
    return {
      teams: true,
      teamMembers: typeof byTeam === 'object' && byTeam !== null ? Object.keys(byTeam) : [],
    };
  },
  complete: completeForSafety,
};

export const teamsRead: KindRead = { org: teams };
