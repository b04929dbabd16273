/**
 * What the live-state reader must read, decided from the desired state alone
 * (pure), from what the kinds declare (`Kind.read`): a collection is read
 * when it is managed, or when another managed collection cannot be planned
 * or applied without it (the other kind asks for it).
 *
 * - the workspace list: once per selected org (names for unmanaged-workspace
 *   reporting, ids for everything else);
 * - an organisation's collections: as their kinds say for the org, given
 *   whether its org level is selected (not under a `--workspace` filter,
 *   nor in a change-scoped plan whose organisation file did not change: then
 *   org-level resources are neither planned nor applied) and what the
 *   selected present workspaces' kinds ask of it;
 * - per selected workspace with `state: present`: as each kind says for it,
 *   given what the other kinds ask;
 * - per selected workspace with `state: absent` (deleted whole): what each
 *   kind reads of a deleted workspace (lists, so the plan names what goes
 *   with it).
 */
import { KINDS } from '../kinds/index.js';
import type { Kind } from '../kinds/kind.js';
import type { OrgRead, ReadFlag, ReadFlags, WorkspaceRead } from '../kinds/kind-read.js';
import type { DesiredOrg, DesiredState, DesiredWorkspace } from '../model/desired.js';
import {
  coversOrgLevel,
  coversWorkspace,
  filterSelection,
  isFilter,
  type Selection,
} from '../model/selection.js';

/** A workspace's read flags, every kind's merged. */
export type WorkspaceReads = ReadFlags;

/** An organisation's read flags (every kind's merged) and its selected workspaces'. */
export type OrgReads = ReadFlags & {
  readonly org: DesiredOrg;
  /** No workspace filter: org-level resources are planned. */
  readonly orgLevel: boolean;
  /** The organisation's own flags (without `org`, `orgLevel`, `workspaces`). */
  readonly flags: ReadFlags;
  /** Selected workspaces, by name. */
  readonly workspaces: ReadonlyMap<string, WorkspaceReads>;
};

export function workspaceFacets(kinds: readonly Kind[]): WorkspaceRead[] {
  return kinds.flatMap((kind) => (kind.read?.workspace === undefined ? [] : [kind.read.workspace]));
}

export function orgFacets(kinds: readonly Kind[]): OrgRead[] {
  return kinds.flatMap((kind) => (kind.read?.org === undefined ? [] : [kind.read.org]));
}

function isSet(flag: ReadFlag | undefined): boolean {
  return flag !== undefined && flag !== false;
}

/**
 * Merges flags: a flag set (not `false`) wins over an unset one; between two
 * set values, the first given wins.
 */
export function mergeFlags(all: readonly ReadFlags[]): ReadFlags {
  const merged: Record<string, ReadFlag> = {};
  for (const flags of all) {
    for (const [name, flag] of Object.entries(flags)) {
      if (!isSet(merged[name])) merged[name] = flag;
    }
  }
  return merged;
}

export function workspaceReads(ws: DesiredWorkspace, kinds: readonly Kind[] = KINDS): WorkspaceReads {
  const facets = workspaceFacets(kinds);
  const asked = mergeFlags(facets.map((facet) => facet.asks?.(ws) ?? {}));
  return mergeFlags(facets.map((facet) => facet.needs(ws, asked)));
}

/** What is read of a workspace deleted whole. */
export function deletedWorkspaceReads(kinds: readonly Kind[] = KINDS): WorkspaceReads {
  return mergeFlags(workspaceFacets(kinds).map((facet) => facet.whenDeleted));
}

function orgReads(
  org: DesiredOrg,
  selection: Selection,
  kinds: readonly Kind[],
  deleted: WorkspaceReads,
): OrgReads | undefined {
  const selected = org.workspaces.filter((ws) => coversWorkspace(selection, org.name, ws.name));
  const orgLevel = coversOrgLevel(selection, org.name);
  if (!orgLevel && selected.length === 0) return undefined;
  const present = selected.filter((ws) => ws.state === 'present');
  const asked = mergeFlags(workspaceFacets(kinds).map((facet) => facet.asksOfOrg?.(present) ?? {}));
  const flags = mergeFlags(orgFacets(kinds).map((facet) => facet.needs(org, orgLevel, asked)));
  const workspaces = new Map(
    selected.map((ws) => [ws.name, ws.state === 'present' ? workspaceReads(ws, kinds) : deleted]),
  );
  return Object.assign({}, flags, { org, orgLevel, flags, workspaces });
}

/**
 * The reads per selected org (an org whose org level is not selected and
 * that has no selected workspace is not read at all). A filter list is a
 * `--workspace` filter (empty = everything).
 */
export function planReads(
  desired: DesiredState,
  scope: readonly string[] | Selection,
  kinds: readonly Kind[] = KINDS,
): OrgReads[] {
  const selection = isFilter(scope) ? filterSelection(scope) : scope;
  const deleted = deletedWorkspaceReads(kinds);
  return desired.orgs
    .map((org) => orgReads(org, selection, kinds, deleted))
    .filter((reads): reads is OrgReads => reads !== undefined);
}
