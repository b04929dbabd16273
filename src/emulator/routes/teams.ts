/**
 * Teams and team members. Team members must already be in the org (members
 * or collaborators); membership has no update, only add and remove. Deleting
 * a team removes it from every workspace it participates in.
 */
import { findOrg, requireOrgMember, requireOrgOwner } from '../access.js';
import {
  integerParam,
  objectField,
  optInteger,
  optString,
  reqObject,
  reqString,
  optNullableString,
} from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { checkMaxLength, checkResourceName } from '../names.js';
import { seedObj, seedOptStr, seedStr, seedStrList, uniqueNames, type EmulatorKind } from '../kind.js';
import { RESOURCE_NAME } from '../names.js';
import { paginate, searchFilter } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import { TEAM_IDS, type OrgRecord, type TeamRecord } from '../store.js';
import { memberDto, orNull } from '../wire.js';
import { registeredUser } from './members.js';

export interface TeamSeed {
  readonly name: string;
  readonly description?: string;
  /** Emails of org members (or collaborators). */
  readonly members?: readonly string[];
  /** The identity provider group the members come from (an IdP-delegated team). */
  readonly idpGroupId?: number;
}

// The teams themselves are the organisation's (records.ts): access control reads them.
declare module '../seed-types.js' {
  interface OrgSeed {
    readonly teams?: readonly TeamSeed[];
  }
}

function teamDto(team: TeamRecord): JsonObject {
  return {
    teamId: team.id,
    name: team.name,
    description: orNull(team.description),
    avatarUrl: null,
    membersCount: team.memberIds.size,
    // Only an IdP-delegated team carries its group: recorded team rows have neither field.
    ...(team.idpGroupId === undefined
      ? {}
      : { idpGroupId: team.idpGroupId, idpGroupName: `idp-group-${String(team.idpGroupId)}` }),
  };
}

function findTeam(org: OrgRecord, teamId: number): TeamRecord {
  const team = org.teams.get(teamId);
  if (team === undefined) throw notFound(`Team ${teamId} not found in organization '${org.name}'`);
  return team;
}

