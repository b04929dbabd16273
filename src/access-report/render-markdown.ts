/**
 * The markdown format, for the review issue: a marker line, the summary
 * table, the changes since the previous report, the unmanaged grants and
 * pending people, and the workspaces' owners/admins. Names and emails are in
 * code spans (never markup, never a mention). The whole stays under
 * MARKDOWN_MAX_CHARS (GitHub refuses bodies over 65,536): when a section does
 * not fit, its later lines are left out with a note pointing at the HTML and
 * JSON reports; the summary always fits.
 */
import { mdCode, mdText } from './escape-markdown.js';
import type { AccessChange, AccessReport, AccessSource } from './model.js';

/** Upper bound of the rendered length, in characters. */
export const MARKDOWN_MAX_CHARS = 60_000;

/** The hidden first line of every review issue body. */
export function accessReviewMarker(org: string): string {
  return `<!-- seqera-sync:access-review org=${encodeURIComponent(org)} -->`;
}

export interface AccessMarkdownOptions {
  /** Overrides the length bound (tests). */
  readonly maxChars?: number;
}

/** Room kept for the notes of left-out lines. */
const RESERVE_CHARS = 600;
const MAX_OWNERS_SHOWN = 5;

function source(s: AccessSource): string {
  const label = s.kind === 'team' ? `team ${mdCode(s.team ?? '')}` : s.kind;
  return `${label} (${mdCode(s.role)}${s.declared ? '' : ', unmanaged'})`;
}

function sources(list: readonly AccessSource[]): string {
  return list.length === 0 ? '—' : list.map(source).join(', ');
}

function changeRole(c: AccessChange): string {
  if (c.change === 'granted') return mdCode(c.to ?? '');
  if (c.change === 'revoked') return mdCode(c.from ?? '');
  return c.from === c.to ? mdCode(c.to ?? '') : `${mdCode(c.from ?? '')} → ${mdCode(c.to ?? '')}`;
}

function changeSources(c: AccessChange): string {
  if (c.change === 'granted') return sources(c.sourcesAdded);
  if (c.change === 'revoked') return sources(c.sourcesRemoved);
  const parts = [
    ...c.sourcesAdded.map((s) => `+ ${source(s)}`),
    ...c.sourcesRemoved.map((s) => `− ${source(s)}`),
  ];
  return parts.length === 0 ? '—' : parts.join(', ');
}

function people(list: readonly string[]): string {
  if (list.length === 0) return '—';
  const shown = list.slice(0, MAX_OWNERS_SHOWN).map(mdCode).join(', ');
  return list.length > MAX_OWNERS_SHOWN ? `${shown} and ${list.length - MAX_OWNERS_SHOWN} more` : shown;
}

interface Section {
  readonly heading: readonly string[];
  readonly lines: readonly string[];
  readonly what: string;
}

function summaryLines(report: AccessReport): string[] {
  const s = report.summary;
  const changes =
    s.changes === null
      ? 'no previous report'
      : `${s.changes.granted} granted, ${s.changes.revoked} revoked, ${s.changes.changed} changed`;
  const org = report.org;
  const title = org.fullName !== '' && org.fullName !== org.name ? ` (${mdText(org.fullName)})` : '';
  const lines = [
    accessReviewMarker(org.name),
    `## Access review: ${mdCode(org.name)}${title}`,
    '',
    `Read from ${mdCode(report.endpoint)} at ${mdCode(report.generatedAt)}` +
      (report.previousGeneratedAt === null
        ? '.'
        : `; compared with the report of ${mdCode(report.previousGeneratedAt)}.`),
    ...(report.tokenUser === null ? [] : [`The token's own user ${mdCode(report.tokenUser)} is left out.`]),
    '',
    '| People | Workspaces | Org owners | Unmanaged grants | Pending | Changes since the previous report |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    `| ${s.people} | ${s.workspaces} | ${s.owners} | ${s.unmanagedGrants} | ${s.pending} | ${changes} |`,
  ];
  return lines;
}

