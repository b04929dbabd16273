/**
 * The terminal format, Terraform-like: blocked safety rules first and loud,
 * then each scope's actions in plan order with `+ ~ -/+ - !` symbols, a
 * reason and field-level changes, then notes and the summary line. Pure: the
 * CLI decides on colour (TTY, `NO_COLOR`, `--no-color`) and writes the string.
 */
import type { Plan } from '../model/plan.js';
import { isEmptyPlan, summarizePlan } from '../model/plan.js';
import type { EntrySymbol, EntryView } from './plan-view.js';
import { FORCES_REPLACEMENT, freeNotes, planScopes, usedSymbols } from './plan-view.js';
import { NO_CHANGES, blockedLine, optionFlags, summaryLine, targetLine } from './summary.js';

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
    lines.push(`${paint('boldRed', 'Error: plan blocked —')} ${paint('bold', blockedLine(rule))}`);
    for (const addr of rule.addresses) lines.push(`  - ${addr}`);
    lines.push('');
  }
  return lines;
}

function notesSection(plan: Plan): string[] {
  const notes = freeNotes(plan);
  if (notes.length === 0) return [];
  return [
    'Notes:',
    ...notes.map((n) => `  - ${n.address === undefined ? '' : `${n.address}: `}${n.message}`),
    '',
  ];
}

/** The plan for a terminal. Ends with a newline. */
export function renderText(plan: Plan, options: TextRenderOptions): string {
  const paint = painter(options.color);
  const lines = plan.target === undefined ? [] : [targetLine(plan.target), ''];
  lines.push(...blockedSection(plan, paint));
  if (isEmptyPlan(plan) && plan.blocked.length === 0) {
    return [...lines, ...notesSection(plan), NO_CHANGES, ''].join('\n');
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
  lines.push(...notesSection(plan));

  if (plan.blocked.length > 0) {
    const count = plan.blocked.length === 1 ? '1 safety rule' : `${plan.blocked.length} safety rules`;
    lines.push(paint('boldRed', `Blocked by ${count} (see the top): this plan cannot be applied.`));
  }
  lines.push(paint('bold', summaryLine(summarizePlan(plan))), '');
  return lines.join('\n');
}