function teamRoutes({ store, settings }: EmulatorEnv): Route[] {
  const checkNameFree = (org: OrgRecord, name: string, self?: TeamRecord): void => {
    checkResourceName('team', name);
    for (const team of org.teams.values()) {
      if (team.name === name && team !== self)
        throw conflict(`A team named '${name}' already exists in organization '${org.name}'`);
    }
  };
  const orgAndTeam = (ctx: RequestContext, ownerAction?: string): { org: OrgRecord; team: TeamRecord } => {
    const org = findOrg(store, integerParam(ctx.params, 'orgId'));
    if (ownerAction === undefined) requireOrgMember(store, org, ctx.user);
    else requireOrgOwner(store, org, ctx.user, ownerAction);
    return { org, team: findTeam(org, integerParam(ctx.params, 'teamId')) };
  };
  return [
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/teams',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgMember(store, org, ctx.user);
        const matches = searchFilter(ctx.query);
        const page = paginate(
          [...org.teams.values()].filter((t) => matches(t.name, t.description)),
          ctx.query,
        );
        // Paged, but without `totalSize`, as the platform sends it: a short page ends the list.
        return ok({ teams: page.items.map(teamDto) });
      },
    },
    {
      method: 'POST',
      pattern: '/orgs/{orgId}/teams',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgOwner(store, org, ctx.user, 'create teams');
        const input = reqObject(objectField(ctx.body, 'request body'), 'team', '');
        const name = reqString(input, 'name', 'team.');
        const description = optString(input, 'description', 'team.');
        const idpGroupId = optInteger(objectField(ctx.body, 'request body'), 'idpGroupId', '');
        checkNameFree(org, name);
        checkMaxLength('team.description', description, 250);
        const team: TeamRecord = {
          id: store.nextId(TEAM_IDS),
          name,
          ...(description === undefined ? {} : { description }),
          ...(idpGroupId === undefined || idpGroupId === 0 ? {} : { idpGroupId }),
          memberIds: new Set(),
          dateCreated: ctx.timestamp,
          lastUpdated: ctx.timestamp,
        };
        org.teams.set(team.id, team);
        return ok({ team: teamDto(team) });
      },
    },
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/teams/{teamId}',
      handler: (ctx) => ok({ team: teamDto(orgAndTeam(ctx).team) }),
    },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}/teams/{teamId}',
      handler: (ctx) => {
        const { org, team } = orgAndTeam(ctx, 'update teams');
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '');
        const description = optNullableString(body, 'description', '');
        // The update replaces the link to the IdP group: absent or null removes it (so a client keeps it by resending it).
        const idpGroupId = optInteger(body, 'idpGroupId', '');
        if (name !== undefined) checkNameFree(org, name, team);
        checkMaxLength('description', description ?? undefined, 250);
        if (name !== undefined) team.name = name;
        if (description === null) delete team.description;
        else if (description !== undefined) team.description = description;
        if (idpGroupId === undefined || idpGroupId === 0) delete team.idpGroupId;
        else team.idpGroupId = idpGroupId;
        team.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/orgs/{orgId}/teams/{teamId}',
      handler: (ctx) => {
        const { org, team } = orgAndTeam(ctx, 'delete teams');
        store.removeTeam(org, team);
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/teams/{teamId}/members',
      handler: (ctx) => {
        const { org, team } = orgAndTeam(ctx);
        const matches = searchFilter(ctx.query);
        const members = [...team.memberIds]
          .map((id) => org.members.get(id))
          .filter((m) => m !== undefined)
          .filter((m) => {
            const user = store.users.get(m.userId);
            return matches(user?.userName, user?.email, user?.firstName, user?.lastName);
          });
        const page = paginate(members, ctx.query);
        return ok({
          members: page.items.map((m) => memberDto(store, m, ctx.now)),
          totalSize: page.totalSize,
        });
      },
    },
    {
      method: 'POST',
      pattern: '/orgs/{orgId}/teams/{teamId}/members',
      handler: (ctx) => {
        const { org, team } = orgAndTeam(ctx, 'add team members');
        const ref = reqString(objectField(ctx.body, 'request body'), 'userNameOrEmail', '');
        const user = registeredUser(store, settings.unregisteredUserStatus, ref);
        const member = store.memberOf(org, user.id);
        if (member === undefined) {
          throw badRequest(
            `User '${user.email}' is not a member or collaborator of organization '${org.name}': add them to the organization first`,
          );
        }
        if (team.memberIds.has(member.memberId)) {
          throw conflict(`User '${user.email}' is already a member of team '${team.name}'`);
        }
        team.memberIds.add(member.memberId);
        return ok({ member: memberDto(store, member, ctx.now) });
      },
    },
    {
      method: 'DELETE',
      pattern: '/orgs/{orgId}/teams/{teamId}/members/{memberId}/delete',
      handler: (ctx) => {
        const { team } = orgAndTeam(ctx, 'remove team members');
        const memberId = integerParam(ctx.params, 'memberId');
        if (!team.memberIds.delete(memberId))
          throw notFound(`Member ${memberId} is not in team '${team.name}'`);
        return noContent();
      },
    },
  ];
}

export const teamsKind: EmulatorKind = {
  routes: teamRoutes,
  org: {
    seedSchema: {
      teams: {
        type: 'array',
        items: seedObj(['name'], {
          name: seedStr,
          description: seedOptStr,
          members: seedStrList,
          idpGroupId: { type: 'integer' },
        }),
      },
    },
    loadSeed: (loader, store, org, seed, where) => {
      const { problems } = loader;
      const teamName = uniqueNames(loader, 'team');
      (seed.teams ?? []).forEach((t, i) => {
        const tw = `${where}.teams[${i}]`;
        teamName(t.name, tw);
        if (!RESOURCE_NAME.test(t.name)) problems.push(`${tw}.name: invalid team name '${t.name}'`);
        const memberIds = new Set<number>();
        for (const email of t.members ?? []) {
          const user = store.findUser(email);
          const member = user === undefined ? undefined : store.memberOf(org, user.id);
          if (member === undefined)
            problems.push(`${tw}.members: '${email}' is not a member of organization '${org.name}'`);
          else memberIds.add(member.memberId);
        }
        const id = store.nextId(TEAM_IDS);
        org.teams.set(id, {
          id,
          name: t.name,
          ...(t.description === undefined ? {} : { description: t.description }),
          ...(t.idpGroupId === undefined ? {} : { idpGroupId: t.idpGroupId }),
          memberIds,
          dateCreated: loader.timestamp,
          lastUpdated: loader.timestamp,
        });
      });
    },
    snapshot: (store, _owner, org) => ({
      teams: [...org.teams.values()].map((t) => ({
        name: t.name,
        ...(t.description === undefined ? {} : { description: t.description }),
        ...(t.idpGroupId === undefined ? {} : { idpGroupId: t.idpGroupId }),
        members: [...t.memberIds].flatMap((id) => {
          const member = org.members.get(id);
          return member === undefined ? [] : [store.users.get(member.userId)?.email ?? ''];
        }),
      })),
    }),
  },
};
