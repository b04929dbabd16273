/**
 * Reads that the safety rules need and that depend on what the first reads
 * returned (so they cannot be decided from the desired state alone):
 *
 * - deleting a team removes its participation in every workspace of the org,
 *   and removing an org member removes them from every team and workspace:
 *   when the org file may prune a live team or member it does not declare,
 *   the participants of every workspace not read yet are read (and, for a
 *   member, the members of every team), so the cascade is counted in full;
 * - the owner/admin rule counts an admin team only while it has members, so
 *   the members of the owner/admin teams of a read workspace are read when
 *   the plan may take one of its owners/admins away (a participant declared
 *   with a lower role, or pruned, an org member pruned, a team pruned; never
 *   the token's own user, a protected user or an ignored one, whom prune
 *   keeps) and no owner/admin person of it is sure to stay (the rule is then
 *   satisfied whatever the teams hold). The team list is read for this when
 *   it was not.
 *
 * Requests: Σ unread workspaces (only when a team or member may be pruned):
 * pages(participants) + [teams not read and needed] pages(teams)
 * + Σ needed teams whose members were not read (every team when a member
 * may be pruned): pages(team members).
 */
import type { ApiClient } from '../../api/api-client.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualMember } from '../members/model.js';
import type { ActualParticipant } from '../participants/model.js';
import type { ActualTeam } from './model.js';
import type { DesiredOrg } from '../../model/desired.js';
import { emailKey } from '../../model/resources.js';
import { isWorkspaceAdminRole } from '../../model/roles.js';
import type { OrgCompleteContext, OrgDraft } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapParticipant, participantReads } from '../participants/api.js';
import { mapTeam, mapTeamMember, teamReads } from './api.js';

interface SafetyReadInput {
  readonly orgId: number;
  readonly orgName: string;
  readonly org: DesiredOrg;
  /** Org-level resources (members, teams) are planned: no workspace filter. */
  readonly orgLevel: boolean;
  /** The token's own user (lower case): the plan never removes it from a workspace or the org. */
  readonly tokenEmail: string;
  readonly members: readonly ActualMember[] | undefined;
  readonly teams: readonly ActualTeam[] | undefined;
  readonly workspaces: readonly ActualWorkspace[];
}

interface SafetyReadResult {
  readonly teams: readonly ActualTeam[] | undefined;
  readonly workspaces: readonly ActualWorkspace[];
}

/** True when the org file may delete a live team it does not declare. */
function mayPruneTeams(input: SafetyReadInput): boolean {
  const declared = input.org.teams;
  if (!input.orgLevel || declared === undefined || !input.org.policy.prune.teams) return false;
  const names = new Set(declared.map((t) => t.name));
  return (input.teams ?? []).some((t) => !names.has(t.name));
}

/** True when the org file may remove a live org member it does not declare (collaborators are never pruned). */
function mayPruneMembers(input: SafetyReadInput): boolean {
  const declared = input.org.members;
  if (!input.orgLevel || declared === undefined || !input.org.policy.prune.members) return false;
  const emails = new Set(declared.map((m) => emailKey(m.email)));
  return (input.members ?? []).some((m) => m.role !== 'collaborator' && !emails.has(emailKey(m.email)));
}

async function withAllParticipants(
  client: ApiClient,
  input: SafetyReadInput,
): Promise<readonly ActualWorkspace[]> {
  if (!mayPruneTeams(input) && !mayPruneMembers(input)) return input.workspaces;
  return Promise.all(
    input.workspaces.map(async (ws) => {
      if (ws.participants !== undefined) return ws;
      const path = `/orgs/${input.orgId}/workspaces/${ws.id}/participants`;
      const participants = await reading(`participants of ${input.orgName}/${ws.name}`, async () =>
        (await client.use(participantReads).listParticipants(input.orgId, ws.id)).map((p) =>
          mapParticipant(p, path),
        ),
      );
      return { ...ws, participants };
    }),
  );
}

