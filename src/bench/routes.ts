/**
 * Request categories ("routes"): `METHOD /path/{id}/...`, the unit in which
 * the lower bound is broken down and the emulator's request log is counted,
 * so a gap between the two names the route that causes it. A logged path's
 * route is the emulator's route that serves it (the API's own paths), each
 * parameter written `{id}`, or `{name}` where the API addresses an item of a
 * collection by its name (`/roles/{roleName}` → `/roles/{name}`); the kinds
 * declare their reads' and writes' routes in the same words.
 */
import { servedRouter } from '../emulator/start-emulator.js';
import type { Router } from '../emulator/router.js';

let router: Router | undefined;

/**
 * The emulator's pattern a path takes, matched by the emulator's own router:
 * the method's route, else (a 405) the route of a method that path allows.
 */
function patternOf(method: string, path: string): string | undefined {
  router ??= servedRouter();
  const match = router.match(method, path);
  if (match.kind === 'found') return match.route.pattern;
  if (match.kind === 'not-found') return undefined;
  const other = router.match(match.allowed[0] ?? method, path);
  return other.kind === 'found' ? other.route.pattern : undefined;
}

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');
const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** `{roleName}` after `roles` names the item by its name; any other parameter is an id. */
function paramName(param: string, parent: string): string {
  return param === `{${parent.replace(/s$/, '')}Name}` ? '{name}' : '{id}';
}

/** `GET /orgs/12/workspaces/34/participants` → `GET /orgs/{id}/workspaces/{id}/participants`. */
export function routeOf(method: string, path: string): string {
  const verb = method.toUpperCase();
  const segments = split(path);
  const pattern = split(patternOf(verb, path) ?? '');
  const out = segments.map((segment, i) => {
    if (/^\d+$/.test(segment)) return '{id}';
    const expected = pattern[i];
    if (expected === undefined || !isParam(expected)) return segment;
    return paramName(expected, pattern[i - 1] ?? '');
  });
  return `${verb} /${out.join('/')}`;
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

/** Routes where `measured` and `bound` differ: route → measured − bound. */
export function routeGaps(measured: RouteCounts, bound: RouteCounts): Record<string, number> {
  const gaps: Record<string, number> = {};
  for (const route of new Set([...Object.keys(measured), ...Object.keys(bound)])) {
    const gap = (measured[route] ?? 0) - (bound[route] ?? 0);
    if (gap !== 0) gaps[route] = gap;
  }
  return gaps;
}
