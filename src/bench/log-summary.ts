/**
 * What the platform saw: the emulator's request log of one scenario, counted
 * by route. Status polls (the lists a kind declares in its
 * `writes.statusPoll`, read after the first write: a compute environment
 * becoming available) are waits, counted apart from the requests that are
 * compared with the bound.
 */
import type { RequestLogEntry } from '../emulator/index.js';
import { KINDS } from '../kinds/index.js';
import { addCount, routeOf, type RouteCounts } from './routes.js';

export interface LogSummary {
  /** Every request received. */
  readonly requests: number;
  readonly writes: number;
  readonly status429: number;
  /** Answers other than 2xx and 429 (0 = dropped connection included). */
  readonly otherErrors: number;
  /** Status polls after the first write (a compute environment's availability). */
  readonly waitPolls: number;
  /** By route, wait polls excluded. */
  readonly byRoute: RouteCounts;
  /** Requests answered 429, by route (each was sent again: they explain requests above the bound). */
  readonly status429ByRoute: RouteCounts;
  /**
   * Of the requests by route, those of the organisation level: neither under
   * a workspace's path, nor scoped by `?workspaceId=`, nor creating a workspace.
   */
  readonly orgLevel: number;
}

/** The routes the kinds poll while a created item becomes available. */
const STATUS_POLLS: ReadonlySet<string> = new Set(
  KINDS.flatMap((kind) => kind.resources).flatMap((spec) =>
    spec.writes?.statusPoll === undefined ? [] : [spec.writes.statusPoll],
  ),
);

/** A request about one workspace: under its path, scoped by `?workspaceId=`, or creating it. */
function isWorkspaceLevel(entry: RequestLogEntry): boolean {
  return (
    entry.query['workspaceId'] !== undefined ||
    /\/workspaces\/[^/]+/.test(entry.path) ||
    (entry.method === 'POST' && /\/workspaces\/?$/.test(entry.path))
  );
}

export function summarizeLog(log: readonly RequestLogEntry[]): LogSummary {
  const byRoute: Record<string, number> = {};
  const status429ByRoute: Record<string, number> = {};
  let writes = 0;
  let status429 = 0;
  let otherErrors = 0;
  let waitPolls = 0;
  let orgLevel = 0;
  let wrote = false;
  for (const entry of log) {
    const route = routeOf(entry.method, entry.path);
    if (entry.write) {
      writes++;
      wrote = true;
    }
    if (entry.status === 429) {
      status429++;
      addCount(status429ByRoute, route);
    } else if (entry.status < 200 || entry.status >= 300) otherErrors++;
    if (wrote && STATUS_POLLS.has(route)) waitPolls++;
    else {
      addCount(byRoute, route);
      if (!isWorkspaceLevel(entry)) orgLevel++;
    }
  }
  return {
    requests: log.length,
    writes,
    status429,
    otherErrors,
    waitPolls,
    byRoute,
    status429ByRoute,
    orgLevel,
  };
}