function changesSection(report: AccessReport): Section | undefined {
  if (report.summary.changes === null) return undefined;
  if (report.changes.length === 0) {
    return {
      heading: ['', '### Changes since the previous report', '', 'No changes.'],
      lines: [],
      what: 'changes',
    };
  }
  return {
    heading: [
      '',
      '### Changes since the previous report',
      '',
      '| Change | Person | Workspace | Role | Source |',
      '| --- | --- | --- | --- | --- |',
    ],
    lines: report.changes.map(
      (c) =>
        `| ${c.change} | ${mdCode(c.email)} | ${mdCode(c.workspace)} | ${changeRole(c)} | ${changeSources(c)} |`,
    ),
    what: 'changes',
  };
}

function unmanagedSection(report: AccessReport): Section | undefined {
  const rows = report.rows.filter((r) => !r.pending && r.sources.some((s) => !s.declared));
  if (rows.length === 0) return undefined;
  return {
    heading: [
      '',
      '### Unmanaged grants (on the platform, not in the configuration)',
      '',
      '| Person | Workspace | Effective role | Unmanaged sources |',
      '| --- | --- | --- | --- |',
    ],
    lines: rows.map(
      (r) =>
        `| ${mdCode(r.email)} | ${mdCode(r.workspace)} | ${mdCode(r.role)} | ${sources(r.sources.filter((s) => !s.declared))} |`,
    ),
    what: 'unmanaged grants',
  };
}

function pendingSection(report: AccessReport): Section | undefined {
  const rows = report.rows.filter((r) => r.pending);
  if (rows.length === 0) return undefined;
  return {
    heading: [
      '',
      '### Pending (declared, no account yet)',
      '',
      '| Person | Workspace | Declared role | Sources |',
      '| --- | --- | --- | --- |',
    ],
    lines: rows.map(
      (r) => `| ${mdCode(r.email)} | ${mdCode(r.workspace)} | ${mdCode(r.role)} | ${sources(r.sources)} |`,
    ),
    what: 'pending rows',
  };
}

function workspacesSection(report: AccessReport): Section | undefined {
  if (report.workspaces.length === 0) return undefined;
  return {
    heading: [
      '',
      '### Workspaces',
      '',
      '| Workspace | Visibility | Owners | Admins | People | Unmanaged | Pending |',
      '| --- | --- | --- | --- | ---: | ---: | ---: |',
    ],
    lines: report.workspaces.map(
      (w) =>
        `| ${mdCode(w.name)}${w.declared ? '' : ' (no file)'} | ${mdCode(w.visibility)} | ${people(w.owners)} | ${people(w.admins)} | ${w.people} | ${w.unmanaged} | ${w.pending} |`,
    ),
    what: 'workspaces',
  };
}

export function renderMarkdown(report: AccessReport, options: AccessMarkdownOptions = {}): string {
  const max = options.maxChars ?? MARKDOWN_MAX_CHARS;
  const out = summaryLines(report);
  let used = out.reduce((n, l) => n + l.length + 1, 0);
  const sections = [
    changesSection(report),
    unmanagedSection(report),
    pendingSection(report),
    workspacesSection(report),
  ];
  let truncated = false;
  for (const section of sections) {
    if (section === undefined) continue;
    const headingLength = section.heading.reduce((n, l) => n + l.length + 1, 0);
    if (truncated || used + headingLength > max - RESERVE_CHARS) {
      truncated = true;
      continue;
    }
    out.push(...section.heading);
    used += headingLength;
    let shown = 0;
    for (const line of section.lines) {
      if (used + line.length + 1 > max - RESERVE_CHARS) break;
      out.push(line);
      used += line.length + 1;
      shown++;
    }
    if (shown < section.lines.length) {
      out.push('', `… and ${section.lines.length - shown} more ${section.what}.`);
      used += 60;
      truncated = true;
    }
  }
  if (truncated) {
    out.push(
      '',
      '_The report is longer than an issue allows: the HTML and JSON reports of this run have every row._',
    );
  }
  return `${out.join('\n')}\n`;
}
