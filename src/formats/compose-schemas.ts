/**
 * The JSON Schemas of `schemas/` (organization, workspace, plan) composed
 * from their skeletons (`schema-skeletons/`: what no kind owns) and each
 * kind's fragment (the `schema` of `src/kinds/<kind>/file.ts`: its lists and item shapes
 * in the files, its `prune`/`ignore` keys, its plan actions and block rules).
 * Pure: the caller reads the files and passes the fragments in registry
 * order and the collections in the order of the files' `prune` keys;
 * `tests/contract/schema-fragments.test.ts` holds `schemas/` to the result
 * and `npm run schemas` writes it. A name two parts define is refused by
 * name, never overwritten.
 */

type Json = unknown;
type JsonObject = Readonly<Record<string, Json>>;

/** What a kind adds to one configuration file's schema. */
export interface FileFragment {
  /** Top-level keys of the file (after the skeleton's, in registry order). */
  readonly properties?: JsonObject;
  readonly $defs?: JsonObject;
}

/** A kind's fragment: the `schema` its `file.ts` exports. */
export interface SchemaFragment {
  readonly organization?: FileFragment;
  readonly workspace?: FileFragment;
  /** By collection key: its entry under `prune` (a flag) and under `ignore` (names) in both files. */
  readonly collections?: Readonly<Record<string, { readonly prune: Json; readonly ignore: Json }>>;
  readonly plan?: {
    /** Plan action kind → the `$defs` entry of its shape. */
    readonly actions?: Readonly<Record<string, string>>;
    /** The block rules the kind's plans may report. */
    readonly blockRules?: readonly string[];
    readonly $defs?: JsonObject;
  };
}

export interface NamedFragment {
  /** The kind's id (its folder), for messages. */
  readonly kind: string;
  readonly fragment: SchemaFragment;
}

export interface SchemaSet<T = JsonObject> {
  readonly organization: T;
  readonly workspace: T;
  readonly plan: T;
}

type Mutable = Record<string, Json>;

function objectAt(root: Mutable, path: readonly string[], where: string): Mutable {
  let node: Json = root;
  for (const key of path) {
    node = typeof node === 'object' && node !== null ? (node as Mutable)[key] : undefined;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      throw new Error(`${where}: no object at /${path.join('/')}`);
    }
  }
  return node as Mutable;
}

function arrayAt(root: Mutable, path: readonly string[], where: string): Json[] {
  const parent = objectAt(root, path.slice(0, -1), where);
  const last = path[path.length - 1] ?? '';
  const node = parent[last];
  if (!Array.isArray(node)) throw new Error(`${where}: no array at /${path.join('/')}`);
  return node as Json[];
}

function addEntries(target: Mutable, entries: JsonObject | undefined, what: string, kind: string): void {
  for (const [key, value] of Object.entries(entries ?? {})) {
    if (key in target) throw new Error(`kind ${kind}: ${what} ${key} is defined twice`);
    target[key] = value;
  }
}

export function composeSchemas(
  skeletons: SchemaSet,
  fragments: readonly NamedFragment[],
  collectionOrder: readonly string[],
): SchemaSet {
  // Copies: the skeletons are not changed.
  const out = {
    organization: structuredClone(skeletons.organization) as Mutable,
    workspace: structuredClone(skeletons.workspace) as Mutable,
    plan: structuredClone(skeletons.plan) as Mutable,
  };
  for (const file of ['organization', 'workspace'] as const) {
    const properties = objectAt(out[file], ['properties'], file);
    const defs = objectAt(out[file], ['$defs'], file);
    for (const { kind, fragment } of fragments) {
      addEntries(properties, fragment[file]?.properties, `${file} file key`, kind);
      addEntries(defs, fragment[file]?.$defs, `${file} schema $defs entry`, kind);
    }
  }

  const collections = new Map<string, { readonly prune: Json; readonly ignore: Json }>();
  for (const { kind, fragment } of fragments) {
    for (const [key, entry] of Object.entries(fragment.collections ?? {})) {
      if (collections.has(key)) throw new Error(`kind ${kind}: collection ${key} is defined twice`);
      if (!collectionOrder.includes(key))
        throw new Error(`kind ${kind}: collection ${key} is not a collection kind`);
      collections.set(key, entry);
    }
  }
  for (const key of collectionOrder) {
    const entry = collections.get(key);
    if (entry === undefined)
      throw new Error(`collection ${key} has no prune/ignore entry in any kind's schema`);
    for (const file of ['organization', 'workspace'] as const) {
      objectAt(out[file], ['$defs', 'prune', 'properties'], file)[key] = entry.prune;
      objectAt(out[file], ['$defs', 'ignore', 'properties'], file)[key] = entry.ignore;
    }
  }

  const planDefs = objectAt(out.plan, ['$defs'], 'plan');
  const kinds = arrayAt(out.plan, ['$defs', 'action', 'properties', 'kind', 'enum'], 'plan');
  const shapes = arrayAt(out.plan, ['$defs', 'action', 'oneOf'], 'plan');
  const unmanaged = arrayAt(out.plan, ['$defs', 'unmanagedItem', 'properties', 'kind', 'enum'], 'plan');
  const rules = arrayAt(out.plan, ['$defs', 'blockedRule', 'properties', 'rule', 'enum'], 'plan');
  for (const { kind, fragment } of fragments) {
    addEntries(planDefs, fragment.plan?.$defs, 'plan schema $defs entry', kind);
    for (const [action, def] of Object.entries(fragment.plan?.actions ?? {})) {
      if (kinds.includes(action))
        throw new Error(`kind ${kind}: plan action kind ${action} is defined twice`);
      if (!(def in planDefs))
        throw new Error(`kind ${kind}: plan action ${action} names no $defs entry ${def}`);
      kinds.push(action);
      unmanaged.push(action);
      shapes.push({ $ref: `#/$defs/${def}` });
    }
    for (const rule of fragment.plan?.blockRules ?? []) {
      if (rules.includes(rule)) throw new Error(`kind ${kind}: block rule ${rule} is defined twice`);
      rules.push(rule);
    }
  }
  return out;
}
