/**
 * Request categories ("routes"): `METHOD /path/{id}/...`, the unit in which
 * the lower bound is broken down and the emulator's request log is counted,
 * so a gap between the two names the route that causes it. A logged path's
 * route is the emulator's route that serves it (the API's own paths), each
 * parameter written `{id}`, or `{name}` where the API addresses an item of a
 * collection by its name (`/roles/{roleName}` → `/roles/{name}`); the kinds
 * declare their reads' and writes' routes in the same words.
 */
import { servedRoutes } from '../emulator/start-emulator.js';

interface Pattern {
  readonly method: string;
  readonly segments: readonly string[];
  readonly literals: number;
}

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');
const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

let patterns: ReadonlyMap<number, readonly Pattern[]> | undefined;

/** The emulator's routes by segment count, the most literal first (literals win, as in its router). */
function patternsBySize(): ReadonlyMap<number, readonly Pattern[]> {
  if (patterns !== undefined) return patterns;
  const bySize = new Map<number, Pattern[]>();
  for (const { method, pattern } of servedRoutes()) {
    const segments = split(pattern);
    const list = bySize.get(segments.length) ?? [];
    list.push({ method, segments, literals: segments.filter((s) => !isParam(s)).length });
    bySize.set(segments.length, list);
  }
  for (const list of bySize.values()) list.sort((a, b) => b.literals - a.literals);
  patterns = bySize;
  return bySize;
}

/** The served pattern a path takes: the method's own first, else another method's (a 405). */
function patternOf(method: string, segments: readonly string[]): Pattern | undefined {
  const candidates = (patternsBySize().get(segments.length) ?? []).filter((p) =>
    p.segments.every((expected, i) => isParam(expected) || expected === segments[i]),
  );
  return candidates.find((p) => p.method === method) ?? candidates[0];
}

/** `{roleName}` after `roles` names the item by its name; any other parameter is an id. */
function paramName(param: string, parent: string): string {
  return param === `{${parent.replace(/s$/, '')}Name}` ? '{name}' : '{id}';
}

/** `GET /orgs/12/workspaces/34/participants` → `GET /orgs/{id}/workspaces/{id}/participants`. */
export function routeOf(method: string, path: string): string {
  const verb = method.toUpperCase();
  const segments = split(path);
  const pattern = patternOf(verb, segments);
  const out = segments.map((segment, i) => {
    if (/^\d+$/.test(segment)) return '{id}';
    const expected = pattern?.segments[i];
    if (expected === undefined || !isParam(expected)) return segment;
    return paramName(expected, pattern?.segments[i - 1] ?? '');
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
