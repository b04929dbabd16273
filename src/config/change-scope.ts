/**
 * A change judged against its base (`--base-config-dir`): which workspaces
 * the change touches, and the desired state to plan them with (pure).
 *
 * - Files are compared by content: the declared values, not the positions
 *   or comments (two desired states without their `source` refs).
 * - An organisation whose `organization.yaml` was added, changed or removed,
 *   or that the base does not have at all, is planned whole (as a plan
 *   without a base would); otherwise only its added or changed workspace
 *   files are planned, without org-level members and teams.
 * - A removed workspace file deletes nothing (only `state: absent` does): it
 *   is listed, and when an added file of the same organisation has the same
 *   `fullName` or the same content apart from its name, listed as renamed.
 * - The safety settings in force are the base's: `policy` and `ignore` of the
 *   organisation, and each workspace's effective `prune` and `ignore` (for a
 *   workspace or organisation the base does not have, what a file without
 *   overrides gets there: the base organisation's, else the defaults). The
 *   change's own settings are listed as policy changes that take effect
 *   after merge, so a change cannot raise the limits of its own plan.
 */
import { KINDS } from '../kinds/index.js';
import type { KindLoad } from '../kinds/kind-load.js';
import type { DesiredOrg, DesiredState, DesiredWorkspace, Policy } from '../model/desired.js';
import type { ChangedFile, PolicyChange } from '../model/plan.js';
import { COLLECTION_KINDS } from '../kinds/collections.js';
import type { IgnoreLists, PruneSetting } from '../model/resources.js';
import { coversWorkspace, type OrgSelection, type Selection } from '../model/selection.js';
import { sortKeysDeep } from '../model/canonical.js';
import { itemsOf, loadsOf, objectOf } from './collections.js';
import { DEFAULT_POLICY, NO_IGNORE } from './normalise-policy.js';

export interface ScopedChange {
  /** The organisations and workspaces the change touches. */
  readonly selection: Selection;
  /** The change's desired state with the base's safety settings in force. */
  readonly desired: DesiredState;
  readonly files: readonly ChangedFile[];
  readonly policyChanges: readonly PolicyChange[];
}

const canonicalJson = (value: unknown): string => JSON.stringify(sortKeysDeep(value));

function withoutSource<T extends object>(item: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = item as T & { source?: unknown };
  return rest;
}

const ORGANIZATION_LISTS = loadsOf(KINDS, 'organization');
const WORKSPACE_LISTS = loadsOf(KINDS, 'workspace');

/** The kinds' lists of a desired file, their items without positions (a list left out stays absent). */
function listsWithoutSource(desired: object, loads: readonly KindLoad[]): Record<string, unknown> {
  return Object.fromEntries(
    loads.map((load) => {
      if (load.single === true) {
        const object = objectOf(desired, load.key);
        return [load.key, object === undefined ? undefined : withoutSource(object)];
      }
      const items = itemsOf(desired, load.key) as readonly object[] | undefined;
      return [load.key, items?.map(withoutSource)];
    }),
  );
}

/** The declared content of a workspace file, without positions and without its effective safety settings. */
function workspaceContent(ws: DesiredWorkspace, withName: boolean): string {
  const { prune: _prune, ignore: _ignore, name, ...rest } = withoutSource(ws);
  return canonicalJson({
    ...rest,
    ...(withName ? { name } : {}),
    ...listsWithoutSource(ws, WORKSPACE_LISTS),
  });
}

/**
 * A workspace file changed when its declared content, or one of its own
 * safety settings (its effective `prune`/`ignore` where they do not simply
 * follow the organisation's), differs.
 */
function workspaceChanged(
  base: DesiredWorkspace,
  baseOrg: DesiredOrg,
  ws: DesiredWorkspace,
  org: DesiredOrg,
): boolean {
  return (
    workspaceContent(base, true) !== workspaceContent(ws, true) ||
    workspaceSettingChanges(ws, org, base, baseOrg).length > 0
  );
}

/** The organisation file's content (everything but its workspaces and positions). */
function orgContent(org: DesiredOrg): string {
  const { workspaces: _workspaces, ...rest } = withoutSource(org);
  return canonicalJson({
    ...rest,
    ...listsWithoutSource(org, ORGANIZATION_LISTS),
  });
}

