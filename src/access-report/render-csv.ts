/**
 * The CSV format: one line per person × workspace, for sign-off in a
 * spreadsheet, with empty `reviewer` and `decision` columns. RFC 4180: CRLF
 * line ends, a field quoted when it holds a comma, a quote, CR or LF, quotes
 * doubled. A field that begins with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'` so a spreadsheet never reads it as a formula.
 */
import { sourceLabel, type AccessReport, type AccessSource } from './model.js';

export const CSV_COLUMNS = [
  'email',
  'org_role',
  'pending',
  'workspace',
  'visibility',
  'role',
  'sources',
  'status',
  'reviewer',
  'decision',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised, then quoted when needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function sourcesCell(sources: readonly AccessSource[]): string {
  return sources.map((s) => `${sourceLabel(s)} (${s.role}${s.declared ? '' : ', unmanaged'})`).join('; ');
}

/** Lines per chunk of output. */
const LINES_PER_CHUNK = 1000;

/** The CSV in pieces (see `renderCsv` for the whole). */
export function* csvChunks(report: AccessReport): Generator<string> {
  const orgRoles = new Map(report.people.map((p) => [p.email, p.orgRole]));
  const visibility = new Map(report.workspaces.map((w) => [w.name, w.visibility]));
  let lines = [CSV_COLUMNS.join(',')];
  for (const row of report.rows) {
    const fields = [
      row.email,
      orgRoles.get(row.email) ?? '',
      row.pending ? 'yes' : 'no',
      row.workspace,
      visibility.get(row.workspace) ?? '',
      row.role,
      sourcesCell(row.sources),
      row.status,
      '',
      '',
    ];
    lines.push(fields.map(csvField).join(','));
    if (lines.length >= LINES_PER_CHUNK) {
      yield `${lines.join('\r\n')}\r\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
}

export function renderCsv(report: AccessReport): string {
  return [...csvChunks(report)].join('');
}
