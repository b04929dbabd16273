/**
 * Loads one configuration file: bounded read, strict UTF-8 without NUL, safe
 * YAML parse with positions,
 * schema validation, interpolation. Every problem becomes a diagnostic; the
 * file is returned only when it is fit for the semantic rules (it parsed, it
 * fits its schema and its interpolation has no errors).
 */
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic, Severity } from '../model/diagnostics.js';
import type { ConfigFileRef } from './config-files.js';
import { decodeConfigText } from './decode-text.js';
import { interpolateTree, secretPathsOf } from './interpolate-tree.js';
import type { SchemaValidators } from './schema-validator.js';
import type { WrittenOrganization, WrittenWorkspace } from './written.js';
import { parseYaml, type Anchor, type ParsedYaml } from './yaml-source.js';

/** Largest configuration file read (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type LoadMode = 'validate' | 'plan';

/** A file that passed parsing, schema and interpolation; `written` is interpolated. */
export interface LoadedFile<W> {
  readonly ref: ConfigFileRef;
  readonly written: W;
  readonly locate: ParsedYaml['locate'];
}

export type LoadedOrganization = LoadedFile<WrittenOrganization>;
export type LoadedWorkspace = LoadedFile<WrittenWorkspace>;

export interface FileLoad<W> {
  readonly file?: LoadedFile<W>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface FileLoadOptions {
  readonly validators: SchemaValidators;
  readonly variables: ReadonlyMap<string, string>;
  readonly mode: LoadMode;
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
  for (const issue of issues) report('error', issue.pointer, issue.message, issue.anchor);
  const interpolated = interpolateTree(value, {
    variables: options.variables,
    verbatimKeys: options.validators.verbatimKeys,
    isSecret: secretPathsOf(ref.kind, value),
  });
  let interpolationErrors = 0;
  for (const finding of interpolated.findings) {
    if (finding.kind === 'malformed') {
      interpolationErrors++;
      report(
        'error',
        finding.pointer,
        `malformed variable reference '${finding.text}': write \${NAME} with NAME of A-Z, 0-9 and _ (not starting with a digit), or $\${ for a literal \${`,
      );
    } else if (options.mode === 'plan') {
      interpolationErrors++;
      report(
        'error',
        finding.pointer,
        `variable ${finding.name} is not set (set it in the environment or SEQERA_SYNC_VARS)`,
      );
    } else {
      report('warning', finding.pointer, `variable ${finding.name} is not set (plan and apply will need it)`);
    }
  }
  if (issues.length > 0 || interpolationErrors > 0) return { diagnostics };
  return { file: { ref, written: interpolated.value as W, locate }, diagnostics };
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
