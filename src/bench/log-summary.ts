/**
 * What the platform saw: the emulator's request log of one scenario, counted
 * by route. Compute-environment status polls (`GET /compute-envs` lists
 * after the first write) are waits, counted apart from the requests that
 * are compared with the bound.
 */
import type { RequestLogEntry } from '../emulator/index.js';
import { addCount, ROUTE, routeOf, type RouteCounts } from './routes.js';

export interface LogSummary {
  /** Every request received. */
  readonly requests: number;
  readonly writes: number;
  readonly status429: number;
  /** Answers other than 2xx and 429 (0 = dropped connection included). */
  readonly otherErrors: number;
  /** `GET /compute-envs` lists after the first write (CE availability polls). */
  readonly waitPolls: number;
  /** By route, wait polls excluded. */
  readonly byRoute: RouteCounts;
  /** Requests answered 429, by route (each was sent again: they explain requests above the bound). */
  readonly status429ByRoute: RouteCounts;
}

export function summarizeLog(log: readonly RequestLogEntry[]): LogSummary {
  const byRoute: Record<string, number> = {};
  const status429ByRoute: Record<string, number> = {};
  let writes = 0;
  let status429 = 0;
  let otherErrors = 0;
  let waitPolls = 0;
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
    if (wrote && route === ROUTE.computeEnvs) waitPolls++;
    else addCount(byRoute, route);
  }
  return { requests: log.length, writes, status429, otherErrors, waitPolls, byRoute, status429ByRoute };
}
