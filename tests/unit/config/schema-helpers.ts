/** Reads the committed schemas for tests, and walks them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

export type SchemaNode = Readonly<Record<string, unknown>>;

export function readSchema(kind: 'organization' | 'workspace'): SchemaNode {
  return JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'schemas', `${kind}.schema.json`), 'utf8'),
  ) as SchemaNode;
}

/** The node at a `/`-separated path of keys (no JSON-pointer escaping needed for our paths). */
export function nodeAt(schema: SchemaNode, pointer: string): SchemaNode {
  let node: unknown = schema;
  for (const key of pointer.split('/').filter((k) => k !== '')) node = (node as SchemaNode)[key];
  if (typeof node !== 'object' || node === null) throw new Error(`no schema node at ${pointer}`);
  return node as SchemaNode;
}

export function propertiesOf(node: SchemaNode): Readonly<Record<string, SchemaNode>> {
  return (node.properties ?? {}) as Readonly<Record<string, SchemaNode>>;
}

export function requiredOf(node: SchemaNode): readonly string[] {
  return (node.required ?? []) as readonly string[];
}

/** Calls `visit` for every subschema with its path (array indices included). */
export function walkSchema(
  node: unknown,
  visit: (node: SchemaNode, path: readonly string[]) => void,
  at: string[] = [],
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      walkSchema(item, visit, [...at, String(i)]);
    });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  visit(node as SchemaNode, at);
  for (const [key, child] of Object.entries(node)) walkSchema(child, visit, [...at, key]);
}
