/**
 * The requests `readActualState` makes for a desired state against a
 * platform of a given size, by route, computed from what the kinds declare
 * (`requests` of their read facets) and `planReads`:
 *
 *   1 GET /user-info + [any org selected] 1 GET /orgs
 *   + Σ selected orgs that exist: 1 (the workspace list, unpaged)
 *     + the org kinds' requests
 *     + Σ selected workspaces that exist: the workspace kinds' requests
 *
 * A list costs pages(n) = max(1, ceil(n/100)) requests. Tests compare the
 * exact count (`expectedReadRequests`) with a server's request log; the
 * benchmark's lower bound is the same count priced at the API's best
 * (`floor`: a list without a total size costs no extra empty page).
 *
 * The critical path (`readCriticalPath`, in request latencies) follows the
 * same costs: user-info ∥ orgs (1) → an organisation's lists (2) → its
 * workspaces' lists (3); a list's later pages one step after its first (the
 * first answer gives the total), and requests that need a list's answer
 * (`after`) one step after its last page.
 */
import { PAGE_SIZE } from '../api/paginate.js';
import { KINDS } from '../kinds/index.js';
import type { Kind } from '../kinds/kind.js';
import type { LiveOrgSize, LiveWorkspaceSize, RequestCost } from '../kinds/kind-read.js';
import type { DesiredState } from '../model/desired.js';
import type { Selection } from '../model/selection.js';
import { orgFacets, planReads, workspaceFacets, type OrgReads } from './read-needs.js';
import { QUOTAS_ROUTE } from './read-quotas.js';

export type { LiveOrgSize, LiveWorkspaceSize } from '../kinds/kind-read.js';

/** Existing organisations by name. */
export type LiveSizes = Readonly<Record<string, LiveOrgSize>>;

/** Requests by route (`METHOD /path/{id}`). */
export type RequestsByRoute = Readonly<Record<string, number>>;

/** `exact`: what the reader makes; `floor`: the minimum the API's shape allows. */
export type Pricing = 'exact' | 'floor';

export const USER_INFO_ROUTE = 'GET /user-info';
export const ORGS_ROUTE = 'GET /orgs';
export const WORKSPACES_ROUTE = 'GET /orgs/{id}/workspaces';
export { QUOTAS_ROUTE };

/** Requests to read a list of `n` items at `max=100` (an empty list is still one request). */
export function pages(n: number): number {
  return Math.max(1, Math.ceil(n / PAGE_SIZE));
}

/**
 * As `pages`, for a list sent without `totalSize`: only a short page
 * ends it, so a full last page costs one more (empty) request.
 */
export function pagesWithoutTotal(n: number): number {
  return Math.floor(n / PAGE_SIZE) + 1;
}

function requestsOf(cost: RequestCost, pricing: Pricing): number {
  if ('requests' in cost) return cost.requests;
  return cost.withoutTotal === true && pricing === 'exact'
    ? pagesWithoutTotal(cost.listOf)
    : pages(cost.listOf);
}

function add(counts: Record<string, number>, route: string, n: number): void {
  if (n !== 0) counts[route] = (counts[route] ?? 0) + n;
}

function addCosts(counts: Record<string, number>, costs: readonly RequestCost[], pricing: Pricing): void {
  for (const cost of costs) add(counts, cost.route, requestsOf(cost, pricing));
}

function addOrg(
  counts: Record<string, number>,
  reads: OrgReads,
  live: LiveOrgSize,
  pricing: Pricing,
  kinds: readonly Kind[],
): void {
  add(counts, WORKSPACES_ROUTE, 1);
  for (const facet of orgFacets(kinds)) addCosts(counts, facet.requests(reads.flags, live), pricing);
  for (const [name, wsReads] of reads.workspaces) {
    const ws: LiveWorkspaceSize | undefined = live.workspaces[name];
    if (ws === undefined) continue;
    for (const facet of workspaceFacets(kinds)) addCosts(counts, facet.requests(wsReads, ws), pricing);
  }
}

/** The depth of the last answer of each cost of one container whose own lists start at `level`. */
function depthOf(costs: readonly RequestCost[], level: number, pricing: Pricing): number {
  const memo = new Map<RequestCost, number>();
  const visiting = new Set<RequestCost>();
  const lastOf = (cost: RequestCost): number => {
    const known = memo.get(cost);
    if (known !== undefined) return known;
    if (visiting.has(cost))
      throw new Error(`the read costs' "after" declarations form a cycle at ${cost.route}`);
    visiting.add(cost);
    const needed = costs.filter((other) => other.route === cost.after);
    const start = needed.length === 0 ? level : Math.max(...needed.map(lastOf)) + 1;
    const count = requestsOf(cost, pricing);
    const last = count === 0 ? 0 : 'listOf' in cost && count > 1 ? start + 1 : start;
    visiting.delete(cost);
    memo.set(cost, last);
    return last;
  };
  return Math.max(0, ...costs.map(lastOf));
}