const onOff = (value: boolean): string => (value ? 'on' : 'off');

function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : `[${[...values].sort().join(', ')}]`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return list(a) === list(b);
}

function orgSettingChanges(org: DesiredOrg, base: DesiredOrg | undefined): PolicyChange[] {
  const from: Policy = base?.policy ?? DEFAULT_POLICY;
  const fromIgnore: IgnoreLists = base?.ignore ?? NO_IGNORE;
  const file = org.source.file;
  const out: PolicyChange[] = [];
  const add = (setting: string, before: string, after: string): void => {
    if (before !== after) out.push({ file, setting, from: before, to: after });
  };
  for (const kind of COLLECTION_KINDS)
    add(`policy.prune.${kind}`, onOff(from.prune[kind]), onOff(org.policy.prune[kind]));
  add('policy.maxDeletions', String(from.maxDeletions), String(org.policy.maxDeletions));
  add('policy.maxDeletionRatio', String(from.maxDeletionRatio), String(org.policy.maxDeletionRatio));
  add('policy.maxParticipants', String(from.maxParticipants), String(org.policy.maxParticipants));
  add('policy.protectedUsers', list(from.protectedUsers), list(org.policy.protectedUsers));
  for (const kind of COLLECTION_KINDS) add(`ignore.${kind}`, list(fromIgnore[kind]), list(org.ignore[kind]));
  return out;
}

/**
 * A workspace's own safety settings that differ from those in force. A
 * difference that only follows the organisation's (the workspace follows
 * its organisation both in the base and in the change) is the organisation
 * file's change and is listed there.
 */
function workspaceSettingChanges(
  ws: DesiredWorkspace,
  org: DesiredOrg,
  base: DesiredWorkspace | undefined,
  baseOrg: DesiredOrg | undefined,
): PolicyChange[] {
  const basePolicy = baseOrg?.policy ?? DEFAULT_POLICY;
  const baseIgnore = baseOrg?.ignore ?? NO_IGNORE;
  const prune: PruneSetting = base?.prune ?? basePolicy.prune;
  const ignore: IgnoreLists = base?.ignore ?? baseIgnore;
  const file = ws.source.file;
  const out: PolicyChange[] = [];
  for (const kind of COLLECTION_KINDS) {
    const followsOrg = ws.prune[kind] === org.policy.prune[kind] && prune[kind] === basePolicy.prune[kind];
    if (ws.prune[kind] !== prune[kind] && !followsOrg) {
      out.push({ file, setting: `prune.${kind}`, from: onOff(prune[kind]), to: onOff(ws.prune[kind]) });
    }
  }
  for (const kind of COLLECTION_KINDS) {
    const followsOrg =
      sameList(ws.ignore[kind], org.ignore[kind]) && sameList(ignore[kind], baseIgnore[kind]);
    if (!sameList(ws.ignore[kind], ignore[kind]) && !followsOrg) {
      out.push({ file, setting: `ignore.${kind}`, from: list(ignore[kind]), to: list(ws.ignore[kind]) });
    }
  }
  return out;
}

