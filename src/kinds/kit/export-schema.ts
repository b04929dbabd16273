/**
 * What the export needs from `schemas/workspace.schema.json` and the compiled
 * validators: the per-platform config, per-provider keys and launch shapes
 * (the files are closed by the schema, so only known keys may be written),
 * the verbatim keys (never interpolated, so never escaped), and validation of
 * a candidate item or file before it is written. Loaded once per export.
 */
import { readFile } from 'node:fs/promises';
import type { SchemaIssue } from '../../formats/schema-messages.js';
import { schemaUrl, schemaValidators, type FileKind } from '../../formats/schema-validator.js';
import { FileError } from '../../errors.js';

export type SchemaNode = Readonly<Record<string, unknown>>;

export interface ExportSchema {
  /** Keys whose strings are never interpolated (schema `x-verbatim`). */
  readonly verbatimKeys: ReadonlySet<string>;
  /** A workspace-schema `$defs` entry (`config-aws-batch`, `keys-ssh`, `launch`), or undefined. */
  readonly definition: (name: string) => SchemaNode | undefined;
  /** The node a `$ref` (`#/$defs/...`) points at; other nodes as they are. */
  readonly resolve: (node: SchemaNode) => SchemaNode;
  /** Schema issues of a whole candidate file (empty when valid). */
  readonly validate: (kind: FileKind, value: unknown) => readonly SchemaIssue[];
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds the export's view of a parsed workspace schema and the validators. */
export function exportSchemaOf(
  workspaceSchema: SchemaNode,
  validate: ExportSchema['validate'],
  verbatimKeys: ReadonlySet<string>,
): ExportSchema {
  const defs = isNode(workspaceSchema['$defs']) ? workspaceSchema['$defs'] : {};
  const definition = (name: string): SchemaNode | undefined => {
    const node = defs[name];
    return isNode(node) ? node : undefined;
  };
  const resolve = (node: SchemaNode): SchemaNode => {
    let current = node;
    for (let depth = 0; depth < 16; depth++) {
      const ref = current['$ref'];
      if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return current;
      const target = definition(ref.slice('#/$defs/'.length));
      if (target === undefined) return current;
      current = target;
    }
    return current;
  };
  return { verbatimKeys, definition, resolve, validate };
}

/** Reads the workspace schema and the compiled validators (the loader's, memoised). */
export async function loadExportSchema(): Promise<ExportSchema> {
  const validators = await schemaValidators();
  const url = schemaUrl('workspace');
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(url, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new FileError(url.pathname, `cannot load the workspace schema: ${reason}`);
  }
  if (!isNode(parsed)) throw new FileError(url.pathname, 'the workspace schema is not a JSON object');
  return exportSchemaOf(parsed, validators.validate, validators.verbatimKeys);
}
