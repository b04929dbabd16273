/** User info, organisations, org members and teams (REFERENCE §1–4). */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import type { DescribeUserResponse } from './dto.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { expectMember, narrow, narrowList } from './response-shape.js';
import { memberShape, organizationShape, teamShape, userShape } from './shapes.js';
import type { Transport } from './transport.js';

export type OrgOperations = Pick<
  ApiClient,
  | 'getUserInfo'
  | 'listOrganizations'
  | 'createOrganization'
  | 'updateOrganization'
  | 'listMembers'
  | 'addMember'
  | 'updateMemberRole'
  | 'deleteMember'
  | 'listTeams'
  | 'createTeam'
  | 'updateTeam'
  | 'deleteTeam'
  | 'listTeamMembers'
  | 'addTeamMember'
  | 'deleteTeamMember'
>;

export function orgOperations(t: Transport): OrgOperations {
  const org = (orgId: number): string => `/orgs/${segment(orgId)}`;
  const team = (orgId: number, teamId: number): string => `${org(orgId)}/teams/${segment(teamId)}`;
  return {
    async getUserInfo(): Promise<DescribeUserResponse> {
      const result = await t.call({ method: 'GET', path: '/user-info' });
      const ctx = contextOf(result);
      const user = narrow(expectMember(result.body, 'user', ctx), userShape, ctx, 'user');
      return { ...(result.body as DescribeUserResponse), user };
    },

    async listOrganizations() {
      const result = await t.call({ method: 'GET', path: '/orgs' });
      return narrowList(result.body, 'organizations', organizationShape, contextOf(result));
    },
    async createOrganization(organization) {
      const result = await t.call({ method: 'POST', path: '/orgs', body: { organization } });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'organization', ctx), organizationShape, ctx, 'organization');
    },
    async updateOrganization(orgId, body) {
      await t.call({ method: 'PUT', path: org(orgId), body });
    },

    listMembers: (orgId) => paginate(t, `${org(orgId)}/members`, {}, 'members', memberShape),
    async addMember(orgId, email) {
      const result = await t.call({
        method: 'PUT',
        path: `${org(orgId)}/members/add`,
        body: { user: email },
        replaySafe: false,
      });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'member', ctx), memberShape, ctx, 'member');
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

    listTeams: (orgId) => paginate(t, `${org(orgId)}/teams`, {}, 'teams', teamShape),
    async createTeam(orgId, teamBody) {
      const result = await t.call({ method: 'POST', path: `${org(orgId)}/teams`, body: { team: teamBody } });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'team', ctx), teamShape, ctx, 'team');
    },
    async updateTeam(orgId, teamId, teamBody) {
      await t.call({ method: 'PUT', path: team(orgId, teamId), body: teamBody });
    },
    async deleteTeam(orgId, teamId) {
      await t.call({ method: 'DELETE', path: team(orgId, teamId) });
    },
    listTeamMembers: (orgId, teamId) =>
      paginate(t, `${team(orgId, teamId)}/members`, {}, 'members', memberShape),
    async addTeamMember(orgId, teamId, userNameOrEmail) {
      const result = await t.call({
        method: 'POST',
        path: `${team(orgId, teamId)}/members`,
        body: { userNameOrEmail },
      });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'member', ctx), memberShape, ctx, 'member');
    },
    async deleteTeamMember(orgId, teamId, memberId) {
      await t.call({ method: 'DELETE', path: `${team(orgId, teamId)}/members/${segment(memberId)}/delete` });
    },
  };
}
