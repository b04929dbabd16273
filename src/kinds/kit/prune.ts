/**
 * Trimming live objects (a compute environment's config, a credential's
 * keys, a pipeline's launch) to what a file may declare:
 *
 * - only the properties the schema lists for that object, in the schema's
 *   order (server-filled fields such as `discriminator`, `forgedResources`,
 *   `dateCreated`, ids or anything newer are not in it, so they go);
 * - "empty" values (null, '', false, [] and {}) are dropped: the planner
 *   treats them as absent (`src/plan/compare-declared.ts`), and the platform
 *   omits them;
 * - objects the schema leaves open (a free mapping) keep every non-empty key;
 * - array elements are all kept (arrays of objects compare by position).
 */
import type { ExportSchema, SchemaNode } from './export-schema.js';

export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absent, null, '', false, [] and {} (or an object of nothing): what the platform omits. */
export function isNothing(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every(isNothing);
  return false;
}

function propertiesOf(node: SchemaNode): SchemaNode | undefined {
  const properties = node['properties'];
  return isPlainObject(properties) ? properties : undefined;
}

/** `value` trimmed to `node` (see the module header); undefined when nothing is left. */
export function pruneToSchema(value: unknown, node: SchemaNode | undefined, schema: ExportSchema): unknown {
  if (isNothing(value)) return undefined;
  const shape = node === undefined ? undefined : schema.resolve(node);
  if (Array.isArray(value)) {
    const items = shape?.['items'];
    const itemShape = isPlainObject(items) ? items : undefined;
    return value.map((item: unknown) =>
      isPlainObject(item) ? (pruneToSchema(item, itemShape, schema) ?? {}) : item,
    );
  }
  if (!isPlainObject(value)) return value;
  const properties = shape === undefined ? undefined : propertiesOf(shape);
  const out: Record<string, unknown> = {};
  if (properties !== undefined && shape?.['additionalProperties'] === false) {
    for (const [key, sub] of Object.entries(properties)) {
      if (!(key in value)) continue;
      const pruned = pruneToSchema(value[key], isPlainObject(sub) ? sub : undefined, schema);
      if (pruned !== undefined) out[key] = pruned;
    }
  } else {
    for (const [key, member] of Object.entries(value)) {
      const sub = properties?.[key];
      const pruned = pruneToSchema(member, isPlainObject(sub) ? sub : undefined, schema);
      if (pruned !== undefined) out[key] = pruned;
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
