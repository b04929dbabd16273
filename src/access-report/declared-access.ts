/**
 * What the configuration grants in an organisation, for telling `declared`
 * access from `unmanaged` and for the rows of pending people. A source is
 * declared when:
 * - `direct`: the workspace file lists the person as a participant;
 * - `team T`: the workspace file lists team T as a participant, and the
 *   organisation file lists the person in T — or does not manage T's
 *   membership (no `teams`, or T without `members`: an identity-provider
 *   team), in which case every member of T is covered;
 * - `org owner`: the organisation file lists the person as an owner.
 * Roles are not compared: a declared source with another role on the
 * platform is drift, which `plan` reports.
 */
import type { DesiredOrg, DesiredWorkspace } from '../model/desired.js';
import type { AccessSource, SourceKind } from './model.js';

export interface DeclaredWorkspace {
  /** Lower-cased email → role, for `direct`. */
  readonly direct: ReadonlyMap<string, string>;
  /** Team name → role. */
  readonly teams: ReadonlyMap<string, string>;
}

export interface DeclaredAccess {
  /** Present workspaces that have a file, by name. */
  readonly workspaces: ReadonlyMap<string, DeclaredWorkspace>;
  /** Team name → its declared members; absent = membership not managed by the configuration. */
  readonly teamMembers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Declared org role by email (absent when members are unmanaged or the person is not listed). */
  readonly orgRoles: ReadonlyMap<string, string>;
}

export const NOTHING_DECLARED: DeclaredAccess = {
  workspaces: new Map(),
  teamMembers: new Map(),
  orgRoles: new Map(),
};

function declaredWorkspace(ws: DesiredWorkspace): DeclaredWorkspace {
  const direct = new Map<string, string>();
  const teams = new Map<string, string>();
  for (const p of ws.participants ?? []) {
    if (p.type === 'user') direct.set(p.email.trim().toLowerCase(), p.role);
    else teams.set(p.team, p.role);
  }
  return { direct, teams };
}

/** The declared access of `org` (undefined: the configuration has no folder for it). */
export function declaredAccess(org: DesiredOrg | undefined): DeclaredAccess {
  if (org === undefined) return NOTHING_DECLARED;
  const workspaces = new Map<string, DeclaredWorkspace>();
  for (const ws of org.workspaces) {
    if (ws.state === 'present') workspaces.set(ws.name, declaredWorkspace(ws));
  }
  const teamMembers = new Map<string, ReadonlySet<string>>();
  for (const team of org.teams ?? []) {
    if (team.members !== undefined) {
      teamMembers.set(team.name, new Set(team.members.map((e) => e.trim().toLowerCase())));
    }
  }
  const orgRoles = new Map<string, string>();
  for (const m of org.members ?? []) orgRoles.set(m.email.trim().toLowerCase(), m.role);
  return { workspaces, teamMembers, orgRoles };
}

/** Whether the configuration grants `email` the source (`kind`, `team`) in `workspace`. */
export function isDeclared(
  declared: DeclaredAccess,
  workspace: string,
  email: string,
  kind: SourceKind,
  team?: string,
): boolean {
  if (kind === 'org owner') return declared.orgRoles.get(email) === 'owner';
  const ws = declared.workspaces.get(workspace);
  if (ws === undefined) return false;
  if (kind === 'direct') return ws.direct.has(email);
  if (team === undefined || !ws.teams.has(team)) return false;
  const members = declared.teamMembers.get(team);
  return members === undefined || members.has(email);
}

/**
 * The sources the configuration grants `email` in `workspace`, for people
 * with no account on the platform (pending). Team sources count only for
 * teams whose membership the configuration manages and lists the person.
 */
export function declaredSources(declared: DeclaredAccess, workspace: string, email: string): AccessSource[] {
  const out: AccessSource[] = [];
  if (declared.orgRoles.get(email) === 'owner') {
    out.push({ kind: 'org owner', role: 'owner', declared: true });
  }
  const ws = declared.workspaces.get(workspace);
  if (ws === undefined) return out;
  const direct = ws.direct.get(email);
  if (direct !== undefined) out.push({ kind: 'direct', role: direct, declared: true });
  for (const [team, role] of ws.teams) {
    if (declared.teamMembers.get(team)?.has(email) === true) {
      out.push({ kind: 'team', team, role, declared: true });
    }
  }
  return out;
}

/** Every email the configuration names (members, team members, direct participants). */
export function declaredEmails(declared: DeclaredAccess): ReadonlySet<string> {
  const out = new Set<string>(declared.orgRoles.keys());
  for (const members of declared.teamMembers.values()) for (const e of members) out.add(e);
  for (const ws of declared.workspaces.values()) for (const e of ws.direct.keys()) out.add(e);
  return out;
}