/** `org` with the base's safety settings in force (see the module comment). */
function withBaseSettings(org: DesiredOrg, base: DesiredOrg | undefined): DesiredOrg {
  const policy = base?.policy ?? DEFAULT_POLICY;
  const ignore = base?.ignore ?? NO_IGNORE;
  return {
    ...org,
    policy,
    ignore,
    workspaces: org.workspaces.map((ws) => {
      const baseWs = base?.workspaces.find((w) => w.name === ws.name);
      return { ...ws, prune: baseWs?.prune ?? policy.prune, ignore: baseWs?.ignore ?? ignore };
    }),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The added workspace a removed one was renamed to, if one looks like it. */
function renamedTo(
  removed: DesiredWorkspace,
  added: readonly DesiredWorkspace[],
): DesiredWorkspace | undefined {
  const content = workspaceContent(removed, false);
  return (
    added.find((ws) => workspaceContent(ws, false) === content) ??
    added.find((ws) => ws.fullName === removed.fullName)
  );
}

interface OrgChange {
  readonly selection: OrgSelection | undefined;
  readonly files: ChangedFile[];
  readonly policyChanges: PolicyChange[];
}

function orgChange(org: DesiredOrg | undefined, base: DesiredOrg | undefined): OrgChange {
  const files: ChangedFile[] = [];
  const policyChanges: PolicyChange[] = [];
  const orgFileChanged = org !== undefined && (base === undefined || orgContent(org) !== orgContent(base));
  if (org?.hasFile === true && orgFileChanged) {
    files.push({ file: org.source.file, change: base?.hasFile === true ? 'changed' : 'added' });
  } else if (base?.hasFile === true && org?.hasFile !== true) {
    files.push({ file: base.source.file, change: 'removed' });
  }
  const changed = new Set<string>();
  const added: DesiredWorkspace[] = [];
  if (org !== undefined) {
    policyChanges.push(...orgSettingChanges(org, base));
    for (const ws of org.workspaces) {
      const baseWs = base?.workspaces.find((w) => w.name === ws.name);
      if (baseWs === undefined) added.push(ws);
      else if (base === undefined || !workspaceChanged(baseWs, base, ws, org)) continue;
      changed.add(ws.name);
      files.push({ file: ws.source.file, change: baseWs === undefined ? 'added' : 'changed' });
      policyChanges.push(...workspaceSettingChanges(ws, org, baseWs, base));
    }
  }
  for (const baseWs of base?.workspaces ?? []) {
    if (org?.workspaces.some((w) => w.name === baseWs.name) === true) continue;
    const to = renamedTo(baseWs, added);
    files.push({
      file: baseWs.source.file,
      change: 'removed',
      ...(to === undefined ? {} : { renamedTo: to.source.file }),
    });
  }
  if (org === undefined) return { selection: undefined, files, policyChanges };
  return {
    selection: orgFileChanged ? { whole: true } : { whole: false, workspaces: changed },
    files,
    policyChanges,
  };
}

/** The change from `base` to `desired` (both loaded and valid). */
export function scopeChange(base: DesiredState, desired: DesiredState): ScopedChange {
  const names = [...new Set([...base.orgs, ...desired.orgs].map((o) => o.name))].sort(compareText);
  const orgs = new Map<string, OrgSelection>();
  const files: ChangedFile[] = [];
  const policyChanges: PolicyChange[] = [];
  for (const name of names) {
    const org = desired.orgs.find((o) => o.name === name);
    const baseOrg = base.orgs.find((o) => o.name === name);
    const change = orgChange(org, baseOrg);
    if (change.selection !== undefined) orgs.set(name, change.selection);
    files.push(...change.files);
    policyChanges.push(...change.policyChanges);
  }
  return {
    selection: { all: false, orgs },
    desired: {
      orgs: desired.orgs.map((org) =>
        withBaseSettings(
          org,
          base.orgs.find((o) => o.name === org.name),
        ),
      ),
    },
    files: files.sort((a, b) => compareText(a.file, b.file)),
    policyChanges: policyChanges.sort(
      (a, b) => compareText(a.file, b.file) || compareText(a.setting, b.setting),
    ),
  };
}

/** A workspace by organisation and name. */
export interface WorkspaceName {
  readonly org: string;
  readonly name: string;
}

/** Workspaces (of `desired`, or named) that `selection` leaves out. */
export function workspacesLeftOut(
  workspaces: DesiredState | readonly WorkspaceName[],
  selection: Selection,
): number {
  const names =
    'orgs' in workspaces
      ? workspaces.orgs.flatMap((org) => org.workspaces.map((ws) => ({ org: org.name, name: ws.name })))
      : workspaces;
  return names.filter((ws) => !coversWorkspace(selection, ws.org, ws.name)).length;
}

/**
 * `desired` cut to what a plan covered (its organisations and workspaces):
 * the same cut of the whole configuration and of the part a scoped plan
 * loaded are equal, so a saved scoped plan's digest can be checked against
 * the whole configuration.
 */
export function restrictToScope(
  desired: DesiredState,
  scope: { readonly orgs: readonly string[]; readonly workspaces: readonly string[] },
): DesiredState {
  const orgs = new Set(scope.orgs);
  const workspaces = new Set(scope.workspaces);
  return {
    orgs: desired.orgs
      .filter((org) => orgs.has(org.name))
      .map((org) => ({
        ...org,
        workspaces: org.workspaces.filter((ws) => workspaces.has(`${org.name}/${ws.name}`)),
      })),
  };
}
