/**
 * Semantic rules: checks a schema cannot express, across all files.
 * Each rule is a small function over the loaded files that reports through the
 * context; rules never throw and never stop at the first problem. A rule sees
 * only files that fit their schema: when an organisation file did not, the
 * checks that depend on it stay quiet rather than guess.
 */
import type { Diagnostic, Severity } from '../../model/diagnostics.js';
import type { LoadedFile, LoadedOrganization, LoadedWorkspace } from '../load-file.js';
import type { Anchor } from '../yaml-source.js';

export interface OrgConfig {
  /** The folder name. */
  readonly name: string;
  /** The organisation file, when it exists and loaded cleanly. */
  readonly organization?: LoadedOrganization;
  readonly workspaces: readonly LoadedWorkspace[];
}

/** The organisation's files of one kind: its workspace files, or its organisation file when it loaded. */
export function filesOf(org: OrgConfig, file: 'organization' | 'workspace'): readonly LoadedFile<unknown>[] {
  if (file === 'workspace') return org.workspaces;
  return org.organization === undefined ? [] : [org.organization];
}

export interface RuleContext {
  readonly orgs: readonly OrgConfig[];
  readonly report: (
    file: LoadedFile<unknown>,
    pointer: string,
    message: string,
    options?: { readonly anchor?: Anchor; readonly severity?: Severity },
  ) => void;
}

export type Rule = (ctx: RuleContext) => void;

/** Runs rules and returns their diagnostics in report order. */
export function runRules(rules: readonly Rule[], orgs: readonly OrgConfig[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = {
    orgs,
    report: (file, pointer, message, options = {}) => {
      const { line, column } = file.locate(pointer, options.anchor ?? 'value');
      diagnostics.push({
        file: file.ref.display,
        line,
        column,
        pointer,
        severity: options.severity ?? 'error',
        message,
      });
    },
  };
  for (const rule of rules) rule(ctx);
  return diagnostics;
}

/**
 * Reports every repeat of a key in a list: `keyOf` gives the identity (or
 * undefined to skip an item) and the field to report at ('' = the item itself).
 */
export function reportDuplicates<T>(
  ctx: RuleContext,
  file: LoadedFile<unknown>,
  listPointer: string,
  items: readonly T[] | undefined,
  keyOf: (item: T) => { readonly key: string; readonly field: string; readonly label: string } | undefined,
  what: string,
): void {
  const first = new Map<string, number>();
  (items ?? []).forEach((item, index) => {
    const id = keyOf(item);
    if (id === undefined) return;
    const earlier = first.get(id.key);
    if (earlier === undefined) {
      first.set(id.key, index);
      return;
    }
    const line = file.locate(`${listPointer}/${earlier}`).line;
    const pointer = id.field === '' ? `${listPointer}/${index}` : `${listPointer}/${index}/${id.field}`;
    ctx.report(file, pointer, `duplicate ${what} '${id.label}' (first declared at line ${line})`);
  });
}
