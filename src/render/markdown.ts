/**
 * The markdown format, for the PR comment and the job summary. The first line
 * is a hidden marker (`PLAN_COMMENT_MARKER`) by which the comment is found and
 * edited in place. Then: a heading, blocked rules in a CAUTION alert, the
 * summary line, a table with a row per scope that has entries, and per scope a `<details>`
 * block holding a fenced `diff` whose entry headings start with a prefix
 * GitHub colours and the action in words (`+ create`, `! update`,
 * `! replace`, `- destroy`). The whole stays under MARKDOWN_MAX_CHARS (GitHub
 * refuses comments over 65,536): when the details do not fit, the later
 * entries are left out and a note counts them and points at the `plan-full`
 * artifact; the marker, heading, blocked rules and table are always kept.
 * Every piece of text from files or the platform goes through
 * escape-markdown.ts for the place it lands (prose, code span, HTML, fence),
 * so it stays data and cannot change the comment's structure.
 */
import type { Plan, PlanTarget } from '../model/plan.js';
import { isEmptyPlan, summarizePlan } from '../model/plan.js';
import {
  POLICY_CHANGE_EXPLANATION,
  POLICY_CHANGE_HEADING,
  REMOVED_FILES_HEADING,
  changeScopeView,
  type ChangeScopeView,
} from './change-scope.js';
import type { EntrySymbol, EntryView, ScopeView } from './plan-view.js';
import { freeNotes, planScopes } from './plan-view.js';
import {
  NO_CHANGES,
  QUOTA_WARNING_EXPLANATION,
  QUOTA_WARNING_HEADING,
  optionFlags,
  summaryLine,
} from './summary.js';
import {
  escapeFenceContent,
  escapeMarkdown,
  escapeMarkdownHtml,
  fenceFor,
  markdownCode,
} from './escape-markdown.js';

/** The hidden first line of every plan comment. */
export const PLAN_COMMENT_MARKER = '<!-- seqera-sync:plan -->';

/** Upper bound of the rendered length, in characters. */
export const MARKDOWN_MAX_CHARS = 60_000;

export interface MarkdownRenderOptions {
  /** Overrides the length bound (tests). */
  readonly maxChars?: number;
  /** The CI run whose `plan-full` artifact holds the whole plan; linked from the truncation note. */
  readonly runUrl?: string;
}

/** The artifact the plan workflow uploads with the whole plan (`plan.json`, `plan.txt`). */
export const FULL_PLAN_ARTIFACT = 'plan-full';

/**
 * The first characters of an entry's heading in a details block: a prefix
 * GitHub's `diff` highlighting colours (`+` green, `!` orange, `-` red; an
 * unprefixed line stays plain) and the action in words, so a replace does not
 * read as a destroy and an update is not left uncoloured.
 */
const DIFF_HEADING: Readonly<Record<EntrySymbol, string>> = {
  '+': '+ create   ',
  '~': '! update   ',
  '-/+': '! replace  ',
  '-': '- destroy  ',
  '!': '  unmanaged ',
};

/** The legend printed above the details blocks. */
const DIFF_LEGEND =
  'In the details: `+ create` (green), `! update` in place and `! replace` (orange; a replace creates the new object, then destroys the old one), `- destroy` (red), `unmanaged` (plain: on the platform, not declared, left alone).';

/** Room kept for the truncation note and the closing tags. */
const RESERVE_CHARS = 400;
const MAX_BLOCKED_ADDRESSES = 20;
const MAX_TABLE_ROWS = 250;

function scopeName(scope: ScopeView): string {
  return scope.workspace === undefined ? scope.org : `${scope.org}/${scope.workspace}`;
}

/** `` `org` (organization) `` or `` `org/workspace` ``. */
function scopeLabel(scope: ScopeView, asCode: (text: string) => string): string {
  return `${asCode(scopeName(scope))}${scope.workspace === undefined ? ' (organization)' : ''}`;
}

function counts(scope: ScopeView): string {
  const s = scope.summary;
  const parts = [
    s.add > 0 ? `${s.add} to add` : '',
    s.change > 0 ? `${s.change} to change` : '',
    s.replace > 0 ? `${s.replace} to replace` : '',
    s.destroy > 0 ? `${s.destroy} to destroy` : '',
    s.unmanaged > 0 ? `${s.unmanaged} unmanaged` : '',
  ];
  return parts.filter((p) => p !== '').join(', ');
}

/** Where the plan was made, names in code spans. */
function targetSection(target: PlanTarget | undefined): string[] {
  if (target === undefined) return [];
  const orgs =
    target.orgs.length === 0
      ? 'no organisation'
      : `${target.orgs.length === 1 ? 'org' : 'orgs'} ${target.orgs.map((o) => markdownCode(o)).join(', ')}`;
  return [
    `Planning against ${markdownCode(target.endpoint)} as ${markdownCode(target.userName)} (${markdownCode(target.email)}), ${orgs}.`,
    '',
  ];
}

