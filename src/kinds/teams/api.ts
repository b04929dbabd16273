/**
 * Teams on the platform (`/orgs/{orgId}/teams`): the wire shapes and decoder,
 * the teams and each team's members, the writes, and a team or team member →
 * the live one.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf } from '../../api/call-helpers.js';
import { paginate } from '../../api/paginate.js';
import { orgPath, segment } from '../../api/request-path.js';
import type { Fields } from '../../api/response-shape.js';
import { decodeMember } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';
import { decodeOrgMember, type MemberDbDto } from '../members/api.js';
import type { ActualTeam, ActualTeamMember } from './model.js';
import { emailKey } from '../../model/resources.js';
import { text } from '../kit/live-text.js';

export interface TeamDbDto {
  teamId: number;
  name: string;
  description?: string | null;
  membersCount?: number;
  idpGroupId?: number;
  idpGroupName?: string;
}

/** Teams (TeamDbDto); `idpGroupId`/`idpGroupName` are null or absent for a team not linked to an IdP group. */
export function decodeTeam(f: Fields): TeamDbDto {
  return {
    teamId: f.number('teamId'),
    name: f.string('name'),
    ...opt('description', f.optString('description')),
    ...opt('membersCount', f.optNumber('membersCount')),
    ...opt('idpGroupId', f.optNumber('idpGroupId')),
    ...opt('idpGroupName', f.optString('idpGroupName')),
  };
}

export interface TeamReads {
  listTeams(orgId: number): Promise<TeamDbDto[]>;
  listTeamMembers(orgId: number, teamId: number): Promise<MemberDbDto[]>;
}

const teamPath = (orgId: number, teamId: number): string => `${orgPath(orgId)}/teams/${segment(teamId)}`;

/** The teams kind's own read endpoints. */
export const teamReads = operations(
  'teams (reads)',
  ({ transport: t, pageSize }: OperationsContext): TeamReads => {
    return {
      listTeams: (orgId) => paginate(t, `${orgPath(orgId)}/teams`, {}, 'teams', decodeTeam, pageSize),
      listTeamMembers: (orgId, teamId) =>
        paginate(t, `${teamPath(orgId, teamId)}/members`, {}, 'members', decodeOrgMember, pageSize),
    };
  },
);

export interface Team {
  name: string;
  description?: string | null;
  /** The identity provider group the team's members come from (sent back unchanged on update). */
  idpGroupId?: number | null;
}

export interface TeamWrites {
  createTeam(orgId: number, team: Team): Promise<TeamDbDto>;
  updateTeam(orgId: number, teamId: number, team: Team): Promise<void>;
  deleteTeam(orgId: number, teamId: number): Promise<void>;
  addTeamMember(orgId: number, teamId: number, userNameOrEmail: string): Promise<MemberDbDto>;
  deleteTeamMember(orgId: number, teamId: number, memberId: number): Promise<void>;
}

/** The teams kind's own write endpoints. */
export const teamWrites = operations('teams (writes)', ({ transport: t }: OperationsContext): TeamWrites => {
  return {
    async createTeam(orgId, teamBody) {
      const result = await t.call({
        method: 'POST',
        path: `${orgPath(orgId)}/teams`,
        body: { team: teamBody },
      });
      return decodeMember(result.body, 'team', contextOf(result), decodeTeam);
    },
    async updateTeam(orgId, teamId, teamBody) {
      await t.call({ method: 'PUT', path: teamPath(orgId, teamId), body: teamBody });
    },
    async deleteTeam(orgId, teamId) {
      await t.call({ method: 'DELETE', path: teamPath(orgId, teamId) });
    },
    async addTeamMember(orgId, teamId, userNameOrEmail) {
      const result = await t.call({
        method: 'POST',
        path: `${teamPath(orgId, teamId)}/members`,
        body: { userNameOrEmail },
      });
      return decodeMember(result.body, 'member', contextOf(result), decodeOrgMember);
    },
    async deleteTeamMember(orgId, teamId, memberId) {
      await t.call({
        method: 'DELETE',
        path: `${teamPath(orgId, teamId)}/members/${segment(memberId)}/delete`,
      });
    },
  };
});

/** A team and its members as the API lists them → the live team (with its IdP group, when delegated). */
export function mapTeamMember(dto: MemberDbDto): ActualTeamMember {
  return { memberId: dto.memberId, email: emailKey(dto.email) };
}

export function mapTeam(dto: TeamDbDto, members?: readonly ActualTeamMember[]): ActualTeam {
  const description = text(dto.description);
  return {
    teamId: dto.teamId,
    name: dto.name,
    ...(description === undefined ? {} : { description }),
    ...(dto.idpGroupId === undefined ? {} : { idpGroupId: dto.idpGroupId }),
    ...(dto.idpGroupName === undefined ? {} : { idpGroupName: dto.idpGroupName }),
    ...(members === undefined ? {} : { members }),
  };
}
