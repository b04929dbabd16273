/**
 * Role ranks, to tell a demotion from a promotion. Unknown (custom or newer)
 * roles have no rank: any change away from one counts as a demotion, the
 * safe reading for protected users.
 */
const ORG_RANK: Readonly<Record<string, number>> = { owner: 3, member: 2, collaborator: 1 };
const WORKSPACE_RANK: Readonly<Record<string, number>> = {
  owner: 6,
  admin: 5,
  maintain: 4,
  launch: 3,
  connect: 2,
  view: 1,
};

function lowers(ranks: Readonly<Record<string, number>>, from: string, to: string): boolean {
  if (from === to) return false;
  const before = ranks[from];
  const after = ranks[to];
  return before === undefined || after === undefined || after < before;
}

/** The strength of a workspace role, higher is stronger; 0 for an unknown (custom or newer) role. */
export function workspaceRoleRank(role: string): number {
  return WORKSPACE_RANK[role] ?? 0;
}

/** True when changing an org role `from` → `to` lowers it. */
export function isOrgDemotion(from: string, to: string): boolean {
  return lowers(ORG_RANK, from, to);
}

/** True when changing a workspace role `from` → `to` lowers it. */
export function isWorkspaceDemotion(from: string, to: string): boolean {
  return lowers(WORKSPACE_RANK, from, to);
}

/** Workspace roles that administer a workspace (a workspace keeps at least one). */
export function isWorkspaceAdminRole(role: string): boolean {
  return role === 'owner' || role === 'admin';
}