function blockedSection(plan: Plan): string[] {
  if (plan.blocked.length === 0) return [];
  const lines = ['> [!CAUTION]', '> **This plan is blocked and cannot be applied.**', '>'];
  for (const rule of plan.blocked) {
    const override = rule.override === undefined ? '' : ` (use ${markdownCode(rule.override)})`;
    lines.push(`> - **${rule.rule}**: ${escapeMarkdown(rule.message)}${override}`);
    for (const addr of rule.addresses.slice(0, MAX_BLOCKED_ADDRESSES)) {
      lines.push(`>   - ${markdownCode(addr)}`);
    }
    const more = rule.addresses.length - MAX_BLOCKED_ADDRESSES;
    if (more > 0) lines.push(`>   - … and ${more} more`);
  }
  return [...lines, ''];
}

/** The quotas the plan would exceed, in a warning alert at the top (always kept). */
function warningSection(plan: Plan): string[] {
  const warnings = plan.warnings ?? [];
  if (warnings.length === 0) return [];
  return [
    '> [!WARNING]',
    `> **${QUOTA_WARNING_HEADING}** (${escapeMarkdown(QUOTA_WARNING_EXPLANATION)}):`,
    '>',
    ...warnings.map((w) => `> - ${markdownCode(w.quota)}: ${escapeMarkdown(w.message)}`),
    '',
  ];
}

/** A plan against a base: the safety settings the change alters, in an alert at the top. */
function policySection(view: ChangeScopeView | undefined): string[] {
  if (view === undefined || view.policyChanges.length === 0) return [];
  return [
    '> [!IMPORTANT]',
    `> **${POLICY_CHANGE_HEADING}**: ${escapeMarkdown(POLICY_CHANGE_EXPLANATION)}.`,
    '>',
    ...view.policyChanges.map((c) => `> - ${markdownCode(c.file)}: ${markdownCode(c.text)}`),
    '',
  ];
}

/** A plan against a base: removed files, and the workspaces it did not read. */
function changeScopeSection(view: ChangeScopeView | undefined): string[] {
  if (view === undefined) return [];
  const lines: string[] = [];
  if (view.removedFiles.length > 0) {
    lines.push(
      `**${escapeMarkdown(REMOVED_FILES_HEADING)}**:`,
      '',
      ...view.removedFiles.map((f) => `- ${markdownCode(f.file)}: ${escapeMarkdown(f.text)}`),
      '',
    );
  }
  if (view.notChanged !== undefined) lines.push(`_${escapeMarkdown(view.notChanged)}_`, '');
  return lines;
}

function table(plan: Plan, scopes: readonly ScopeView[]): string[] {
  const rows = scopes.slice(0, MAX_TABLE_ROWS).map((scope) => {
    const s = scope.summary;
    const label = scopeLabel(scope, (text) => markdownCode(text, { inTable: true }));
    return `| ${label} | ${s.add} | ${s.change} | ${s.replace} | ${s.destroy} | ${s.unmanaged} |`;
  });
  const more = scopes.length - MAX_TABLE_ROWS;
  const quiet = plan.scope.workspaces.filter((w) => !scopes.some((s) => s.key === w)).length;
  return [
    '| Scope | Add | Change | Replace | Destroy | Unmanaged |',
    '| :-- | --: | --: | --: | --: | --: |',
    ...rows,
    '',
    ...(more > 0 ? [`… and ${more} more scopes with changes.`, ''] : []),
    ...(quiet > 0
      ? [`No changes in ${quiet === 1 ? '1 other workspace' : `${quiet} other workspaces`}.`, '']
      : []),
  ];
}

function entryText(entry: EntryView): string {
  const lines = [`${DIFF_HEADING[entry.symbol]}${entry.heading}`, ...entry.lines.map((l) => `    ${l}`), ''];
  return escapeFenceContent(lines.join('\n'));
}

function longestBacktickRun(text: string): number {
  return fenceFor(text).length - 1;
}

/** A code fence longer than any run of three or more backticks in the content. */
function fence(longestRun: number): string {
  return '`'.repeat(Math.max(3, longestRun + 1));
}

function detailsOpen(scope: ScopeView): string {
  const label = scopeLabel(scope, (text) => `<code>${escapeMarkdownHtml(text)}</code>`);
  return `<details>\n<summary>${label}: ${counts(scope)}</summary>\n\n`;
}

const DETAILS_CLOSE = '\n\n</details>\n\n';

function detailsBlock(scope: ScopeView, entries: readonly string[], longestRun: number): string {
  const f = fence(longestRun);
  return `${detailsOpen(scope)}${f}diff\n${entries.join('\n')}${f}${DETAILS_CLOSE}`;
}

interface Fitted {
  readonly text: string;
  /** Actions and unmanaged items whose details were left out, and the scopes they are in. */
  readonly omittedActions: number;
  readonly omittedUnmanaged: number;
  readonly omittedScopes: number;
  readonly omittedNotes: number;
}

/**
 * The details blocks and free notes that fit in `budget` characters, in
 * order; once one entry does not fit, every later one is left out (counted).
 */
