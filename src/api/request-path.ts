/**
 * Request targets: a path relative to the API root plus query parameters the
 * client builds itself. `formatTarget` renders them for the wire, and for log
 * lines and error messages, where only the parameters named in `SHOWN_QUERY`
 * appear (none of them can hold a secret; any other is shown as `name=…`).
 */

export type QueryValue = string | number | boolean;
export type Query = Readonly<Record<string, QueryValue | undefined>>;

/** Query parameters shown with their value in logs and errors. */
const SHOWN_QUERY = new Set(['workspaceId', 'max', 'offset', 'attributes']);

function encode(value: QueryValue): string {
  // Commas stay readable: `attributes=labels,computeEnv` (explode: false in the spec).
  return encodeURIComponent(String(value)).replace(/%2C/gi, ',');
}

function entries(query: Query | undefined): [string, QueryValue][] {
  if (query === undefined) return [];
  return Object.entries(query).filter((entry): entry is [string, QueryValue] => entry[1] !== undefined);
}

/** `path?k=v&…` as sent on the wire (relative to the base URL). */
export function wireTarget(path: string, query?: Query): string {
  const parts = entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${encode(value)}`);
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

/** `path?k=v&…` safe for a log line or an error message. */
export function displayTarget(path: string, query?: Query): string {
  const parts = entries(query).map(([key, value]) =>
    SHOWN_QUERY.has(key) ? `${key}=${encode(value)}` : `${key}=…`,
  );
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

/** A path segment from an id (numbers as is, strings URL-encoded). */
export function segment(id: string | number): string {
  return encodeURIComponent(String(id));
}

/** `/orgs/{orgId}`: where an organisation's own endpoints start. */
export function orgPath(orgId: number): string {
  return `/orgs/${segment(orgId)}`;
}

/** `/orgs/{orgId}/workspaces/{workspaceId}`: where a workspace's org-scoped endpoints start. */
export function workspacePath(orgId: number, workspaceId: number): string {
  return `${orgPath(orgId)}/workspaces/${segment(workspaceId)}`;
}
