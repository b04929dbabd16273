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
import { RESOURCE_ORDER, specOf } from '../kinds/graph.js';
import type { ResourceKind } from '../model/resources.js';
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

/**
 * A container's deletion (a workspace) lists what goes with it, one line per
 * kind that lives in it: `- 2 pipelines: rnaseq, sarek`.
 */
function containerContents(action: PlanAction, cascade: readonly string[]): string[] {
  if (cascade.length === 0) return ['nothing else is in it'];
  const prefix = `${action.address}/`;
  const lines = ['also deletes, with the workspace:'];
  for (const kind of RESOURCE_ORDER) {
    const spec = specOf(kind);
    const contents = spec.view.contents;
    if (spec.scope !== 'workspace' || spec.segment === undefined || contents === undefined) continue;
    const names = cascade
      .filter((a) => a.startsWith(`${prefix}${spec.segment}/`))
      .map((a) => a.slice(prefix.length + (spec.segment?.length ?? 0) + 1));
    if (names.length > 0)
      lines.push(
        `  - ${names.length} ${names.length === 1 ? contents.one : contents.many}: ${names.join(', ')}`,
      );
  }
  return lines;
}

/** What a deletion takes with it: a container's contents by kind, or the cascaded addresses. */
function cascadeLines(action: PlanAction): string[] {
  const cascade = 'cascade' in action ? action.cascade : undefined;
  if (cascade === undefined || action.type !== 'delete') return [];
  if (specOf(action.kind).scope === 'root') return containerContents(action, cascade);
  if (cascade.length === 0) return [];
  return ['also removes, on the platform:', ...cascade.map((cascaded) => `  - ${cascaded}`)];
}

function kindLines(action: PlanAction): string[] {
  const view = specOf(action.kind).view;
  const lines: string[] = [];
  const forcedBy = view.forcedBy?.(action) ?? [];
  const unshown = forcedBy.filter((f) => !action.changes.some((c) => isForcing(c.field, [f])));
  if (unshown.length > 0) lines.push(`${FORCES_REPLACEMENT}: ${unshown.join(', ')}`);
  lines.push(...(view.details?.(action) ?? []));
  const variables = actionVariables(action);
  if (variables.length > 0) lines.push(`variables: ${variables.map((name) => `\${${name}}`).join(', ')}`);
  lines.push(...cascadeLines(action));
  return lines;
}

/** The variables an action reads its values from (names only, sorted). */
export function actionVariables(action: PlanAction): readonly string[] {
  if (action.type === 'delete') return [];
  return specOf(action.kind).view.variables?.(action) ?? [];
}

function actionEntry(action: PlanAction, notes: readonly PlanNote[]): EntryView {
  const forcedBy = specOf(action.kind).view.forcedBy?.(action) ?? [];
  const changeLines = action.changes.flatMap((change) => {
    const [first = '', ...rest] = formatChange(action, change);
    return isForcing(change.field, forcedBy)
      ? [`${first}   ${FORCES_REPLACEMENT}`, ...rest]
      : [first, ...rest];
  });
  return {
    symbol: ACTION_SYMBOL[action.type],
    address: action.address,
    heading: escapeText(`${specOf(action.kind).view.label} ${action.address}`),
    lines: [
      `# ${action.reason}`,
      ...changeLines,
      ...kindLines(action),
      ...notes.map((n) => `note: ${n.message}`),
    ].map(escapeText),
  };
}

function unmanagedEntry(item: UnmanagedItem, notes: readonly PlanNote[]): EntryView {
  const key = specOf(item.kind).view.ignoreKey;
  const where = item.workspace === undefined ? 'organization.yaml' : 'the workspace file';
  return {
    symbol: '!',
    address: item.address,
    heading: escapeText(`${specOf(item.kind).view.label} ${item.address}`),
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
