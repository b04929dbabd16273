/**
 * Which organisations and workspaces a plan covers (and so what is read).
 * `all`: everything, org-level members and teams included. Otherwise, per
 * organisation: `whole` (as a plan without a selection would cover it) or
 * the named workspaces only, without org-level members and teams; an
 * organisation absent from the map is not covered at all.
 */
export type OrgSelection =
  { readonly whole: true } | { readonly whole: false; readonly workspaces: ReadonlySet<string> };

export type Selection =
  { readonly all: true } | { readonly all: false; readonly orgs: ReadonlyMap<string, OrgSelection> };

export const SELECT_ALL: Selection = { all: true };

/** True for a `--workspace` filter list, false for a selection. */
export function isFilter(scope: readonly string[] | Selection): scope is readonly string[] {
  return Array.isArray(scope);
}

/** The selection of a `--workspace ORG/NAME` filter (empty = everything). */
export function filterSelection(filter: readonly string[]): Selection {
  if (filter.length === 0) return SELECT_ALL;
  const orgs = new Map<string, Set<string>>();
  for (const entry of filter) {
    const slash = entry.indexOf('/');
    const org = entry.slice(0, slash);
    const workspaces = orgs.get(org) ?? new Set<string>();
    workspaces.add(entry.slice(slash + 1));
    orgs.set(org, workspaces);
  }
  return {
    all: false,
    orgs: new Map([...orgs].map(([org, workspaces]) => [org, { whole: false, workspaces }])),
  };
}

/** Org-level members and teams of `org` are covered. */
export function coversOrgLevel(selection: Selection, org: string): boolean {
  return selection.all || selection.orgs.get(org)?.whole === true;
}

/** The workspace `org/workspace` is covered. */
export function coversWorkspace(selection: Selection, org: string, workspace: string): boolean {
  if (selection.all) return true;
  const entry = selection.orgs.get(org);
  if (entry === undefined) return false;
  return entry.whole || entry.workspaces.has(workspace);
}

/** What both selections cover; a whole org under a workspace filter keeps only the filtered workspaces. */
export function intersectSelections(a: Selection, b: Selection): Selection {
  if (a.all) return b;
  if (b.all) return a;
  const orgs = new Map<string, OrgSelection>();
  for (const [org, left] of a.orgs) {
    const right = b.orgs.get(org);
    if (right === undefined) continue;
    if (left.whole && right.whole) orgs.set(org, left);
    else if (left.whole) orgs.set(org, right);
    else if (right.whole) orgs.set(org, left);
    else
      orgs.set(org, {
        whole: false,
        workspaces: new Set([...left.workspaces].filter((w) => right.workspaces.has(w))),
      });
  }
  return { all: false, orgs };
}
