/**
 * A tiny router: `METHOD /literal/{param}/...` patterns, literal segments
 * winning over parameters (so `/members/add` is never read as a member id).
 */
import type { Query } from './body.js';
import type { Json } from './json.js';
import type { UploadedFile } from './multipart.js';
import type { UserRecord } from './store.js';

/** What a handler gets: the parsed request and the authenticated token user. */
export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Query;
  /** The parsed JSON body (`undefined` when the request had none, or it was multipart). */
  readonly body: unknown;
  /** The `file` part of a multipart request. */
  readonly upload?: UploadedFile;
  readonly user: UserRecord;
  /** Request time (ms since epoch) and the same as an ISO-8601 string. */
  readonly now: number;
  readonly timestamp: string;
}

/** A handler's answer; `body` undefined means no content (204-style); `raw` is a download. */
export interface Reply {
  readonly status: number;
  readonly body?: Json;
  readonly raw?: { readonly contentType: string; readonly data: Buffer };
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly pattern: string;
  readonly handler: Handler;
}

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
  readonly literals: number;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');
const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** Routes indexed by segment count; matching costs O(routes of that length). */
export class Router {
  private readonly bySize = new Map<number, CompiledRoute[]>();

  constructor(private readonly served: readonly Route[]) {
    for (const route of served) {
      const segments = split(route.pattern);
      const compiled = { route, segments, literals: segments.filter((s) => !isParam(s)).length };
      const list = this.bySize.get(segments.length) ?? [];
      list.push(compiled);
      this.bySize.set(segments.length, list);
    }
    for (const list of this.bySize.values()) list.sort((a, b) => b.literals - a.literals);
  }

  /** Every route, in the order given. */
  routes(): readonly Route[] {
    return this.served;
  }

  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    const candidates = this.bySize.get(parts.length) ?? [];
    const allowed: string[] = [];
    let bestLiterals = -1;
    for (const candidate of candidates) {
      if (candidate.literals < bestLiterals) break;
      const params = matchSegments(candidate.segments, parts);
      if (params === undefined) continue;
      if (candidate.route.method === method) return { kind: 'found', route: candidate.route, params };
      bestLiterals = candidate.literals;
      allowed.push(candidate.route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function matchSegments(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? '';
    const actual = parts[i] ?? '';
    if (isParam(expected)) {
      const decoded = safeDecode(actual);
      if (decoded === undefined) return undefined;
      params[expected.slice(1, -1)] = decoded;
    } else if (expected !== actual) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
