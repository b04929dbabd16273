/**
 * Request categories ("routes"): `METHOD /path/{id}/...`, the unit in which
 * the lower bound is broken down and the emulator's request log is counted,
 * so a gap between the two names the route that causes it.
 */

export const ROUTE = {
  userInfo: 'GET /user-info',
  orgs: 'GET /orgs',
  workspaces: 'GET /orgs/{id}/workspaces',
  members: 'GET /orgs/{id}/members',
  teams: 'GET /orgs/{id}/teams',
  teamMembers: 'GET /orgs/{id}/teams/{id}/members',
  participants: 'GET /orgs/{id}/workspaces/{id}/participants',
  credentials: 'GET /credentials',
  computeEnvs: 'GET /compute-envs',
  computeEnv: 'GET /compute-envs/{id}',
  pipelines: 'GET /pipelines',
  pipelineLaunch: 'GET /pipelines/{id}/launch',
  secrets: 'GET /pipeline-secrets',
  labels: 'GET /labels',
  dataLinks: 'GET /data-links',
  actions: 'GET /actions',
  action: 'GET /actions/{id}',
  datasets: 'GET /datasets',
  datasetVersions: 'GET /datasets/versions',
  datasetDownload: 'GET /datasets/{id}/v/{id}/n/{id}',
  createOrg: 'POST /orgs',
  addMember: 'PUT /orgs/{id}/members/add',
  memberRole: 'PUT /orgs/{id}/members/{id}/role',
  createTeam: 'POST /orgs/{id}/teams',
  addTeamMember: 'POST /orgs/{id}/teams/{id}/members',
  createWorkspace: 'POST /orgs/{id}/workspaces',
  addParticipant: 'PUT /orgs/{id}/workspaces/{id}/participants/add',
  participantRole: 'PUT /orgs/{id}/workspaces/{id}/participants/{id}/role',
  createCredentials: 'POST /credentials',
  createComputeEnv: 'POST /compute-envs',
  primaryComputeEnv: 'POST /compute-envs/{id}/primary',
  createPipeline: 'POST /pipelines',
  createSecret: 'POST /pipeline-secrets',
  createLabel: 'POST /labels',
  createDataLink: 'POST /data-links',
  studiosSettings: 'PUT /orgs/{id}/workspaces/{id}/settings/studios',
  quotas: 'GET /orgs/{id}/quotas',
  createAction: 'POST /actions',
  applyActionLabels: 'POST /actions/labels/apply',
  createDataset: 'POST /datasets',
  uploadDataset: 'POST /datasets/{id}/upload',
  applyDatasetLabels: 'POST /datasets/labels/apply',
  roles: 'GET /roles',
  role: 'GET /roles/{name}',
  rolePermissions: 'GET /roles/permissions',
  createRole: 'POST /roles',
} as const;

/** Routes of organisation-level requests (everything else is per workspace). */
export const ORG_LEVEL_ROUTES: ReadonlySet<string> = new Set([
  ROUTE.userInfo,
  ROUTE.orgs,
  ROUTE.workspaces,
  ROUTE.members,
  ROUTE.teams,
  ROUTE.teamMembers,
  ROUTE.createOrg,
  ROUTE.addMember,
  ROUTE.memberRole,
  ROUTE.createTeam,
  ROUTE.addTeamMember,
  ROUTE.quotas,
  ROUTE.roles,
  ROUTE.role,
  ROUTE.rolePermissions,
  ROUTE.createRole,
  'PUT /orgs/{id}',
  'PUT /orgs/{id}/teams/{id}',
  'DELETE /orgs/{id}/members/{id}',
  'DELETE /orgs/{id}/teams/{id}',
  'DELETE /orgs/{id}/teams/{id}/members/{id}/delete',
]);

/** Path segments after which the next segment is an identifier (unless it is a keyword below). */
const ID_PARENTS = new Set([
  'orgs',
  'workspaces',
  'members',
  'teams',
  'participants',
  'credentials',
  'compute-envs',
  'pipelines',
  'pipeline-secrets',
  'actions',
  'versions',
  'users',
  'user',
  'roles',
  'data-links',
  'datasets',
  // A dataset version's content: `/datasets/{id}/v/{version}/n/{fileName}`.
  'v',
  'n',
]);

/** Literal segments that are never identifiers. */
const KEYWORDS = new Set([
  'add',
  'role',
  'delete',
  'leave',
  'validate',
  'primary',
  'launch',
  'manage',
  'enable',
  'disable',
  'members',
  'participants',
  'workspaces',
  'teams',
  'versions',
  'labels',
  'collaborators',
  'keys',
  'permissions',
]);

/** Path segments after which an identifier is a name (`/roles/{name}`), as the tool's routes call it. */
const NAME_PARENTS = new Set(['roles']);

/** `GET /orgs/12/workspaces/34/participants` → `GET /orgs/{id}/workspaces/{id}/participants`. */
export function routeOf(method: string, path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const parent = i > 0 ? (segments[i - 1] ?? '') : '';
    const isId = /^\d+$/.test(segment) || (ID_PARENTS.has(parent) && !KEYWORDS.has(segment));
    out.push(isId ? (NAME_PARENTS.has(parent) && !/^\d+$/.test(segment) ? '{name}' : '{id}') : segment);
  }
  return `${method.toUpperCase()} /${out.join('/')}`;
}

/** Route → count. */
export type RouteCounts = Readonly<Record<string, number>>;

export function addCount(counts: Record<string, number>, route: string, n = 1): void {
  if (n === 0) return;
  counts[route] = (counts[route] ?? 0) + n;
}

export function totalOf(counts: RouteCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function orgLevelOf(counts: RouteCounts): number {
  return Object.entries(counts).reduce((sum, [route, n]) => sum + (ORG_LEVEL_ROUTES.has(route) ? n : 0), 0);
}

/** Routes where `measured` and `bound` differ: route → measured − bound. */
export function routeGaps(measured: RouteCounts, bound: RouteCounts): Record<string, number> {
  const gaps: Record<string, number> = {};
  for (const route of new Set([...Object.keys(measured), ...Object.keys(bound)])) {
    const gap = (measured[route] ?? 0) - (bound[route] ?? 0);
    if (gap !== 0) gaps[route] = gap;
  }
  return gaps;
}
