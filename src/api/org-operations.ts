/** User info, organisations, org members and teams (`/user-info`, `/orgs/…`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember, Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';
import type { OrgRoleDto } from './dto.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

export interface UserResponseDto {
  id: number;
  userName: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface DescribeUserResponse {
  user: UserResponseDto;
  defaultWorkspaceId?: number | null;
  needConsent?: boolean;
}

export interface OrganizationDbDto {
  orgId: number;
  name: string;
  fullName: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
  memberId?: number;
  memberRole?: OrgRoleDto;
}

export interface Organization {
  name: string;
  fullName: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
}

export interface UpdateOrganizationRequest {
  name?: string;
  fullName?: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
}

/** Real list rows carry `memberId` and no `userId`. */
export interface MemberDbDto {
  memberId: number;
  userId?: number;
  userName: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  avatar?: string | null;
  role: OrgRoleDto;
}

export interface Team {
  name: string;
  description?: string | null;
  /** The identity provider group the team's members come from (sent back unchanged on update). */
  idpGroupId?: number | null;
}

export interface TeamDbDto {
  teamId: number;
  name: string;
  description?: string | null;
  membersCount?: number;
  idpGroupId?: number;
  idpGroupName?: string;
}

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/** `GET /user-info`: the token's own user. */
export function decodeUser(f: Fields): UserResponseDto {
  return {
    id: f.number('id'),
    userName: f.string('userName'),
    email: f.string('email'),
    ...opt('firstName', f.optString('firstName')),
    ...opt('lastName', f.optString('lastName')),
  };
}

/** The whole body: `{user, defaultWorkspaceId?, needConsent?}`. */
export function decodeUserInfo(body: Fields): DescribeUserResponse {
  return {
    user: decodeUser(body.object('user')),
    ...opt('defaultWorkspaceId', body.optNumber('defaultWorkspaceId')),
    ...opt('needConsent', body.optBoolean('needConsent')),
  };
}

/** Organisations (`GET /orgs` rows, create response): `null` for every optional text, as the platform sends. */
export function decodeOrganization(f: Fields): OrganizationDbDto {
  const name = f.string('name');
  return {
    orgId: f.number('orgId'),
    name,
    fullName: f.optString('fullName') ?? name,
    ...opt('description', f.optString('description')),
    ...opt('location', f.optString('location')),
    ...opt('website', f.optString('website')),
    ...opt('memberId', f.optNumber('memberId')),
    ...opt('memberRole', f.optString('memberRole')),
  };
}

/**
 * Org and team members (MemberDbDto). Real rows carry `memberId` and no
 * `userId` (the spec lists both); `userId` is kept only when sent. A row
 * without a user name (none recorded, but the spec does not require one) is
 * named by its email.
 */
function decodeOrgMember(f: Fields): MemberDbDto {
  const email = f.string('email');
  return {
    memberId: f.number('memberId'),
    ...opt('userId', f.optNumber('userId')),
    userName: f.optString('userName') ?? email,
    email,
    ...opt('firstName', f.optString('firstName')),
    ...opt('lastName', f.optString('lastName')),
    role: f.string('role'),
  };
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

// ── Client methods ──

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

    listMembers: (orgId) => paginate(t, `${org(orgId)}/members`, {}, 'members', decodeOrgMember, pageSize),
    async addMember(orgId, email) {
      const result = await t.call({
        method: 'PUT',
        path: `${org(orgId)}/members/add`,
        body: { user: email },
        replaySafe: false,
      });
      return decodeMember(result.body, 'member', contextOf(result), decodeOrgMember);
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
      paginate(t, `${team(orgId, teamId)}/members`, {}, 'members', decodeOrgMember, pageSize),
    async addTeamMember(orgId, teamId, userNameOrEmail) {
      const result = await t.call({
        method: 'POST',
        path: `${team(orgId, teamId)}/members`,
        body: { userNameOrEmail },
      });
      return decodeMember(result.body, 'member', contextOf(result), decodeOrgMember);
    },
    async deleteTeamMember(orgId, teamId, memberId) {
      await t.call({ method: 'DELETE', path: `${team(orgId, teamId)}/members/${segment(memberId)}/delete` });
    },
  };
}
