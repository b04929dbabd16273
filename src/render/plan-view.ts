/**
 * The layout the human renderers (text and markdown) share: the plan grouped
 * by scope (each org's own resources first, then each of its workspaces), and
 * every action or unmanaged extra as an entry — a symbol, a heading and
 * detail lines (reason, field changes, re-pointed pipelines, cascades, notes).
 * The renderers only decorate this (colour, fences), so the two formats
 * always say the same thing. Every heading and line is passed through
 * `escapeText`: text from files or the platform never carries a control
 * character or a line break into either format.
 */
import type { ActionType, Plan, PlanAction, PlanNote, PlanSummary, UnmanagedItem } from '../model/plan.js';
import { summarizePlan } from '../model/plan.js';
import { isSecretRef, type ResourceKind } from '../model/resources.js';
import { escapeText } from './escape-text.js';
import { formatChange } from './values.js';

export type EntrySymbol = '+' | '~' | '-/+' | '-' | '!';

export const ACTION_SYMBOL: Readonly<Record<ActionType, EntrySymbol>> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
};

/** Legend order and wording. */
export const SYMBOL_LEGEND: readonly (readonly [EntrySymbol, string])[] = [
  ['+', 'create'],
  ['~', 'update in place'],
  ['-/+', 'replace'],
  ['-', 'destroy'],
  ['!', 'unmanaged (on the platform, not declared; left alone)'],
];

const KIND_LABEL: Readonly<Record<ResourceKind, string>> = {
  organization: 'organization',
  member: 'member',
  team: 'team',
  teamMember: 'team member',
  workspace: 'workspace',
  participant: 'participant',
  credential: 'credential',
  computeEnvironment: 'compute environment',
  primaryComputeEnvironment: 'primary compute environment',
  pipeline: 'pipeline',
  secret: 'secret',
};

export const FORCES_REPLACEMENT = '# forces replacement';

export interface EntryView {
  readonly symbol: EntrySymbol;
  readonly address: string;
  /** `<kind> <address>`. */
  readonly heading: string;
  /** The reason (as `# …`) first, then the details; unindented. */
  readonly lines: readonly string[];
}

export interface ScopeView {
  /** `org` for org-level resources, `org/workspace` for a workspace and its resources. */
  readonly key: string;
  readonly org: string;
  readonly workspace?: string;
  /** `Organization <org>` or `Workspace <org>/<name>`. */
  readonly title: string;
  readonly entries: readonly EntryView[];
  readonly summary: PlanSummary;
}

/** The workspace a plan item belongs to (a workspace's own action belongs to it). */
function workspaceOf(item: {
  readonly kind: ResourceKind;
  readonly name: string;
  readonly workspace?: string;
}) {
  return item.kind === 'workspace' ? (item.workspace ?? item.name) : item.workspace;
}

function isForcing(field: string, forcedBy: readonly string[]): boolean {
  return forcedBy.some((f) => field === f || field.startsWith(`${f}.`));
}

/** Collection segment of a workspace-level address → its label (singular, plural). */
const CONTENT_LABEL: readonly (readonly [string, string, string])[] = [
  ['participants', 'participant', 'participants'],
  ['credentials', 'credential', 'credentials'],
  ['computeEnvironments', 'compute environment', 'compute environments'],
  ['pipelines', 'pipeline', 'pipelines'],
  ['secrets', 'pipeline secret', 'pipeline secrets'],
];

/** `also deletes, with the workspace:` and one line per collection: `- 2 pipelines: rnaseq, sarek`. */
function workspaceContents(action: PlanAction & { readonly kind: 'workspace' }): string[] {
  const cascade = action.cascade;
  if (cascade === undefined) return [];
  if (cascade.length === 0) return ['nothing else is in it'];
  const prefix = `${action.address}/`;
  const lines = ['also deletes, with the workspace:'];
  for (const [segment, one, many] of CONTENT_LABEL) {
    const names = cascade
      .filter((a) => a.startsWith(`${prefix}${segment}/`))
      .map((a) => a.slice(prefix.length + segment.length + 1));
    if (names.length > 0)
      lines.push(`  - ${names.length} ${names.length === 1 ? one : many}: ${names.join(', ')}`);
  }
  return lines;
}

