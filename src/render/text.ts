/**
 * The terminal format, Terraform-like: blocked safety rules first and loud,
 * then each scope's actions in plan order with `+ ~ -/+ - !` symbols, a
 * reason and field-level changes, then notes and the summary line. Text from
 * files or the platform passes through `escapeText`, so no control character
 * or terminal escape reaches the terminal. Pure: the CLI decides on colour
 * (TTY, `NO_COLOR`, `--no-color`) and writes the string.
 */
import type { Plan } from '../model/plan.js';
import { isEmptyPlan, summarizePlan } from '../model/plan.js';
import {
  POLICY_CHANGE_EXPLANATION,
  POLICY_CHANGE_HEADING,
  REMOVED_FILES_HEADING,
  changeScopeView,
  type ChangeScopeView,
} from './change-scope.js';
import type { EntrySymbol, EntryView } from './plan-view.js';
import { FORCES_REPLACEMENT, freeNotes, planScopes, usedSymbols } from './plan-view.js';
import { escapeText } from './escape-text.js';
import {
  NO_CHANGES,
  QUOTA_WARNING_EXPLANATION,
  QUOTA_WARNING_HEADING,
  blockedLine,
  blockersPhrase,
  optionFlags,
  summaryLine,
  targetLine,
} from './summary.js';

export interface TextRenderOptions {
  /** ANSI colour; false gives plain text. */
  readonly color: boolean;
}

type Style = 'green' | 'yellow' | 'red' | 'magenta' | 'bold' | 'boldRed';

const ANSI: Readonly<Record<Style, string>> = {
  green: '32',
  yellow: '33',
  red: '31',
  magenta: '35',
  bold: '1',
  boldRed: '1;31',
};

const SYMBOL_STYLE: Readonly<Record<EntrySymbol, Style>> = {
  '+': 'green',
  '~': 'yellow',
  '-/+': 'magenta',
  '-': 'red',
  '!': 'yellow',
};

type Paint = (style: Style, text: string) => string;

function painter(color: boolean): Paint {
  return color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
}

function entryLines(entry: EntryView, paint: Paint): string[] {
  const symbol = paint(SYMBOL_STYLE[entry.symbol], entry.symbol.padStart(3));
  const details = entry.lines.map((line) => {
    const at = line.indexOf(FORCES_REPLACEMENT);
    const painted = at > 0 ? `${line.slice(0, at)}${paint('red', line.slice(at))}` : line;
    return `      ${painted}`;
  });
  return [`${symbol} ${paint('bold', entry.heading)}`, ...details, ''];
}

function blockedSection(plan: Plan, paint: Paint): string[] {
  const lines: string[] = [];
  for (const rule of plan.blocked) {
    lines.push(
      `${paint('boldRed', 'Error: plan blocked —')} ${paint('bold', escapeText(blockedLine(rule)))}`,
    );
    for (const addr of rule.addresses) lines.push(`  - ${escapeText(addr)}`);
    lines.push('');
  }
  return lines;
}

function warningSection(plan: Plan, paint: Paint): string[] {
  const warnings = plan.warnings ?? [];
  if (warnings.length === 0) return [];
  return [
    `${paint('yellow', `Warning: ${QUOTA_WARNING_HEADING} —`)} ${QUOTA_WARNING_EXPLANATION}:`,
    ...warnings.map((w) => `  - ${escapeText(`${w.quota}: ${w.message}`)}`),
    '',
  ];
}

function notesSection(plan: Plan): string[] {
  const notes = freeNotes(plan);
  if (notes.length === 0) return [];
  return [
    'Notes:',
    ...notes.map(
      (n) => `  - ${escapeText(`${n.address === undefined ? '' : `${n.address}: `}${n.message}`)}`,
    ),
    '',
  ];
}

/** A plan against a base: the safety settings the change alters, first. */
function policySection(view: ChangeScopeView | undefined, paint: Paint): string[] {
  if (view === undefined || view.policyChanges.length === 0) return [];
  return [
    `${paint('bold', `${POLICY_CHANGE_HEADING}:`)} ${POLICY_CHANGE_EXPLANATION}.`,
    ...view.policyChanges.map((c) => `  - ${escapeText(c.file)}: ${escapeText(c.text)}`),
    '',
  ];
}

/** A plan against a base: removed files, and the workspaces it did not read. */
function changeScopeSection(view: ChangeScopeView | undefined): string[] {
  if (view === undefined) return [];
  const lines: string[] = [];
  if (view.removedFiles.length > 0) {
    lines.push(
      `${REMOVED_FILES_HEADING}:`,
      ...view.removedFiles.map((f) => `  - ${escapeText(f.file)}: ${escapeText(f.text)}`),
      '',
    );
  }
  if (view.notChanged !== undefined) lines.push(view.notChanged, '');
  return lines;
}

/** The plan for a terminal. Ends with a newline. */
export function renderText(plan: Plan, options: TextRenderOptions): string {
  const paint = painter(options.color);
  const scopeView = changeScopeView(plan);
  const lines = plan.target === undefined ? [] : [escapeText(targetLine(plan.target)), ''];
  lines.push(
    ...policySection(scopeView, paint),
    ...blockedSection(plan, paint),
    ...warningSection(plan, paint),
  );
  if (isEmptyPlan(plan) && plan.blocked.length === 0) {
    return [...lines, ...notesSection(plan), ...changeScopeSection(scopeView), NO_CHANGES, ''].join('\n');
  }

  const flags = optionFlags(plan.options);
  if (flags.length > 0) lines.push(`Made with ${flags.join(' ')}.`, '');

  const scopes = planScopes(plan);
  const legend = usedSymbols(scopes);
  if (legend.length > 0) {
    lines.push('Symbols:');
    for (const [symbol, meaning] of legend) {
      lines.push(`  ${paint(SYMBOL_STYLE[symbol], symbol.padStart(3))} ${meaning}`);
    }
    lines.push('');
  }
  for (const scope of scopes) {
    lines.push(paint('bold', `${scope.title}:`), '');
    for (const entry of scope.entries) lines.push(...entryLines(entry, paint));
  }
  lines.push(...notesSection(plan), ...changeScopeSection(scopeView));

  if (plan.blocked.length > 0) {
    lines.push(
      paint(
        'boldRed',
        `Blocked by ${blockersPhrase(plan.blocked)} (see the top): this plan cannot be applied.`,
      ),
    );
  }
  lines.push(paint('bold', summaryLine(summarizePlan(plan))), '');
  return lines.join('\n');
}
