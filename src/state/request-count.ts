/**
 * `expectedReadRequests`: the number of requests `readActualState` makes for
 * a desired state against a platform of a given size — the formula in
 * read-actual-state.ts, computed. Tests compare it with a server's request
 * log; it shares only `planReads` (what is read) with the reader, not how.
 */
import type { DesiredState } from '../model/desired.js';
import type { Selection } from '../model/selection.js';
import { PAGE_SIZE } from '../api/paginate.js';
import { planReads, type OrgReads, type WorkspaceReads } from './read-needs.js';

/** Live sizes of one workspace. */
export interface LiveWorkspaceSize {
  readonly participants: number;
  readonly computeEnvs: number;
  /** The workspace's own pipelines (one launch read each). */
  readonly pipelines: number;
  /** Pipelines the list returns, shared ones from other workspaces included (default: `pipelines`). */
  readonly listedPipelines?: number;
  /** The workspace's labels (default 0). */
  readonly labels?: number;
}

/** Live sizes of one organisation; a team or workspace absent from the maps does not exist. */
export interface LiveOrgSize {
  readonly members: number;
  readonly teams: number;
  /** Members per existing team, by team name. */
  readonly teamMembers: Readonly<Record<string, number>>;
  readonly workspaces: Readonly<Record<string, LiveWorkspaceSize>>;
}

/** Existing organisations by name. */
export type LiveSizes = Readonly<Record<string, LiveOrgSize>>;

/** Requests to read a list of `n` items at `max=100` (an empty list is still one request). */
export function pages(n: number): number {
  return Math.max(1, Math.ceil(n / PAGE_SIZE));
}

/**
 * As `pages`, for a list sent without `totalSize` (teams): only a short page
 * ends it, so a full last page costs one more (empty) request.
 */
export function pagesWithoutTotal(n: number): number {
  return Math.floor(n / PAGE_SIZE) + 1;
}

function workspaceRequests(reads: WorkspaceReads, live: LiveWorkspaceSize): number {
  const listed = pages(live.listedPipelines ?? live.pipelines);
  let total = 0;
  if (reads.participants) total += pages(live.participants);
  // One list; a row without `keys` is also described (the emulator's rows carry them, so not counted here).
  if (reads.credentials) total += 1;
  if (reads.computeEnvList) total += 1;
  if (reads.computeEnvDescribe) total += live.computeEnvs;
  if (reads.pipelines === 'managed') total += listed + live.pipelines;
  if (reads.pipelines === 'if-any-ce' && live.computeEnvs > 0) total += listed;
  if (reads.pipelines === 'list') total += listed;
  if (reads.secrets) total += 1;
  if (reads.labels) total += pages(live.labels ?? 0);
  return total;
}

function orgRequests(reads: OrgReads, live: LiveOrgSize): number {
  let total = 1; // the workspaces list
  if (reads.members) total += pages(live.members);
  if (reads.teams) {
    total += pagesWithoutTotal(live.teams);
    for (const team of reads.teamMembers) {
      const size = live.teamMembers[team];
      if (size !== undefined) total += pages(size);
    }
  }
  for (const [name, wsReads] of reads.workspaces) {
    const ws = live.workspaces[name];
    if (ws !== undefined) total += workspaceRequests(wsReads, ws);
  }
  return total;
}

export function expectedReadRequests(
  desired: DesiredState,
  live: LiveSizes,
  options: { readonly workspaceFilter: readonly string[]; readonly selection?: Selection },
): number {
  const reads = planReads(desired, options.selection ?? options.workspaceFilter);
  let total = 1; // GET /user-info
  if (reads.length > 0) total += 1; // GET /orgs
  for (const orgReads of reads) {
    const org = live[orgReads.org.name];
    if (org !== undefined) total += orgRequests(orgReads, org);
  }
  return total;
}
