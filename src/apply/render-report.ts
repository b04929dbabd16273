/**
 * Renders an `ApplyReport` for the terminal (one line per applied, failed,
 * skipped and pending action, warnings, then the summary line
 * `Apply complete: A added, C changed, R replaced, D destroyed, F failed,
 * S skipped, P pending.`) or as JSON (`formatVersion` "1", the report plus
 * the summary counts). Pure; the report holds no secret value and neither
 * does anything added here. Text lines pass through `escapeText` (platform
 * error messages and names never reach the terminal as control characters).
 */
import type { ActionType } from '../model/plan.js';
import { escapeText } from '../render/escape-text.js';
import type { ApplyEvent, ApplyReport } from './types.js';

export interface ApplyReportRenderOptions {
  readonly format: 'text' | 'json';
  /** ANSI colour (text only). */
  readonly color: boolean;
}

export interface ApplySummary {
  readonly added: number;
  readonly changed: number;
  readonly replaced: number;
  readonly destroyed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly pending: number;
}

export const APPLY_REPORT_FORMAT_VERSION = '1';

export function summarizeApply(report: ApplyReport): ApplySummary {
  const count = (type: ActionType): number => report.applied.filter((a) => a.type === type).length;
  return {
    added: count('create'),
    changed: count('update'),
    replaced: count('replace'),
    destroyed: count('delete'),
    failed: report.failed.length,
    skipped: report.skipped.length,
    pending: report.pending.length,
  };
}

export function applySummaryLine(summary: ApplySummary): string {
  return (
    `Apply complete: ${summary.added} added, ${summary.changed} changed, ${summary.replaced} replaced, ` +
    `${summary.destroyed} destroyed, ${summary.failed} failed, ${summary.skipped} skipped, ${summary.pending} pending.`
  );
}

const VERB: Readonly<
  Record<ActionType, { readonly symbol: string; readonly past: string; readonly color: string }>
> = {
  create: { symbol: '+', past: 'created', color: '32' },
  update: { symbol: '~', past: 'updated', color: '33' },
  replace: { symbol: '-/+', past: 'replaced', color: '35' },
  delete: { symbol: '-', past: 'destroyed', color: '31' },
};

function renderText(report: ApplyReport, color: boolean): string {
  const paint = (code: string, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const result of report.applied) {
    const verb = VERB[result.type];
    const notes =
      result.notes === undefined || result.notes.length === 0 ? '' : ` (${result.notes.join('; ')})`;
    lines.push(
      `${paint(verb.color, verb.symbol.padStart(3))} ${escapeText(`${result.address}: ${verb.past}${notes}`)}`,
    );
  }
  for (const result of report.failed) {
    lines.push(
      `${paint('1;31', '  ✗')} ${escapeText(`${result.address}: ${result.type} failed: ${result.error}`)}`,
    );
  }
  for (const result of report.skipped) {
    lines.push(
      `${paint('33', '  ↷')} ${escapeText(`${result.address}: ${result.type} skipped: ${result.because}`)}`,
    );
  }
  if (report.pending.length > 0) {
    // One sentence for everyone: the reason and the remedy are the same for each person.
    lines.push(
      `${paint('33', '  !')} pending: ${report.pending.length === 1 ? '1 person has' : `${String(report.pending.length)} people have`} no account on the platform yet; the next plan adds them again once they have signed in:`,
    );
    for (const person of report.pending) lines.push(`      ${escapeText(person.address)}`);
  }
  if (report.warnings.length > 0) {
    lines.push('');
    for (const warning of report.warnings) lines.push(`${paint('33', 'Warning:')} ${escapeText(warning)}`);
  }
  if (lines.length > 0) lines.push('');
  const summary = summarizeApply(report);
  const line = applySummaryLine(summary);
  lines.push(summary.failed > 0 ? paint('1;31', line) : paint('1', line));
  return `${lines.join('\n')}\n`;
}

export function renderApplyReport(report: ApplyReport, options: ApplyReportRenderOptions): string {
  if (options.format === 'text') return renderText(report, options.color);
  const document = { formatVersion: APPLY_REPORT_FORMAT_VERSION, summary: summarizeApply(report), ...report };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One progress line for an event (stderr, one per finished action when not a TTY); never a secret. */
export function describeApplyEvent(event: ApplyEvent): string {
  return escapeText(eventLine(event));
}

function eventLine(event: ApplyEvent): string {
  const detail = event.message === undefined ? '' : `: ${event.message}`;
  switch (event.type) {
    case 'started':
      return `${event.address}: ${event.action} started`;
    case 'finished':
      return `${event.address}: ${VERB[event.action].past}${detail === '' ? '' : ` (${event.message ?? ''})`}`;
    case 'failed':
      return `${event.address}: ${event.action} failed${detail}`;
    case 'skipped':
      return `${event.address}: ${event.action} skipped${detail}`;
    case 'pending':
      // The report says why, once for everyone.
      return `${event.address}: pending`;
    case 'waiting':
      return `${event.address}${detail}`;
  }
}
