/**
 * Org members and collaborators. `members/add` takes no role (new members are
 * `member`); a collaborator added as a member is promoted. Removing a member
 * removes them from the org's teams and workspaces. An org always keeps at
 * least one owner (400 otherwise).
 */
import { findOrg, requireOrgMember, requireOrgOwner } from '../access.js';
import { integerParam, objectField, reqString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, HttpError, notFound } from '../http-error.js';
import { seedObj, seedStr, type EmulatorKind } from '../kind.js';
import { paginate, searchFilter } from '../paging.js';
import type { Route } from '../router.js';
import { DEFAULT_MEMBER_ROLE } from '../settings.js';
import type { MemberRecord, OrgRecord, OrgRole, Store, UserRecord } from '../store.js';
import { memberDto } from '../wire.js';

export interface MemberSeed {
  readonly email: string;
  /** Default `member`. */
  readonly role?: 'owner' | 'member' | 'collaborator';
}

// The members themselves are the organisation's (records.ts): access control reads them.
declare module '../seed-types.js' {
  interface OrgSeed {
    /** An org with no owner here gets the token user as its owner. */
    readonly members?: readonly MemberSeed[];
  }
}

const ORG_ROLES: readonly string[] = ['owner', 'member', 'collaborator'];
const isOrgRole = (value: string): value is OrgRole => ORG_ROLES.includes(value);

/** A registered user by email or user name; the configured "User not found" error otherwise. */
export function registeredUser(store: Store, status: 400 | 404, userNameOrEmail: string): UserRecord {
  const user = store.findUser(userNameOrEmail);
  if (user === undefined) {
    throw new HttpError(
      status,
      `User not found: '${userNameOrEmail.trim()}' has no account on the platform (only users who have signed in can be added)`,
    );
  }
  return user;
}

function ownerCount(org: OrgRecord): number {
  let count = 0;
  for (const member of org.members.values()) if (member.role === 'owner') count++;
  return count;
}

function findMember(org: OrgRecord, memberId: number): MemberRecord {
  const member = org.members.get(memberId);
  if (member === undefined) throw notFound(`Member ${memberId} not found in organization '${org.name}'`);
  return member;
}

function memberRoutes({ store, settings }: EmulatorEnv): Route[] {
  const listByRole =
    (roles: readonly OrgRole[]): Route['handler'] =>
    (ctx) => {
      const org = findOrg(store, integerParam(ctx.params, 'orgId'));
      requireOrgMember(store, org, ctx.user);
      const matches = searchFilter(ctx.query);
      const all = [...org.members.values()].filter((m) => {
        if (!roles.includes(m.role)) return false;
        const user = store.users.get(m.userId);
        return matches(user?.userName, user?.email, user?.firstName, user?.lastName);
      });
      const page = paginate(all, ctx.query);
      return ok({ members: page.items.map((m) => memberDto(store, m, ctx.now)), totalSize: page.totalSize });
    };
  return [
    { method: 'GET', pattern: '/orgs/{orgId}/members', handler: listByRole(['owner', 'member']) },
    { method: 'GET', pattern: '/orgs/{orgId}/collaborators', handler: listByRole(['collaborator']) },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}/members/add',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgOwner(store, org, ctx.user, 'add members');
        const userRef = reqString(objectField(ctx.body, 'request body'), 'user', '');
        const user = registeredUser(store, settings.unregisteredUserStatus, userRef);
        const existing = store.memberOf(org, user.id);
        if (existing !== undefined && existing.role !== 'collaborator') {
          throw conflict(`User '${user.email}' is already a member of organization '${org.name}'`);
        }
        let member: MemberRecord;
        if (existing === undefined) {
          member = store.addMember(org, user.id, DEFAULT_MEMBER_ROLE);
        } else {
          existing.role = DEFAULT_MEMBER_ROLE;
          member = existing;
        }
        return ok({ member: memberDto(store, member, ctx.now) });
      },
    },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}/members/{memberId}/role',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgOwner(store, org, ctx.user, 'change member roles');
        const member = findMember(org, integerParam(ctx.params, 'memberId'));
        const role = reqString(objectField(ctx.body, 'request body'), 'role', '');
        if (!isOrgRole(role))
          throw badRequest(`Invalid organization role '${role}': one of ${ORG_ROLES.join(', ')}`);
        if (member.role === 'owner' && role !== 'owner' && ownerCount(org) === 1) {
          throw badRequest(`Cannot demote the last owner of organization '${org.name}'`);
        }
        if (member.role !== role && settings.staleRoleReadMs > 0) {
          member.stale = { value: member.role, until: ctx.now + settings.staleRoleReadMs };
        }
        member.role = role;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/orgs/{orgId}/members/{memberId}',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgOwner(store, org, ctx.user, 'remove members');
        const member = findMember(org, integerParam(ctx.params, 'memberId'));
        if (member.role === 'owner' && ownerCount(org) === 1) {
          throw badRequest(`Cannot remove the last owner of organization '${org.name}'`);
        }
        store.removeMember(org, member);
        return noContent();
      },
    },
  ];
}

export const membersKind: EmulatorKind = {
  routes: memberRoutes,
  org: {
    seedSchema: {
      members: {
        type: 'array',
        items: seedObj(['email'], { email: seedStr, role: { enum: ['owner', 'member', 'collaborator'] } }),
      },
    },
    loadSeed: (loader, store, org, seed, where) => {
      (seed.members ?? []).forEach((m, i) => {
        const user = store.findUser(m.email);
        if (user === undefined)
          loader.problems.push(
            `${where}.members[${i}]: '${m.email}' is not a registered user (add it under users)`,
          );
        else if (store.memberOf(org, user.id) !== undefined)
          loader.problems.push(`${where}.members[${i}]: duplicate member '${m.email}'`);
        else store.addMember(org, user.id, m.role ?? 'member');
      });
      if (![...org.members.values()].some((m) => m.role === 'owner')) {
        const existing = store.memberOf(org, loader.tokenUser.id);
        if (existing === undefined) store.addMember(org, loader.tokenUser.id, 'owner');
        else existing.role = 'owner';
      }
    },
    snapshot: (store, _owner, org) => ({
      members: [...org.members.values()].map((m) => ({
        email: store.users.get(m.userId)?.email ?? '',
        role: m.role,
      })),
    }),
  },
};