/** Per live participant: true when the plan may remove it or lower its role below admin. */
function riskOf(input: SafetyReadInput, ws: ActualWorkspace): (p: ActualParticipant) => boolean {
  const file = input.org.workspaces.find((w) => w.name === ws.name);
  const declared = new Map(
    (file?.participants ?? []).map((p) => [p.type === 'team' ? `team:${p.team}` : emailKey(p.email), p.role]),
  );
  const prunesParticipants = file?.prune.participants ?? false;
  const orgMembers = input.org.members;
  const prunesMembers = input.orgLevel && orgMembers !== undefined && input.org.policy.prune.members;
  const memberEmails = new Set((orgMembers ?? []).map((m) => emailKey(m.email)));
  const teamNames = new Set((input.org.teams ?? []).map((t) => t.name));
  const prunesTeams = mayPruneTeams(input);
  const protectedUsers = new Set(input.org.policy.protectedUsers.map(emailKey));
  const ignoredParticipants = new Set(file?.ignore.participants ?? []);
  const ignoredMembers = new Set(input.org.ignore.members);
  return (p) => {
    const key = p.type === 'team' ? `team:${p.teamName}` : emailKey(p.email);
    const role = declared.get(key);
    if (role !== undefined && !isWorkspaceAdminRole(role)) return true;
    // Never removed by prune: the token's own user, a protected user, an ignored participant or member.
    const kept = p.type !== 'team' && (key === input.tokenEmail || protectedUsers.has(key));
    const ignored =
      ignoredParticipants.has(key) || (p.type === 'team' && ignoredParticipants.has(p.teamName));
    if (role === undefined && prunesParticipants && !kept && !ignored) return true;
    if (p.type === 'team') return prunesTeams && !teamNames.has(p.teamName);
    return prunesMembers && !kept && !ignoredMembers.has(key) && !memberEmails.has(key);
  };
}

/**
 * Names of owner/admin teams whose membership decides the owner/admin rule of
 * some read workspace: one of its owners/admins is at risk, and no owner/admin
 * person is sure to stay.
 */
function adminTeamsToRead(input: SafetyReadInput, workspaces: readonly ActualWorkspace[]): Set<string> {
  const needed = new Set<string>();
  for (const ws of workspaces) {
    const admins = (ws.participants ?? []).filter((p) => isWorkspaceAdminRole(p.role));
    const atRisk = riskOf(input, ws);
    if (!admins.some(atRisk)) continue;
    if (admins.some((p) => p.type !== 'team' && !atRisk(p))) continue;
    for (const p of admins) if (p.type === 'team') needed.add(p.teamName);
  }
  return needed;
}

async function readForSafety(client: ApiClient, input: SafetyReadInput): Promise<SafetyReadResult> {
  const workspaces = await withAllParticipants(client, input);
  const allTeams = mayPruneMembers(input);
  const needed = adminTeamsToRead(input, workspaces);
  const unread = (input.teams ?? []).filter(
    (t) => (allTeams || needed.has(t.name)) && t.members === undefined,
  );
  const nothingToRead = input.teams === undefined ? !allTeams && needed.size === 0 : unread.length === 0;
  if (nothingToRead) return { teams: input.teams, workspaces };
  const teams =
    input.teams ??
    (await reading(`teams of ${input.orgName}`, () => client.use(teamReads).listTeams(input.orgId))).map(
      (t) => mapTeam(t),
    );
  const completed = await Promise.all(
    teams.map(async (team) => {
      if ((!allTeams && !needed.has(team.name)) || team.members !== undefined) return team;
      const members = await reading(`members of team ${team.name} of ${input.orgName}`, () =>
        client.use(teamReads).listTeamMembers(input.orgId, team.teamId),
      );
      return { ...team, members: members.map(mapTeamMember) };
    }),
  );
  return { teams: completed, workspaces };
}

/** The organisation's draft completed with what the safety rules need (see above). */
export async function completeForSafety(ctx: OrgCompleteContext, draft: OrgDraft): Promise<OrgDraft> {
  const { teams, workspaces } = await readForSafety(ctx.client, {
    orgId: ctx.orgId,
    orgName: ctx.orgName,
    org: ctx.org,
    orgLevel: ctx.orgLevel,
    tokenEmail: ctx.tokenEmail,
    members: draft.collections.members,
    teams: draft.collections.teams,
    workspaces: draft.workspaces,
  });
  // The team list is undefined after this only when it was before.
  return { collections: { ...draft.collections, ...(teams === undefined ? {} : { teams }) }, workspaces };
}