function kindLines(action: PlanAction): string[] {
  const lines: string[] = [];
  if (action.kind === 'computeEnvironment' && action.type === 'replace') {
    const forcedBy = action.forcedBy ?? [];
    const unshown = forcedBy.filter((f) => !action.changes.some((c) => isForcing(c.field, [f])));
    if (unshown.length > 0) lines.push(`${FORCES_REPLACEMENT}: ${unshown.join(', ')}`);
    for (const p of action.repoint ?? []) {
      lines.push(`re-points pipeline ${p.name} (id ${p.pipelineId}) to the new compute environment`);
    }
    if (action.movesPrimary === true) lines.push('moves primary to the new compute environment');
  }
  if (action.kind === 'computeEnvironment' && action.type === 'create' && action.desired?.primary === true) {
    lines.push(`becomes the workspace's primary compute environment once it is AVAILABLE`);
  }
  if (action.kind === 'primaryComputeEnvironment') {
    lines.push(`makes ${action.computeEnvironment} the workspace's primary compute environment`);
  }
  const variables = actionVariables(action);
  if (variables.length > 0) lines.push(`variables: ${variables.map((name) => `\${${name}}`).join(', ')}`);
  if (action.kind === 'workspace' && action.type === 'delete') lines.push(...workspaceContents(action));
  if (
    (action.kind === 'member' || action.kind === 'team') &&
    action.cascade !== undefined &&
    action.cascade.length > 0
  ) {
    lines.push('also removes, on the platform:');
    for (const cascaded of action.cascade) lines.push(`  - ${cascaded}`);
  }
  return lines;
}

/** The variables a credential or secret action reads its values from (names only, sorted). */
export function actionVariables(action: PlanAction): readonly string[] {
  if (action.type === 'delete') return [];
  if (action.kind === 'secret') return action.desired === undefined ? [] : [action.desired.value.secretRef];
  if (action.kind !== 'credential' || action.desired === undefined) return [];
  const names = new Set<string>();
  for (const value of Object.values(action.desired.keys)) if (isSecretRef(value)) names.add(value.secretRef);
  return [...names].sort();
}

function actionEntry(action: PlanAction, notes: readonly PlanNote[]): EntryView {
  const forcedBy =
    action.kind === 'computeEnvironment' && action.type === 'replace' ? (action.forcedBy ?? []) : [];
  const changeLines = action.changes.flatMap((change) => {
    const [first = '', ...rest] = formatChange(action, change);
    return isForcing(change.field, forcedBy)
      ? [`${first}   ${FORCES_REPLACEMENT}`, ...rest]
      : [first, ...rest];
  });
  return {
    symbol: ACTION_SYMBOL[action.type],
    address: action.address,
    heading: escapeText(`${KIND_LABEL[action.kind]} ${action.address}`),
    lines: [
      `# ${action.reason}`,
      ...changeLines,
      ...kindLines(action),
      ...notes.map((n) => `note: ${n.message}`),
    ].map(escapeText),
  };
}

/** The `ignore:` list an unmanaged item of this kind goes in (workspaces have none: they are never deleted). */
const IGNORE_KEY: Partial<Readonly<Record<ResourceKind, string>>> = {
  member: 'members',
  team: 'teams',
  teamMember: 'teamMembers',
  participant: 'participants',
  credential: 'credentials',
  computeEnvironment: 'computeEnvironments',
  pipeline: 'pipelines',
  secret: 'secrets',
};

function unmanagedEntry(item: UnmanagedItem, notes: readonly PlanNote[]): EntryView {
  const key = IGNORE_KEY[item.kind];
  const where = item.workspace === undefined ? 'organization.yaml' : 'the workspace file';
  return {
    symbol: '!',
    address: item.address,
    heading: escapeText(`${KIND_LABEL[item.kind]} ${item.address}`),
    lines: [
      `# ${item.reason}`,
      ...(key === undefined
        ? []
        : [`# to stop reporting it: declare it, or list it under ignore: { ${key}: […] } in ${where}`]),
      ...notes.map((n) => `note: ${n.message}`),
    ].map(escapeText),
  };
}

