/**
 * The pure core: live access + declared access → the report's rows, people,
 * workspaces and summary (changes are added by `diffReports`). Rules:
 * - every source of a person's access to a workspace is a row source: the
 *   person's direct participation, each team participation whose team lists
 *   the person, and org ownership (an org owner has a row in every
 *   workspace, participant or not); the effective role is the strongest;
 * - the token's own user is left out (it owns every workspace by design);
 * - a person the configuration names but whom the platform does not know at
 *   all (not a member, collaborator, participant or team member) is pending:
 *   a row per declared grant, with the declared role, counted as declared;
 * - visibility is a workspace fact, never a source.
 */
import { declaredEmails, declaredSources, isDeclared, type DeclaredAccess } from './declared-access.js';
import type { LiveAccess, LiveWorkspace } from './live-access.js';
import {
  ACCESS_REPORT_FORMAT_VERSION,
  type AccessReport,
  type AccessRow,
  type AccessSource,
  type PersonFacts,
  type WorkspaceFacts,
} from './model.js';
import { strongestRole } from './roles.js';

export interface BuildOptions {
  readonly generatedAt: string;
  readonly endpoint: string;
}

const SOURCE_ORDER: Readonly<Record<AccessSource['kind'], number>> = { 'org owner': 0, direct: 1, team: 2 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSources(a: AccessSource, b: AccessSource): number {
  return SOURCE_ORDER[a.kind] - SOURCE_ORDER[b.kind] || compareText(a.team ?? '', b.team ?? '');
}

function rowOf(email: string, workspace: string, sources: AccessSource[], pending: boolean): AccessRow {
  const sorted = [...sources].sort(compareSources);
  return {
    email,
    workspace,
    role: strongestRole(sorted.map((s) => s.role)),
    sources: sorted,
    status: sorted.some((s) => s.declared) ? 'declared' : 'unmanaged',
    pending,
  };
}

/** The org role of everyone the platform knows: members first, then what participant and team rows say. */
function knownOrgRoles(live: LiveAccess): Map<string, string> {
  const roles = new Map<string, string>();
  for (const m of live.members) roles.set(m.email, m.role);
  const fallback = (email: string, role: string | undefined): void => {
    if (!roles.has(email)) roles.set(email, role ?? 'collaborator');
  };
  for (const ws of live.workspaces) {
    for (const p of ws.participants) if (p.kind === 'user') fallback(p.email, p.orgRole);
  }
  for (const team of live.teams) for (const m of team.members) fallback(m.email, m.orgRole);
  return roles;
}

function liveRows(
  ws: LiveWorkspace,
  teamMembers: ReadonlyMap<string, readonly string[]>,
  owners: readonly string[],
  declared: DeclaredAccess,
  leftOut: string | undefined,
): AccessRow[] {
  const sources = new Map<string, AccessSource[]>();
  const add = (email: string, source: Omit<AccessSource, 'declared'>): void => {
    if (email === leftOut) return;
    const entry = { ...source, declared: isDeclared(declared, ws.name, email, source.kind, source.team) };
    const list = sources.get(email);
    if (list === undefined) sources.set(email, [entry]);
    else list.push(entry);
  };
  for (const email of owners) add(email, { kind: 'org owner', role: 'owner' });
  for (const p of ws.participants) {
    if (p.kind === 'user') {
      add(p.email, { kind: 'direct', role: p.role });
    } else {
      for (const email of teamMembers.get(p.team) ?? [])
        add(email, { kind: 'team', team: p.team, role: p.role });
    }
  }
  return [...sources].map(([email, list]) => rowOf(email, ws.name, list, false));
}

function workspaceFacts(
  ws: LiveWorkspace,
  rows: readonly AccessRow[],
  declared: DeclaredAccess,
): WorkspaceFacts {
  const active = rows.filter((r) => !r.pending);
  return {
    name: ws.name,
    fullName: ws.fullName,
    visibility: ws.visibility,
    owners: active.filter((r) => r.role === 'owner').map((r) => r.email),
    admins: active.filter((r) => r.role === 'admin').map((r) => r.email),
    people: rows.length,
    teams: [...new Set(ws.participants.flatMap((p) => (p.kind === 'team' ? [p.team] : [])))].sort(
      compareText,
    ),
    unmanaged: rows.filter((r) => r.status === 'unmanaged').length,
    pending: rows.filter((r) => r.pending).length,
    declared: declared.workspaces.has(ws.name),
  };
}

/** The report without changes (`changes: []`, `summary.changes: null`). */
export function buildReport(live: LiveAccess, declared: DeclaredAccess, options: BuildOptions): AccessReport {
  const tokenUser = live.members.find((m) => m.memberId === live.tokenMemberId)?.email;
  const orgRoles = knownOrgRoles(live);
  const teamMembers = new Map(live.teams.map((t) => [t.name, t.members.map((m) => m.email)]));
  const owners = live.members.filter((m) => m.role === 'owner').map((m) => m.email);
  const pendingPeople = [...declaredEmails(declared)].filter((e) => !orgRoles.has(e));

  const workspaces = [...live.workspaces].sort((a, b) => compareText(a.name, b.name));
  const rows: AccessRow[] = [];
  const facts: WorkspaceFacts[] = [];
  for (const ws of workspaces) {
    const wsRows = liveRows(ws, teamMembers, owners, declared, tokenUser);
    for (const email of pendingPeople) {
      const sources = declaredSources(declared, ws.name, email);
      if (sources.length > 0) wsRows.push(rowOf(email, ws.name, sources, true));
    }
    wsRows.sort((a, b) => compareText(a.email, b.email));
    facts.push(workspaceFacts(ws, wsRows, declared));
    rows.push(...wsRows);
  }
  rows.sort((a, b) => compareText(a.email, b.email) || compareText(a.workspace, b.workspace));

  const rowCounts = new Map<string, number>();
  for (const r of rows) rowCounts.set(r.email, (rowCounts.get(r.email) ?? 0) + 1);
  const people: PersonFacts[] = [];
  for (const [email, orgRole] of orgRoles) {
    if (email !== tokenUser)
      people.push({ email, orgRole, pending: false, workspaces: rowCounts.get(email) ?? 0 });
  }
  for (const email of pendingPeople) {
    people.push({
      email,
      orgRole: declared.orgRoles.get(email) ?? 'collaborator',
      pending: true,
      workspaces: rowCounts.get(email) ?? 0,
    });
  }
  people.sort((a, b) => compareText(a.email, b.email));

  return {
    formatVersion: ACCESS_REPORT_FORMAT_VERSION,
    tool: 'seqera-sync',
    generatedAt: options.generatedAt,
    endpoint: options.endpoint,
    org: live.org,
    tokenUser: tokenUser ?? null,
    previousGeneratedAt: null,
    summary: {
      people: people.length,
      workspaces: facts.length,
      owners: owners.filter((e) => e !== tokenUser).length,
      rows: rows.length,
      unmanagedGrants: rows
        .filter((r) => !r.pending)
        .reduce((n, r) => n + r.sources.filter((s) => !s.declared).length, 0),
      pending: people.filter((p) => p.pending).length,
      changes: null,
    },
    people,
    workspaces: facts,
    rows,
    changes: [],
  };
}
