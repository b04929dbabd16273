/**
 * Loads one configuration file: bounded read, strict UTF-8 without NUL, safe
 * YAML parse with positions, schema validation, the `${NAME}` placement
 * rules. Every problem becomes a diagnostic; the
 * file is returned only when it is fit for the semantic rules (it parsed, it
 * fits its schema and its references are where they may be).
 */
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic, Severity } from '../model/diagnostics.js';
import type { ConfigFileRef } from './config-files.js';
import { decodeConfigText } from './decode-text.js';
import {
  checkReferences,
  keyFieldPathsOf,
  secretPathsOf,
  type ReferenceUse,
} from '../formats/interpolate-tree.js';
import type { SchemaValidators } from '../formats/schema-validator.js';
import type { WrittenOrganization, WrittenWorkspace } from '../formats/written.js';
import { parseYaml, type Anchor, type ParsedYaml } from '../formats/yaml-source.js';

/** Largest configuration file read (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A file that passed parsing, schema and reference checks; in `written`, references are `SecretRef`s and `$${` reads `${`. */
export interface LoadedFile<W> {
  readonly ref: ConfigFileRef;
  readonly written: W;
  readonly locate: ParsedYaml['locate'];
  /** Every `${NAME}` of the file (credential keys and secret values), with its field's pointer. */
  readonly references: readonly ReferenceUse[];
}

export type LoadedOrganization = LoadedFile<WrittenOrganization>;
export type LoadedWorkspace = LoadedFile<WrittenWorkspace>;

export interface FileLoad<W> {
  readonly file?: LoadedFile<W>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface FileLoadOptions {
  readonly validators: SchemaValidators;
}

export async function loadConfigFile<W>(ref: ConfigFileRef, options: FileLoadOptions): Promise<FileLoad<W>> {
  const diagnostics: Diagnostic[] = [];
  const at = (severity: Severity, line: number, column: number, pointer: string, message: string): void => {
    diagnostics.push({ file: ref.display, line, column, pointer, severity, message });
  };
  const bytes = await readBounded(ref.absolutePath);
  if (!(bytes instanceof Uint8Array)) {
    at('error', 1, 1, '', bytes.problem);
    return { diagnostics };
  }
  const decoded = decodeConfigText(bytes);
  if (!decoded.ok) {
    at('error', decoded.line, decoded.column, '', decoded.message);
    return { diagnostics };
  }
  const text = decoded.text;
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    for (const p of parsed.problems) at('error', p.line, p.column, '', p.message);
    return { diagnostics };
  }
  const { value, locate } = parsed.parsed;
  const report = (severity: Severity, pointer: string, message: string, anchor: Anchor = 'value'): void => {
    const { line, column } = locate(pointer, anchor);
    at(severity, line, column, pointer, message);
  };
  const issues = options.validators.validate(ref.kind, value);
  const checked = checkReferences(value, {
    verbatimKeys: options.validators.verbatimKeys,
    isSecret: secretPathsOf(ref.kind, value),
    isKeyField: keyFieldPathsOf(ref.kind),
  });
  const flagged = new Set(checked.findings.map((f) => f.pointer));
  // A misplaced or malformed reference usually breaks the field's schema too (a secret's pattern): one message is enough.
  const schemaIssues = issues.filter((issue) => !flagged.has(issue.pointer));
  for (const issue of schemaIssues) report('error', issue.pointer, issue.message, issue.anchor);
  for (const finding of checked.findings) report('error', finding.pointer, finding.message);
  if (schemaIssues.length > 0 || checked.findings.length > 0) return { diagnostics };
  return { file: { ref, written: checked.value as W, locate, references: checked.references }, diagnostics };
}

async function readBounded(file: string): Promise<Uint8Array | { problem: string }> {
  try {
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) {
      return { problem: `file too large (${info.size} bytes; at most ${MAX_FILE_BYTES} bytes are read)` };
    }
    if (!info.isFile()) return { problem: 'not a regular file (not read)' };
    return await readFile(file);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { problem: `cannot read the file${typeof code === 'string' ? ` (${code})` : ''}` };
  }
}
