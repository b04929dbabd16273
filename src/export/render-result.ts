/**
 * The export command's output: the files written, then the variables the
 * files reference (which must be set before `plan`/`apply`), with the
 * `SEQERA_SYNC_VARS` skeleton the files need (each workspace's key, its
 * names, empty values), and what the first plans will do with the items
 * that reference them (each kind's `variablesReport`).
 * `json` prints `{ files, variables, varsSkeleton, unfingerprinted,
 * warnings }`. Names only: never a secret value (the export never reads one).
 * Names read from the platform are shown with their control characters
 * escaped.
 */
import type { ExportVariable } from '../kinds/kit/export-model.js';
import { escapeText, escapeTextLines } from '../render/escape-text.js';
import { EXPORT_LAYOUT } from './export-layout.js';
import type { ExportResult } from './run-export.js';

export const EXPORT_FORMATS = ['text', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `{"<org>/<workspace>": {"NAME": ""}}` for every variable the exported files
 * reference, keys and names sorted: fill in the values and store it as the
 * `SEQERA_SYNC_VARS` secret (an empty value counts as not set).
 */
export function varsSkeleton(variables: readonly ExportVariable[]): Record<string, Record<string, string>> {
  const scopes = new Map<string, Set<string>>();
  for (const v of variables) {
    const [org, workspace] = v.address.split('/');
    if (org === undefined || workspace === undefined) continue;
    const key = `${org}/${workspace}`;
    scopes.set(key, (scopes.get(key) ?? new Set()).add(v.name));
  }
  return Object.fromEntries(
    [...scopes.keys()]
      .sort()
      .map((key) => [key, Object.fromEntries([...(scopes.get(key) ?? [])].sort().map((name) => [name, '']))]),
  );
}

export function renderExportResult(result: ExportResult, format: ExportFormat): string {
  const { model } = result;
  if (format === 'json') {
    return `${JSON.stringify(
      {
        files: result.files,
        variables: model.variables,
        varsSkeleton: varsSkeleton(model.variables),
        unfingerprinted: model.unfingerprinted,
        warnings: model.warnings,
      },
      null,
      2,
    )}\n`;
  }
  const lines = [`Exported ${model.org}: wrote ${plural(result.files.length, 'file')}`];
  for (const file of result.files) lines.push(`  ${file}`);
  lines.push('');
  if (model.variables.length === 0) {
    lines.push('No variables to set: the exported files reference no secrets.');
  } else {
    lines.push('The exported files reference these variables (each read only for its own workspace):');
    const width = Math.max(...model.variables.map((v) => v.name.length));
    for (const v of model.variables) lines.push(`  ${v.name.padEnd(width)}  ${v.address} (${v.field})`);
    lines.push(
      '',
      'SEQERA_SYNC_VARS skeleton (fill in the values and store it as the SEQERA_SYNC_VARS secret, or in a --vars-file):',
      ...JSON.stringify(varsSkeleton(model.variables), null, 2)
        .split('\n')
        .map((line) => `  ${line}`),
      '',
    );
    const reports = EXPORT_LAYOUT.variablesReports;
    const clauses = reports.flatMap((report) => (report.untilSet === undefined ? [] : [report.untilSet]));
    if (clauses.length > 0) lines.push(`${clauses.join('; ')}.`);
    for (const report of reports) lines.push(...(report.onceSet?.(model) ?? []));
  }
  return `${escapeTextLines(lines.join('\n'))}\n`;
}

/** Warnings for stderr, one per line. */
export function renderExportWarnings(result: ExportResult): string {
  return result.model.warnings.map((w) => `warning: ${escapeText(w)}\n`).join('');
}