interface ScopeBuilder {
  readonly org: string;
  readonly workspace?: string;
  readonly actions: PlanAction[];
  readonly unmanaged: UnmanagedItem[];
}

function compareScopes(orgOrder: readonly string[], a: ScopeBuilder, b: ScopeBuilder): number {
  const rank = (org: string): number => {
    const i = orgOrder.indexOf(org);
    return i === -1 ? orgOrder.length : i;
  };
  if (a.org !== b.org) return rank(a.org) - rank(b.org) || (a.org < b.org ? -1 : 1);
  if (a.workspace === undefined) return b.workspace === undefined ? 0 : -1;
  if (b.workspace === undefined) return 1;
  return a.workspace < b.workspace ? -1 : a.workspace > b.workspace ? 1 : 0;
}

/** Notes whose address is an action's or an unmanaged item's: shown with it. */
export function attachedNotes(plan: Plan): ReadonlyMap<string, readonly PlanNote[]> {
  const addresses = new Set([...plan.actions, ...plan.unmanaged].map((i) => i.address));
  const byAddress = new Map<string, PlanNote[]>();
  for (const note of plan.notes) {
    if (note.address === undefined || !addresses.has(note.address)) continue;
    byAddress.set(note.address, [...(byAddress.get(note.address) ?? []), note]);
  }
  return byAddress;
}

/** Notes not about any action or unmanaged item: shown in their own section. */
export function freeNotes(plan: Plan): readonly PlanNote[] {
  const attached = attachedNotes(plan);
  return plan.notes.filter((n) => n.address === undefined || !attached.has(n.address));
}

/**
 * Scopes with at least one action or unmanaged item, org-level first within
 * each org (orgs in `plan.scope.orgs` order), workspaces by name; entries in
 * plan order, actions before unmanaged items.
 */
export function planScopes(plan: Plan): readonly ScopeView[] {
  const builders = new Map<string, ScopeBuilder>();
  const builderFor = (org: string, workspace: string | undefined): ScopeBuilder => {
    const key = workspace === undefined ? org : `${org}/${workspace}`;
    let builder = builders.get(key);
    if (builder === undefined) {
      builder = { org, ...(workspace === undefined ? {} : { workspace }), actions: [], unmanaged: [] };
      builders.set(key, builder);
    }
    return builder;
  };
  for (const action of plan.actions) builderFor(action.org, workspaceOf(action)).actions.push(action);
  for (const item of plan.unmanaged) builderFor(item.org, workspaceOf(item)).unmanaged.push(item);

  const notes = attachedNotes(plan);
  const notesOf = (addr: string): readonly PlanNote[] => notes.get(addr) ?? [];
  return [...builders.values()]
    .sort((a, b) => compareScopes(plan.scope.orgs, a, b))
    .map((b) => ({
      key: b.workspace === undefined ? b.org : `${b.org}/${b.workspace}`,
      org: b.org,
      ...(b.workspace === undefined ? {} : { workspace: b.workspace }),
      title: escapeText(
        b.workspace === undefined ? `Organization ${b.org}` : `Workspace ${b.org}/${b.workspace}`,
      ),
      entries: [
        ...b.actions.map((a) => actionEntry(a, notesOf(a.address))),
        ...b.unmanaged.map((u) => unmanagedEntry(u, notesOf(u.address))),
      ],
      summary: summarizePlan(b),
    }));
}

/** The symbols a plan uses, in legend order. */
export function usedSymbols(scopes: readonly ScopeView[]): readonly (readonly [EntrySymbol, string])[] {
  const used = new Set(scopes.flatMap((s) => s.entries.map((e) => e.symbol)));
  return SYMBOL_LEGEND.filter(([symbol]) => used.has(symbol));
}
