/**
 * What a route module (`routes/<kind>.ts`) declares: its routes and, for a
 * kind the platform keeps in a workspace or an organisation, its part of
 * those records, of the seed and of the snapshot. `kinds.ts` lists the
 * modules; the store, the seed loader, the seed schema and the snapshot
 * iterate that list and name no kind.
 *
 * A kind adds its fields to the shared records and seeds by interface
 * augmentation, next to its record type:
 *
 * ```ts
 * declare module '../records.js' {
 *   interface WorkspaceCollections {
 *     readonly labels: Map<number, LabelRecord>;
 *   }
 * }
 * declare module '../seed-types.js' {
 *   interface WorkspaceSeed {
 *     readonly labels?: readonly LabelSeed[];
 *   }
 * }
 * ```
 *
 * and gives the fresh value of each field it added in `state` (the store
 * builds a new workspace or organisation from every module's `state`).
 */
import type { SchemaObject } from 'ajv';
import type { EmulatorEnv } from './env.js';
import type { Route } from './router.js';
import type { OrgSeed, WorkspaceSeed } from './seed-types.js';
import type {
  OrgCollections,
  OrgRecord,
  Store,
  UserRecord,
  WorkspaceCollections,
  WorkspaceRecord,
} from './store.js';

/** State shared while one seed loads. */
export interface Loader {
  readonly store: Store;
  readonly problems: string[];
  readonly timestamp: string;
  readonly defaultRole: string;
  readonly tokenUser: UserRecord;
}

/**
 * A kind's part of one scope (a workspace or an organisation): the fresh
 * value of the fields it adds to the record, the JSON Schema of the fields it
 * adds to the seed (in the order the snapshot writes them), how it loads them
 * (checking names and references: problems go to `loader.problems`, with
 * their path under `where`) and how it writes them back. `settle` applies the
 * changes due by `now` (a kind whose state moves on by itself) before any
 * kind's part is written.
 */
export interface ScopePart<Collections, Seed, Owner, Container> {
  readonly state?: () => Partial<Collections>;
  readonly settle?: (record: Container, now: number) => void;
  readonly seedSchema?: Readonly<Record<string, SchemaObject>>;
  readonly loadSeed?: (loader: Loader, owner: Owner, record: Container, seed: Seed, where: string) => void;
  readonly snapshot?: (store: Store, owner: Owner, record: Container) => Partial<Seed>;
}

/** A route module: its routes, and its parts of the workspace and organisation records. */
export interface EmulatorKind {
  readonly routes: (env: EmulatorEnv) => Route[];
  /** Its part of each workspace (the owner passed along is the workspace's organisation). */
  readonly workspace?: ScopePart<WorkspaceCollections, WorkspaceSeed, OrgRecord, WorkspaceRecord>;
  /** Its part of each organisation (the owner passed along is the store). */
  readonly org?: ScopePart<OrgCollections, OrgSeed, Store, OrgRecord>;
}

/** Tracks names per scope and reports duplicates. */
export function uniqueNames(
  loader: Loader,
  what: string,
): (name: string, where: string, caseInsensitive?: boolean) => void {
  const seen = new Set<string>();
  return (name, where, caseInsensitive = false) => {
    const key = caseInsensitive ? name.toLowerCase() : name;
    if (seen.has(key)) loader.problems.push(`${where}: duplicate ${what} '${name}'`);
    seen.add(key);
  };
}

/** The record of the last item named `name` (as a Map keyed by name would hold it), or undefined. */
export function lastNamed<T extends { readonly name: string }>(
  items: Iterable<T>,
  name: string,
): T | undefined {
  let found: T | undefined;
  for (const item of items) if (item.name === name) found = item;
  return found;
}

/** Seed-schema building blocks. */
export const seedStr = { type: 'string', minLength: 1 };
export const seedOptStr = { type: 'string' };
export const seedStrList = { type: 'array', items: seedStr };
export const seedObj = (
  required: string[],
  properties: Record<string, unknown>,
  additional = false,
): SchemaObject => ({
  type: 'object',
  required,
  properties,
  additionalProperties: additional,
});