export interface ReadCountOptions {
  readonly workspaceFilter: readonly string[];
  readonly selection?: Selection;
}

/** The reader's requests for `desired` against `live`, by route. */
export function readRequestsByRoute(
  desired: DesiredState,
  live: LiveSizes,
  options: ReadCountOptions,
  pricing: Pricing = 'exact',
  kinds: readonly Kind[] = KINDS,
): RequestsByRoute {
  const reads = planReads(desired, options.selection ?? options.workspaceFilter, kinds);
  const counts: Record<string, number> = {};
  add(counts, USER_INFO_ROUTE, 1);
  if (reads.length > 0) add(counts, ORGS_ROUTE, 1);
  for (const orgReads of reads) {
    const org = live[orgReads.org.name];
    if (org !== undefined) addOrg(counts, orgReads, org, pricing, kinds);
  }
  return counts;
}

/** The number of requests `readActualState` makes for `desired` against `live`. */
export function expectedReadRequests(
  desired: DesiredState,
  live: LiveSizes,
  options: ReadCountOptions,
  kinds: readonly Kind[] = KINDS,
): number {
  const counts = readRequestsByRoute(desired, live, options, 'exact', kinds);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The reader's critical path for `desired` against `live`, in request latencies (see the header). */
export function readCriticalPath(
  desired: DesiredState,
  live: LiveSizes,
  options: ReadCountOptions,
  pricing: Pricing = 'exact',
  kinds: readonly Kind[] = KINDS,
): number {
  const reads = planReads(desired, options.selection ?? options.workspaceFilter, kinds);
  let depth = 1; // user-info ∥ orgs
  for (const orgReads of reads) {
    const org = live[orgReads.org.name];
    if (org === undefined) continue;
    const orgCosts = orgFacets(kinds).flatMap((facet) => facet.requests(orgReads.flags, org));
    depth = Math.max(depth, 2, depthOf(orgCosts, 2, pricing));
    for (const [name, wsReads] of orgReads.workspaces) {
      const ws: LiveWorkspaceSize | undefined = org.workspaces[name];
      if (ws === undefined) continue;
      const wsCosts = workspaceFacets(kinds).flatMap((facet) => facet.requests(wsReads, ws));
      depth = Math.max(depth, depthOf(wsCosts, 3, pricing));
    }
  }
  return depth;
}

/**
 * The requests of an access report (`access-report --org`) of an
 * organisation of the given size (undefined: it does not exist), by route:
 * the organisation list, then its workspaces' list and the lists each kind
 * reads for the report (its read facet's `accessReport` flags), for every
 * item of the organisation on the platform.
 */
export function accessReportRequestsByRoute(
  live: LiveOrgSize | undefined,
  pricing: Pricing = 'exact',
  kinds: readonly Kind[] = KINDS,
): RequestsByRoute {
  const counts: Record<string, number> = {};
  add(counts, ORGS_ROUTE, 1);
  if (live === undefined) return counts;
  add(counts, WORKSPACES_ROUTE, 1);
  addCosts(counts, accessOrgCosts(live, kinds), pricing);
  for (const ws of Object.values(live.workspaces)) addCosts(counts, accessWorkspaceCosts(ws, kinds), pricing);
  return counts;
}

/** An access report's critical path in request latencies: orgs (1) → the organisation's lists (2) → the workspaces' lists (3), plus later pages and lists that wait for another. */
export function accessReportCriticalPath(
  live: LiveOrgSize | undefined,
  pricing: Pricing = 'exact',
  kinds: readonly Kind[] = KINDS,
): number {
  if (live === undefined) return 1;
  let depth = Math.max(2, depthOf(accessOrgCosts(live, kinds), 2, pricing));
  for (const ws of Object.values(live.workspaces))
    depth = Math.max(depth, depthOf(accessWorkspaceCosts(ws, kinds), 3, pricing));
  return depth;
}

function accessOrgCosts(live: LiveOrgSize, kinds: readonly Kind[]): RequestCost[] {
  return orgFacets(kinds).flatMap((facet) =>
    facet.accessReport === undefined ? [] : facet.requests(facet.accessReport(live), live),
  );
}

function accessWorkspaceCosts(ws: LiveWorkspaceSize, kinds: readonly Kind[]): RequestCost[] {
  return workspaceFacets(kinds).flatMap((facet) =>
    facet.accessReport === undefined ? [] : facet.requests(facet.accessReport, ws),
  );
}

/**
 * The quota check's requests, made after the plan is computed: one
 * `GET /orgs/{id}/quotas` per existing organisation whose plan creates
 * something a quota counts (`orgsToCheck`), none otherwise. It adds one
 * latency to the critical path when there is any.
 */
export function quotaReadRequests(orgs: number): RequestsByRoute {
  return orgs === 0 ? {} : { [QUOTAS_ROUTE]: orgs };
}
