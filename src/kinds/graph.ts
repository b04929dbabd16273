/**
 * The one dependency graph, derived from what the kinds declare
 * (`ResourceSpec.after`, `references`, `holds`):
 * - `RESOURCE_ORDER`: the order of creates, updates and replaces (deletes
 *   run in reverse): a topological order of `after`, ties broken by the
 *   registry's order. The planner sorts by it, the applier runs its phases
 *   by it.
 * - `PLANNING_ORDER`: the kinds in the order their planners run (a kind is
 *   planned after the kinds it depends on, so its actions can wait for
 *   theirs).
 * - `impliedDependencies`: what an action waits for besides its own
 *   `dependsOn`, so that a failure skips what cannot work: the creation of
 *   its container, of the resources it references, and (for a delete) the
 *   deletes and replaces of what holds it.
 */
import type { ActualOrg } from '../model/actual.js';
import type { BlockRule, PlanAction } from '../model/plan.js';
import type { ResourceKind } from '../model/resources.js';
import { KINDS } from './index.js';
import type { Executor, Kind, ResourceSpec } from './kind.js';
import type { CascadeEntry } from './kit/scope.js';
import { compareText } from './kit/compare-text.js';
import { dependencyOrder } from './kit/dependency-order.js';

/** The resources of `kinds` in dependency order (ties: registry order); throws on an unknown or cyclic dependency. */
export function resourceOrder(kinds: readonly Kind[]): readonly ResourceSpec[] {
  const specs = kinds.flatMap((kind) => kind.resources);
  const known = new Set(specs.map((spec) => spec.kind));
  for (const spec of specs) {
    for (const dep of [...spec.after, ...(spec.references ?? []).map((r) => r.to)]) {
      if (!known.has(dep)) throw new Error(`resource ${spec.kind} depends on ${dep}, which no kind declares`);
    }
  }
  return dependencyOrder(
    specs,
    (spec) => spec.kind,
    (spec) => spec.after,
    (left) => new Error(`the kinds' "after" declarations form a cycle among ${left.join(', ')}`),
  );
}

const ORDERED_SPECS = resourceOrder(KINDS);

/** Creates, updates and replaces run in this order; deletes in reverse. */
export const RESOURCE_ORDER: readonly ResourceKind[] = ORDERED_SPECS.map((spec) => spec.kind);

const SPEC_BY_KIND = new Map(ORDERED_SPECS.map((spec) => [spec.kind, spec]));

/** Kinds in the order their planners run: by the place of their first resource. */
export const PLANNING_ORDER: readonly Kind[] = [...KINDS].sort(
  (a, b) => firstRank(a) - firstRank(b) || KINDS.indexOf(a) - KINDS.indexOf(b),
);

function firstRank(kind: Kind): number {
  return Math.min(...kind.resources.map((spec) => RESOURCE_ORDER.indexOf(spec.kind)));
}

/** What the plan's summary calls each kind's blocked rules that are not safety rules (`Kind.blockerNouns`). */
export const BLOCKER_NOUNS: Readonly<Partial<Record<BlockRule, string>>> = Object.fromEntries(
  KINDS.flatMap((kind) => Object.entries(kind.blockerNouns ?? {})),
);

/** What a kind declares about one of its resources. */
export function specOf(kind: ResourceKind): ResourceSpec {
  const spec = SPEC_BY_KIND.get(kind);
  if (spec === undefined) throw new Error(`no kind declares resource ${kind}`);
  return spec;
}

/**
 * What the platform removes with the item of `kind` named `name` (a
 * member's email, a team's name), as the resources declare it
 * (`ResourceSpec.removedWith`), sorted by address.
 */
export function removedWith(actual: ActualOrg | undefined, kind: ResourceKind, name: string): CascadeEntry[] {
  if (actual === undefined) return [];
  return ORDERED_SPECS.flatMap((spec) =>
    (spec.removedWith ?? []).filter((r) => r.kind === kind).flatMap((r) => r.items(actual, name)),
  ).sort((a, b) => compareText(a.address, b.address));
}

/** The applier's step for an action. */
export function executorFor(kind: ResourceKind): Executor {
  return specOf(kind).execute;
}

/**
 * The address of a resource's collection (`<org>/<segment>`, or
 * `<org>/<workspace>/<segment>` in a workspace); undefined for a resource
 * without a segment, or a workspace resource outside a workspace.
 */
export function collectionAddress(
  spec: ResourceSpec,
  org: string,
  workspace: string | undefined,
): string | undefined {
  if (spec.segment === undefined) return undefined;
  if (spec.scope === 'org') return `${org}/${spec.segment}`;
  if (workspace === undefined) return undefined;
  return `${org}/${workspace}/${spec.segment}`;
}

/** The address of the `to` resource a reference names, in the referring action's scope. */
function referencedAddress(action: PlanAction, to: ResourceKind, name: string): string | undefined {
  const collection = collectionAddress(specOf(to), action.org, action.workspace);
  return collection === undefined ? undefined : `${collection}/${name}`;
}

function isCreation(action: PlanAction | undefined): boolean {
  return action !== undefined && (action.type === 'create' || action.type === 'replace');
}

function ancestors(path: string): string[] {
  const parts = path.split('/');
  const result: string[] = [];
  for (let i = 1; i < parts.length; i++) result.push(parts.slice(0, i).join('/'));
  return result;
}

/** The action's `current` or `desired` object, when its kind has one. */
function part(action: PlanAction, which: 'current' | 'desired'): unknown {
  return which in action ? (action as Partial<Record<typeof which, unknown>>)[which] : undefined;
}

function fieldOf(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}

/** A delete waits for the deletes and replaces, in its scope, of the resources whose live `field` holds its id. */
function holders(action: PlanAction, all: readonly PlanAction[]): string[] {
  const id = fieldOf(part(action, 'current'), 'id');
  if (id === undefined) return [];
  return all
    .filter((other) => {
      const holds = SPEC_BY_KIND.get(other.kind)?.holds;
      return (
        holds !== undefined &&
        holds.kind === action.kind &&
        other.org === action.org &&
        other.workspace === action.workspace &&
        (other.type === 'delete' || other.type === 'replace') &&
        fieldOf(part(other, 'current'), holds.field) === id
      );
    })
    .map((other) => other.address);
}

/** What an action waits for besides its own `dependsOn` (only addresses of creations/deletes in the plan). */
export function impliedDependencies(
  action: PlanAction,
  byAddress: ReadonlyMap<string, PlanAction>,
  all: readonly PlanAction[],
): string[] {
  if (action.type === 'delete') return holders(action, all);
  const deps: string[] = [];
  const creation = (candidate: string | undefined): void => {
    if (candidate !== undefined && isCreation(byAddress.get(candidate))) deps.push(candidate);
  };
  for (const ancestor of ancestors(action.address)) creation(ancestor);
  for (const reference of specOf(action.kind).references ?? []) {
    const value = fieldOf(part(action, 'desired'), reference.field);
    for (const entry of Array.isArray(value) ? (value as readonly unknown[]) : [value]) {
      if (typeof entry !== 'string') continue;
      const name = reference.nameOf === undefined ? entry : reference.nameOf(entry);
      creation(referencedAddress(action, reference.to, name));
    }
  }
  return deps;
}
