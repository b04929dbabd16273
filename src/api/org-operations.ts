/** User info, organisations, org members and teams (`/user-info`, `/orgs/…`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { decodeMember as member } from './decoders/member.js';
import { decodeOrganization } from './decoders/organization.js';
import { decodeTeam } from './decoders/team.js';
import { decodeUserInfo } from './decoders/user.js';
import type {
  DescribeUserResponse,
  MemberDbDto,
  Organization,
  OrganizationDbDto,
  Team,
  TeamDbDto,
  UpdateOrganizationRequest,
} from './dto.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember, Fields } from './response-shape.js';

/** The client's user, organisation, member and team methods (part of `ApiClient`). */
export interface OrgOperations {
  getUserInfo(): Promise<DescribeUserResponse>;

  listOrganizations(): Promise<OrganizationDbDto[]>;
  createOrganization(org: Organization): Promise<OrganizationDbDto>;
  updateOrganization(orgId: number, body: UpdateOrganizationRequest): Promise<void>;

  listMembers(orgId: number): Promise<MemberDbDto[]>;
  /** PUT /orgs/{orgId}/members/add {user}. */
  addMember(orgId: number, email: string): Promise<MemberDbDto>;
  updateMemberRole(orgId: number, memberId: number, role: string): Promise<void>;
  deleteMember(orgId: number, memberId: number): Promise<void>;

  listTeams(orgId: number): Promise<TeamDbDto[]>;
  createTeam(orgId: number, team: Team): Promise<TeamDbDto>;
  updateTeam(orgId: number, teamId: number, team: Team): Promise<void>;
  deleteTeam(orgId: number, teamId: number): Promise<void>;
  listTeamMembers(orgId: number, teamId: number): Promise<MemberDbDto[]>;
  addTeamMember(orgId: number, teamId: number, userNameOrEmail: string): Promise<MemberDbDto>;
  deleteTeamMember(orgId: number, teamId: number, memberId: number): Promise<void>;
}

export function orgOperations({ transport: t, pageSize }: OperationsContext): OrgOperations {
  const org = (orgId: number): string => `/orgs/${segment(orgId)}`;
  const team = (orgId: number, teamId: number): string => `${org(orgId)}/teams/${segment(teamId)}`;
  return {
    async getUserInfo() {
      const result = await t.call({ method: 'GET', path: '/user-info' });
      return decodeUserInfo(Fields.body(result.body, contextOf(result)));
    },

    async listOrganizations() {
      const result = await t.call({ method: 'GET', path: '/orgs' });
      return decodeList(result.body, 'organizations', contextOf(result), decodeOrganization);
    },
    async createOrganization(organization) {
      const result = await t.call({ method: 'POST', path: '/orgs', body: { organization } });
      return decodeMember(result.body, 'organization', contextOf(result), decodeOrganization);
    },
    async updateOrganization(orgId, body) {
      await t.call({ method: 'PUT', path: org(orgId), body });
    },

    listMembers: (orgId) => paginate(t, `${org(orgId)}/members`, {}, 'members', member, pageSize),
    async addMember(orgId, email) {
      const result = await t.call({
        method: 'PUT',
        path: `${org(orgId)}/members/add`,
        body: { user: email },
        replaySafe: false,
      });
      return decodeMember(result.body, 'member', contextOf(result), member);
    },
    async updateMemberRole(orgId, memberId, role) {
      await t.call({
        method: 'PUT',
        path: `${org(orgId)}/members/${segment(memberId)}/role`,
        body: { role },
      });
    },
    async deleteMember(orgId, memberId) {
      await t.call({ method: 'DELETE', path: `${org(orgId)}/members/${segment(memberId)}` });
    },

    listTeams: (orgId) => paginate(t, `${org(orgId)}/teams`, {}, 'teams', decodeTeam, pageSize),
    async createTeam(orgId, teamBody) {
      const result = await t.call({ method: 'POST', path: `${org(orgId)}/teams`, body: { team: teamBody } });
      return decodeMember(result.body, 'team', contextOf(result), decodeTeam);
    },
    async updateTeam(orgId, teamId, teamBody) {
      await t.call({ method: 'PUT', path: team(orgId, teamId), body: teamBody });
    },
    async deleteTeam(orgId, teamId) {
      await t.call({ method: 'DELETE', path: team(orgId, teamId) });
    },
    listTeamMembers: (orgId, teamId) =>
      paginate(t, `${team(orgId, teamId)}/members`, {}, 'members', member, pageSize),
    async addTeamMember(orgId, teamId, userNameOrEmail) {
      const result = await t.call({
        method: 'POST',
        path: `${team(orgId, teamId)}/members`,
        body: { userNameOrEmail },
      });
      return decodeMember(result.body, 'member', contextOf(result), member);
    },
    async deleteTeamMember(orgId, teamId, memberId) {
      await t.call({ method: 'DELETE', path: `${team(orgId, teamId)}/members/${segment(memberId)}/delete` });
    },
  };
}
