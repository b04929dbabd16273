/**
 * What every per-kind planner receives: the desired and live objects of the
 * org (and workspace) being planned, the context, and the collector. Plus the
 * shared handling of extras (live items a managed collection does not
 * declare), which is the same for every kind.
 */
import type { ActualOrg, ActualWorkspace } from '../../model/actual.js';
import type { DesiredOrg, DesiredWorkspace } from '../../model/desired.js';
import type { PlannerContext } from '../../model/planner-context.js';
import type { ResourceKind } from '../../model/resources.js';
import type { Selection } from '../../model/selection.js';
import type { PlanCollector } from './collector.js';

/** An item the platform removes with another resource's item: its address, its collection and that collection's live size. */
export interface CascadeEntry {
  readonly address: string;
  readonly collection: string;
  readonly size: number;
}

export interface OrgScope {
  readonly org: DesiredOrg;
  /** `undefined` when the org does not exist on the platform (yet). */
  readonly actual: ActualOrg | undefined;
  /** The org itself is created by this plan: everything inside it is a create. */
  readonly orgCreated: boolean;
  /** Org-level members and teams are planned (no `--workspace` filter). */
  readonly orgLevel: boolean;
  /** Lower-cased email of the token's own user. */
  readonly tokenEmail: string;
  readonly protectedUsers: ReadonlySet<string>;
  /** Emails whose org membership this plan deletes (their teams and participations go with it); filled by the members planner. */
  readonly deletedMembers: Set<string>;
  /** Team names whose deletion this plan schedules; filled by the teams planner. */
  readonly deletedTeams: Set<string>;
  /**
   * The addresses of what the platform deletes with a live workspace (every
   * item read of it, by the kinds' collections; given by the planner, which
   * derives it from the registry).
   */
  readonly workspaceContents: (live: ActualWorkspace) => readonly string[];
  /**
   * What the platform removes with the item of `kind` named `name` (a
   * member's email, a team's name), in the read state: what the resources
   * declare (`ResourceSpec.removedWith`), given by the planner.
   */
  readonly removedWith: (kind: ResourceKind, name: string) => readonly CascadeEntry[];
  /** The workspaces this plan covers (a filter or a change scope). */
  readonly selection: Selection;
  readonly context: PlannerContext;
  readonly out: PlanCollector;
}

export interface WorkspaceScope extends OrgScope {
  readonly ws: DesiredWorkspace;
  /** `undefined` when the workspace is created by this plan. */
  readonly actualWs: ActualWorkspace | undefined;
  readonly wsAddress: string;
}

/** `dependsOn` for anything inside a workspace: the workspace create, when there is one. */
export function workspaceDeps(s: WorkspaceScope): string[] {
  return s.actualWs === undefined ? s.out.dependencyOn(s.wsAddress, ['create']) : [];
}

/** Unique, sorted `dependsOn` list. */
export function deps(...lists: readonly (readonly string[])[]): readonly string[] {
  return [...new Set(lists.flat())].sort();
}

export interface Extra {
  readonly address: string;
  readonly kind: ResourceKind;
  readonly org: string;
  readonly workspace?: string;
  /** Display name (email, `team:<name>`, resource name). */
  readonly name: string;
  /** Values matched against the ignore list (emails lower-cased). */
  readonly ignoreKeys: readonly string[];
  readonly ignore: readonly string[];
  readonly prune: boolean;
  /** The collection as written in the file, e.g. `participants`. */
  readonly collection: string;
  /** The file that manages the collection. */
  readonly file: string;
  readonly isTokenUser?: boolean;
  readonly isProtected?: boolean;
}

/**
 * Decides what happens to an extra and records drift or notes. Returns true
 * when the caller must plan a delete. Ignored extras vanish; the token's user
 * is never an extra and never reported (the platform makes a
 * workspace's creator its owner, so it is expected everywhere); with
 * prune off an extra is unmanaged drift; a protected user is skipped by
 * prune with a note.
 */
export function handleExtra(out: PlanCollector, extra: Extra): boolean {
  if (extra.ignoreKeys.some((key) => extra.ignore.includes(key))) return false;
  if (extra.isTokenUser === true) return false;
  if (!extra.prune) {
    out.drift({
      address: extra.address,
      kind: extra.kind,
      org: extra.org,
      ...(extra.workspace === undefined ? {} : { workspace: extra.workspace }),
      name: extra.name,
      reason: `on the platform, not declared in ${extra.file} (prune is off for ${extra.collection})`,
    });
    return false;
  }
  if (extra.isProtected === true) {
    out.note(`prune skipped ${extra.name}: a protected user is never removed`, extra.address);
    return false;
  }
  return true;
}

/** The reason of a delete planned by prune. */
export function pruneReason(file: string, collection: string): string {
  return `not declared in ${file} and prune is on for ${collection}`;
}

/** The reason of a create. */
export function createReason(file: string): string {
  return `declared in ${file}, not on the platform`;
}

/**
 * The fields every create of a declared workspace item shares: its type,
 * the file that declares it, and what it waits for (its workspace, when this
 * plan creates it, and `dependsOn`).
 */
export function workspaceCreate(
  s: WorkspaceScope,
  dependsOn: readonly string[] = [],
): { readonly type: 'create'; readonly reason: string; readonly dependsOn: readonly string[] } {
  return {
    type: 'create',
    reason: createReason(s.ws.source.file),
    dependsOn: deps(workspaceDeps(s), dependsOn),
  };
}

/** The reason of an update or replace, naming the fields. */
export function changedReason(fields: readonly string[]): string {
  return `${fields.join(', ')} differ${fields.length === 1 ? 's' : ''} from the platform`;
}

/** `file:line` of a declaration. */
export function sourceOf(ref: { readonly file: string; readonly line: number }): string {
  return `${ref.file}:${ref.line}`;
}
