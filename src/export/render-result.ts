/**
 * The export command's output: the files written, then the variables the
 * files reference (which must be set before `plan`/`apply`), and what the
 * first plans will show for the credentials. `json` prints
 * `{ files, variables, unfingerprinted, warnings }`. Names only: never a
 * secret value (the export never reads one). Names read from the platform
 * are shown with their control characters escaped.
 */
import { escapeText, escapeTextLines } from '../render/escape-text.js';
import type { ExportResult } from './run-export.js';

export const EXPORT_FORMATS = ['text', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderExportResult(result: ExportResult, format: ExportFormat): string {
  const { model } = result;
  if (format === 'json') {
    return `${JSON.stringify(
      {
        files: result.files,
        variables: model.variables,
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
    lines.push(
      'Set these variables before plan/apply (in the environment, or in the JSON object SEQERA_SYNC_VARS):',
    );
    const width = Math.max(...model.variables.map((v) => v.name.length));
    for (const v of model.variables) lines.push(`  ${v.name.padEnd(width)}  ${v.address} (${v.field})`);
    lines.push(
      '',
      'Until its variables are set, a plan leaves each credential as it is ("keys not compared"); pipeline secrets are never rewritten unless --rotate-secrets is given.',
    );
    if (model.unfingerprinted.length > 0) {
      lines.push(
        `Once the variables are set, the next plan updates ${plural(model.unfingerprinted.length, 'credential')} once to record a keys fingerprint (they have none yet):`,
        ...model.unfingerprinted.map((a) => `  ${a}`),
      );
    }
  }
  return `${escapeTextLines(lines.join('\n'))}\n`;
}

/** Warnings for stderr, one per line. */
export function renderExportWarnings(result: ExportResult): string {
  return result.model.warnings.map((w) => `warning: ${escapeText(w)}\n`).join('');
}
