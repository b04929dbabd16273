/**
 * Workspace participants. `participants/add` takes exactly one of memberId,
 * teamId or userNameOrEmail and no role: the participant gets the configured
 * default role. A registered user who is not an org member becomes a
 * COLLABORATOR (refused with 409 in an SSO org); an unregistered one gets the
 * configured "User not found" error. Roles are predefined or the org's custom
 * roles.
 */
import { findOrg, findWorkspaceInOrg, requireWorkspaceRole, WORKSPACE_ROLES } from '../access.js';
import { integerParam, objectField, optInteger, optString, reqString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { seedObj, seedStr, type EmulatorKind } from '../kind.js';
import { paginate, searchFilter } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import type { MemberRecord, OrgRecord, ParticipantRecord, Store, WorkspaceRecord } from '../store.js';
import { orNull, roleAsRead } from '../wire.js';
import { registeredUser } from './members.js';

/** Exactly one of `email` (a registered user; a non-member becomes a collaborator) or `team`. */
export interface ParticipantSeed {
  readonly email?: string;
  readonly team?: string;
  /** Default: the emulator's `defaultAddRole`. */
  readonly role?: string;
}

// The participants themselves are the workspace's (records.ts): access control reads them.
declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly participants?: readonly ParticipantSeed[];
  }
}

function participantDto(store: Store, org: OrgRecord, p: ParticipantRecord, now: number): JsonObject {
  const wspRole = roleAsRead(p.role, p.stale, now);
  // Every field on every row, as the platform sends them: a team row has null member fields and vice versa.
  if (p.teamId !== undefined) {
    return {
      participantId: p.id,
      memberId: null,
      userName: null,
      firstName: null,
      lastName: null,
      email: null,
      orgRole: null,
      teamId: p.teamId,
      teamName: orNull(org.teams.get(p.teamId)?.name),
      wspRole,
      type: 'TEAM',
      teamAvatarUrl: null,
      userAvatarUrl: null,
    };
  }
  const member = p.memberId === undefined ? undefined : org.members.get(p.memberId);
  const user = member === undefined ? undefined : store.users.get(member.userId);
  return {
    participantId: p.id,
    memberId: orNull(p.memberId),
    userName: orNull(user?.userName),
    firstName: orNull(user?.firstName),
    lastName: orNull(user?.lastName),
    email: orNull(user?.email),
    orgRole: orNull(member?.role),
    teamId: null,
    teamName: null,
    wspRole,
    type: member?.role === 'collaborator' ? 'COLLABORATOR' : 'MEMBER',
    teamAvatarUrl: null,
    userAvatarUrl: null,
  };
}

function searchable(store: Store, org: OrgRecord, p: ParticipantRecord): (string | undefined)[] {
  if (p.teamId !== undefined) return [org.teams.get(p.teamId)?.name];
  const member = p.memberId === undefined ? undefined : org.members.get(p.memberId);
  const user = member === undefined ? undefined : store.users.get(member.userId);
  return [user?.userName, user?.email, user?.firstName, user?.lastName];
}

