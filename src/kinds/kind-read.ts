/**
 * The read facet of a kind (`Kind.read`): what the live-state reader must
 * read of the kind for a desired state, how it reads it, and what that
 * costs in requests. The engines (`src/state/`, the bench's lower bound)
 * iterate the kinds and combine these; they name no kind.
 *
 * What is read is decided from the desired state alone, as named flags
 * (`ReadFlags`): each kind gives its own flags (`needs`), and may ask other
 * kinds' flags when it cannot be planned without their objects (`asks`: a
 * compute environment that names credentials needs the credentials' ids).
 * The engine merges every kind's asks first and hands them to every kind's
 * `needs`. A collection a kind reads only partly or only on condition is a
 * flag value other than `true` (a string), interpreted by the kind.
 *
 * How many requests a read costs is data too (`RequestCost`, per route), so
 * that the exact count the tests compare with a request log and the
 * benchmark's lower bound are the same formula.
 */
import type { ApiClient } from '../api/api-client.js';
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import type { DesiredOrg, DesiredWorkspace } from '../model/desired.js';

/** One read decision: read or not, how (a kind-defined word), or which names (team names). */
export type ReadFlag = boolean | string | readonly string[];

/** Read decisions by flag name; a flag that is absent or `false` means "not read". */
export type ReadFlags = Readonly<Record<string, ReadFlag>>;

/** A workspace's collections, one per kind (the fields the planner reads). */
export type WorkspaceCollection = Exclude<
  keyof ActualWorkspace,
  'id' | 'name' | 'fullName' | 'description' | 'visibility'
>;

/** An organisation's own collections, one per kind (workspaces are the engine's). */
export type OrgCollection = Exclude<
  keyof ActualOrg,
  'orgId' | 'name' | 'fullName' | 'description' | 'callerRole' | 'workspaces'
>;

/**
 * Requests on one route (`METHOD /path/{id}`): `requests` single ones, or
 * the pages of a list of `listOf` items (at least one request, even empty).
 * A list `withoutTotal` has answers that carry no total size: only a short
 * page ends it, so a full last page costs one more (empty) request; a lower
 * bound, which assumes the API's best answer, does not count it. `after`
 * names the route (of the same organisation or workspace) whose answer the
 * requests need (a describe needs the list's ids); without it they need only
 * the container's id.
 */
export type RequestCost =
  | { readonly route: string; readonly requests: number; readonly after?: string }
  | {
      readonly route: string;
      readonly listOf: number;
      readonly withoutTotal?: boolean;
      readonly after?: string;
    };

/** Live sizes of one workspace, by size name (`participants`, ...); a missing size is 0. */
export type LiveWorkspaceSize = Readonly<Record<string, number>>;

/**
 * Live sizes of one organisation, by size name: a number (`members`), or
 * numbers by name (`teamMembers`: per existing team); `workspaces` holds the
 * existing workspaces' sizes (a workspace absent from it does not exist).
 */
export interface LiveOrgSize {
  readonly workspaces: Readonly<Record<string, LiveWorkspaceSize>>;
  readonly [size: string]: unknown;
}

/** A size of a live organisation (0 when not given). */
export function sizeOf(live: LiveOrgSize, name: string): number {
  const value = live[name];
  return typeof value === 'number' ? value : 0;
}

/** Sizes by name of a live organisation (`teamMembers`), or undefined for a name it does not give. */
export function sizeByName(live: LiveOrgSize, name: string, key: string): number | undefined {
  const value = live[name];
  if (typeof value !== 'object' || value === null) return undefined;
  const size = (value as Readonly<Record<string, unknown>>)[key];
  return typeof size === 'number' ? size : undefined;
}

/** What a kind's reader of an organisation collection gets. */
export interface OrgReadContext {
  readonly client: ApiClient;
  readonly orgId: number;
  readonly orgName: string;
}

/** The organisation being read, after every kind's first read (see `OrgRead.complete`). */
export interface OrgDraft {
  readonly collections: Readonly<Partial<Pick<ActualOrg, OrgCollection>>>;
  readonly workspaces: readonly ActualWorkspace[];
}