function fitBody(plan: Plan, scopes: readonly ScopeView[], budget: number): Fitted {
  let text = '';
  let omittedActions = 0;
  let omittedUnmanaged = 0;
  let omittedScopes = 0;
  let full = false;
  for (const scope of scopes) {
    let scopeCut = false;
    const kept: string[] = [];
    let bodyLength = 0;
    let longestRun = 0;
    const overhead = detailsOpen(scope).length + 'diff\n'.length + DETAILS_CLOSE.length;
    for (const entry of scope.entries) {
      const rendered = entryText(entry);
      const run = Math.max(longestRun, longestBacktickRun(rendered));
      const body = bodyLength + rendered.length + (kept.length > 0 ? 1 : 0);
      const size = overhead + 2 * fence(run).length + body;
      if (!full && text.length + size <= budget) {
        kept.push(rendered);
        bodyLength = body;
        longestRun = run;
      } else {
        full = true;
        scopeCut = true;
        if (entry.symbol === '!') omittedUnmanaged++;
        else omittedActions++;
      }
    }
    if (scopeCut) omittedScopes++;
    if (kept.length > 0) text += detailsBlock(scope, kept, longestRun);
  }
  const notes = freeNotes(plan);
  let omittedNotes = 0;
  if (notes.length > 0) {
    let section = '### Notes\n\n';
    for (const note of notes) {
      const prefix = note.address === undefined ? '' : `${markdownCode(note.address)}: `;
      const line = `- ${prefix}${escapeMarkdown(note.message)}\n`;
      if (!full && text.length + section.length + line.length <= budget) section += line;
      else {
        full = true;
        omittedNotes++;
      }
    }
    if (omittedNotes < notes.length) text += `${section}\n`;
  }
  return { text, omittedActions, omittedUnmanaged, omittedScopes, omittedNotes };
}

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * `_… truncated, not shown here: the details of 12 actions and 3 unmanaged
 * items in 2 scopes, and 1 note. The whole plan is in the plan-full artifact
 * of this workflow run (plan.json, plan.txt)._`
 */
function truncationNote(fitted: Fitted, runUrl: string | undefined): string {
  const entries = [
    fitted.omittedActions > 0 ? plural(fitted.omittedActions, 'action') : '',
    fitted.omittedUnmanaged > 0 ? plural(fitted.omittedUnmanaged, 'unmanaged item') : '',
  ].filter((part) => part !== '');
  const parts = [
    ...(entries.length > 0
      ? [`the details of ${entries.join(' and ')} in ${plural(fitted.omittedScopes, 'scope')}`]
      : []),
    ...(fitted.omittedNotes > 0 ? [plural(fitted.omittedNotes, 'note')] : []),
  ];
  if (parts.length === 0) return '';
  const run = runUrl === undefined ? 'this workflow run' : `[this workflow run](${encodeURI(runUrl)})`;
  return (
    `_… truncated, not shown here: ${parts.join(', and ')}. ` +
    `The whole plan is in the ${markdownCode(FULL_PLAN_ARTIFACT)} artifact of ${run} (${markdownCode('plan.json')}, ${markdownCode('plan.txt')})._\n`
  );
}

/** The plan as a PR comment / job summary. Starts with PLAN_COMMENT_MARKER, ends with a newline. */
export function renderMarkdown(plan: Plan, options: MarkdownRenderOptions = {}): string {
  const maxChars = options.maxChars ?? MARKDOWN_MAX_CHARS;
  const blocked = plan.blocked.length > 0;
  const scopeView = changeScopeView(plan);
  const head = [
    PLAN_COMMENT_MARKER,
    `## seqera-sync plan${blocked ? ': blocked' : ''}`,
    '',
    ...targetSection(plan.target),
    ...policySection(scopeView),
    ...blockedSection(plan),
    ...warningSection(plan),
  ];
  if (isEmptyPlan(plan) && !blocked) {
    head.push(...changeScopeSection(scopeView));
    const fitted = fitBody(plan, [], maxChars - head.join('\n').length - RESERVE_CHARS);
    return (
      `${[...head, NO_CHANGES, ''].join('\n')}\n${fitted.text}${truncationNote(fitted, options.runUrl)}`.trimEnd() +
      '\n'
    );
  }

  const flags = optionFlags(plan.options);
  const scopes = planScopes(plan);
  head.push(
    `**${summaryLine(summarizePlan(plan))}**`,
    '',
    ...(flags.length > 0 ? [`Made with ${flags.map((f) => markdownCode(f)).join(' ')}.`, ''] : []),
    ...(scopes.length > 0 ? [...table(plan, scopes), DIFF_LEGEND, ''] : []),
    ...changeScopeSection(scopeView),
  );
  const headText = `${head.join('\n')}\n`;
  const fitted = fitBody(plan, scopes, maxChars - headText.length - RESERVE_CHARS);
  return `${headText}${fitted.text}${truncationNote(fitted, options.runUrl)}`.trimEnd() + '\n';
}