function participantRoutes({ store, settings }: EmulatorEnv): Route[] {
  const target = (
    ctx: RequestContext,
    minimum: 'view' | 'admin',
  ): { org: OrgRecord; ws: WorkspaceRecord } => {
    const org = findOrg(store, integerParam(ctx.params, 'orgId'));
    const ws = findWorkspaceInOrg(org, integerParam(ctx.params, 'workspaceId'));
    requireWorkspaceRole(store, org, ws, ctx.user, minimum);
    return { org, ws };
  };
  const findParticipant = (ws: WorkspaceRecord, ctx: RequestContext): ParticipantRecord => {
    const id = integerParam(ctx.params, 'participantId');
    const participant = ws.participants.get(id);
    if (participant === undefined) throw notFound(`Participant ${id} not found in workspace '${ws.name}'`);
    return participant;
  };
  /** The member behind `userNameOrEmail`, made a collaborator when not yet in the org. */
  const memberForUser = (org: OrgRecord, ref: string): MemberRecord => {
    const user = registeredUser(store, settings.unregisteredUserStatus, ref);
    const existing = store.memberOf(org, user.id);
    if (existing !== undefined) return existing;
    if (org.sso) {
      throw conflict(
        `Collaborator not permitted: organization '${org.name}' has active single sign-on (SSO), and '${user.email}' is not a member`,
      );
    }
    return store.addMember(org, user.id, 'collaborator');
  };
  return [
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}/participants',
      handler: (ctx) => {
        const { org, ws } = target(ctx, 'view');
        const matches = searchFilter(ctx.query);
        const all = [...ws.participants.values()].filter((p) => matches(...searchable(store, org, p)));
        const page = paginate(all, ctx.query);
        return ok({
          participants: page.items.map((p) => participantDto(store, org, p, ctx.now)),
          totalSize: page.totalSize,
        });
      },
    },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}/participants/add',
      handler: (ctx) => {
        const { org, ws } = target(ctx, 'admin');
        const body = objectField(ctx.body, 'request body');
        const memberId = optInteger(body, 'memberId', '');
        const teamId = optInteger(body, 'teamId', '');
        const ref = optString(body, 'userNameOrEmail', '');
        const given = [memberId, teamId, ref].filter((v) => v !== undefined).length;
        if (given !== 1) throw badRequest('Exactly one of memberId, teamId or userNameOrEmail is required');
        let participant: ParticipantRecord;
        if (teamId !== undefined) {
          const team = org.teams.get(teamId);
          if (team === undefined) throw notFound(`Team ${teamId} not found in organization '${org.name}'`);
          if (ws.participantByTeam.has(teamId))
            throw conflict(`Team '${team.name}' is already a participant of '${ws.name}'`);
          participant = store.addParticipant(ws, { teamId }, settings.defaultAddRole);
        } else {
          let member: MemberRecord;
          if (memberId !== undefined) {
            const found = org.members.get(memberId);
            if (found === undefined)
              throw notFound(`Member ${memberId} not found in organization '${org.name}'`);
            member = found;
          } else {
            member = memberForUser(org, ref ?? '');
          }
          if (ws.participantByMember.has(member.memberId)) {
            const email = store.users.get(member.userId)?.email ?? String(member.memberId);
            throw conflict(`User '${email}' is already a participant of workspace '${ws.name}'`);
          }
          participant = store.addParticipant(ws, { memberId: member.memberId }, settings.defaultAddRole);
        }
        return ok({ participant: participantDto(store, org, participant, ctx.now) });
      },
    },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}/participants/{participantId}/role',
      handler: (ctx) => {
        const { org, ws } = target(ctx, 'admin');
        const participant = findParticipant(ws, ctx);
        const role = reqString(objectField(ctx.body, 'request body'), 'role', '');
        if (!(WORKSPACE_ROLES as readonly string[]).includes(role) && !org.customRoles.has(role)) {
          throw badRequest(
            `Unknown workspace role '${role}': one of ${WORKSPACE_ROLES.join(', ')} or a custom role of organization '${org.name}'`,
          );
        }
        if (participant.role !== role && settings.staleRoleReadMs > 0) {
          participant.stale = { value: participant.role, until: ctx.now + settings.staleRoleReadMs };
        }
        participant.role = role;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/orgs/{orgId}/workspaces/{workspaceId}/participants/{participantId}',
      handler: (ctx) => {
        const { ws } = target(ctx, 'admin');
        store.removeParticipant(ws, findParticipant(ws, ctx));
        return noContent();
      },
    },
  ];
}

export const participantsKind: EmulatorKind = {
  routes: participantRoutes,
  workspace: {
    seedSchema: {
      participants: {
        type: 'array',
        items: {
          ...seedObj([], { email: seedStr, team: seedStr, role: seedStr }),
          oneOf: [{ required: ['email'] }, { required: ['team'] }],
        },
      },
    },
    loadSeed: (loader, org, ws, seed, where) => {
      const { store, problems } = loader;
      (seed.participants ?? []).forEach((p, i) => {
        const pw = `${where}.participants[${i}]`;
        const role = p.role ?? loader.defaultRole;
        if (!(WORKSPACE_ROLES as readonly string[]).includes(role) && !org.customRoles.has(role)) {
          problems.push(`${pw}.role: unknown role '${role}' (not predefined and not in customRoles)`);
        }
        if (p.team !== undefined) {
          const team = [...org.teams.values()].find((t) => t.name === p.team);
          if (team === undefined)
            problems.push(`${pw}: team '${p.team}' is not a team of organization '${org.name}'`);
          else if (ws.participantByTeam.has(team.id))
            problems.push(`${pw}: duplicate participant team '${p.team}'`);
          else store.addParticipant(ws, { teamId: team.id }, role);
          return;
        }
        const email = p.email ?? '';
        const user = store.findUser(email);
        if (user === undefined) {
          problems.push(`${pw}: '${email}' is not a registered user (add it under users)`);
          return;
        }
        let member = store.memberOf(org, user.id);
        if (member === undefined && org.sso) {
          problems.push(
            `${pw}: '${email}' is not a member of SSO organization '${org.name}' (collaborators are refused)`,
          );
          return;
        }
        member ??= store.addMember(org, user.id, 'collaborator');
        if (ws.participantByMember.has(member.memberId))
          problems.push(`${pw}: duplicate participant '${email}'`);
        else store.addParticipant(ws, { memberId: member.memberId }, role);
      });
    },
    snapshot: (store, org, ws) => ({
      participants: [...ws.participants.values()].flatMap((p): ParticipantSeed[] => {
        if (p.teamId !== undefined) {
          const team = org.teams.get(p.teamId);
          return team === undefined ? [] : [{ team: team.name, role: p.role }];
        }
        const member = p.memberId === undefined ? undefined : org.members.get(p.memberId);
        const user = member === undefined ? undefined : store.users.get(member.userId);
        return user === undefined ? [] : [{ email: user.email, role: p.role }];
      }),
    }),
  },
};