/** What a kind's completing read gets besides the draft. */
export interface OrgCompleteContext extends OrgReadContext {
  readonly org: DesiredOrg;
  /** Org-level resources are planned (no workspace filter). */
  readonly orgLevel: boolean;
  /** The token's own user (lower case). */
  readonly tokenEmail: string;
}

/** A kind's collection of the organisation (`field` of `ActualOrg`). */
export interface OrgRead<F extends OrgCollection = OrgCollection> {
  readonly field: F;
  /** Its flags for an organisation, given what other kinds ask of it. */
  readonly needs: (org: DesiredOrg, orgLevel: boolean, asked: ReadFlags) => ReadFlags;
  /** Reads it as the flags say (resolves to undefined when not read). */
  readonly read: (ctx: OrgReadContext, reads: ReadFlags) => Promise<ActualOrg[F]>;
  /** Its requests, as the flags say, against an organisation of the given size. */
  readonly requests: (reads: ReadFlags, live: LiveOrgSize) => readonly RequestCost[];
  /**
   * Its flags in an access report's read (`access-report --org`: every
   * item of the organisation on the platform, declared or not), when the
   * report reads it: what the report's request model prices.
   */
  readonly accessReport?: (live: LiveOrgSize) => ReadFlags;
  /**
   * Reads that depend on what the first reads returned (the organisation's
   * and its workspaces' collections), run after all of them: returns the
   * draft completed.
   */
  readonly complete?: (ctx: OrgCompleteContext, draft: OrgDraft) => Promise<OrgDraft>;
}

/** Another kind's read in the same workspace. */
export interface Reading<T> {
  /** How many items its first list returned (undefined when not read, or when the list failed). */
  readonly listed: Promise<number | undefined>;
  /** The collection (undefined when not read). */
  readonly result: Promise<T>;
}

/** What a kind's reader of a workspace collection gets. */
export interface WorkspaceReadContext {
  readonly client: ApiClient;
  readonly orgId: number;
  readonly workspaceId: number;
  /** `<what> of <org>/<workspace>`, for error messages. */
  readonly label: (what: string) => string;
  /** The read of another kind's collection, declared in `uses` (undefined when no kind reads it). */
  readonly used: <F extends WorkspaceCollection>(field: F) => Reading<ActualWorkspace[F]> | undefined;
}

/** A kind's collection of a workspace (`field` of `ActualWorkspace`). */
export interface WorkspaceRead<F extends WorkspaceCollection = WorkspaceCollection> {
  readonly field: F;
  /** Other kinds' collections its reader waits for (their reads start first). */
  readonly uses?: readonly WorkspaceCollection[];
  /** Flags it asks of other kinds' reads of a present workspace. */
  readonly asks?: (ws: DesiredWorkspace) => ReadFlags;
  /** Flags it asks of the organisation's reads, for the selected present workspaces. */
  readonly asksOfOrg?: (present: readonly DesiredWorkspace[]) => ReadFlags;
  /** Its flags for a present workspace, given what other kinds ask of it. */
  readonly needs: (ws: DesiredWorkspace, asked: ReadFlags) => ReadFlags;
  /** Its flags for a workspace deleted whole: what goes with it is listed, so the plan names it. */
  readonly whenDeleted: ReadFlags;
  /** Starts reading it as the flags say. */
  readonly read: (ctx: WorkspaceReadContext, reads: ReadFlags) => Reading<ActualWorkspace[F]>;
  /** Its requests, as the flags say, against a workspace of the given size. */
  readonly requests: (reads: ReadFlags, live: LiveWorkspaceSize) => readonly RequestCost[];
  /** Its flags in an access report's read of every workspace, when the report reads it (see `OrgRead.accessReport`). */
  readonly accessReport?: ReadFlags;
}

/** The read facet: a kind reads an organisation collection, a workspace collection, or neither. */
export interface KindRead {
  readonly org?: OrgRead;
  readonly workspace?: WorkspaceRead;
}

/** A reading whose list count is its collection's length. */
export function readingOf<T extends readonly unknown[] | undefined>(result: Promise<T>): Reading<T> {
  return {
    result,
    listed: result.then(
      (items) => items?.length,
      () => undefined,
    ),
  };
}
