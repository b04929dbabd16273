/**
 * The HTML format: one self-contained page (inline stylesheet and script, no
 * request of any kind: a Content-Security-Policy allows only those two, by
 * hash). Every row is in the markup, so the page reads with scripts off and
 * prints whole; the script adds sorting by any column, a text filter and
 * role/status selects. Every text from the platform or the files is escaped
 * for element content and double-quoted attributes alike.
 */
import { createHash } from 'node:crypto';
import { REPORT_CSS, REPORT_JS } from './html-assets.js';
import {
  sourceLabel,
  type AccessChange,
  type AccessReport,
  type AccessRow,
  type AccessSource,
  type WorkspaceFacts,
} from './model.js';
import { compareRoles, roleRank } from './roles.js';

/** Escapes text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const h = escapeHtml;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const BUILT_IN_ROLES = new Set(['owner', 'admin', 'maintain', 'launch', 'connect', 'view']);

function roleBadge(role: string): string {
  const cls = BUILT_IN_ROLES.has(role) ? `role-${role}` : 'role-custom';
  return `<span class="badge ${cls}">${h(role)}</span>`;
}

/** Sort key of a role: strongest first when ascending. */
function roleKey(role: string): string {
  return `${String(9 - roleRank(role))}:${role}`;
}

function sourceChip(s: AccessSource): string {
  const label = s.kind === 'team' ? `team ${s.team ?? ''}` : s.kind;
  return `<span class="src${s.declared ? '' : ' unmanaged'}">${h(label)} · ${h(s.role)}</span>`;
}

function statusBadges(row: AccessRow): string {
  const main = `<span class="badge status-${row.status}">${row.status}</span>`;
  return row.pending ? `${main} <span class="badge status-pending">pending</span>` : main;
}

function accessRow(row: AccessRow, orgRole: string): string {
  const status = row.pending ? `${row.status} pending` : row.status;
  return (
    `<tr data-role="${h(row.role)}" data-status="${status}">` +
    `<td class="email">${h(row.email)}</td>` +
    `<td class="org-${h(orgRole)}">${h(orgRole)}</td>` +
    `<td class="ws">${h(row.workspace)}</td>` +
    `<td data-sort="${h(roleKey(row.role))}">${roleBadge(row.role)}</td>` +
    `<td data-sort="${h(row.sources.map(sourceLabel).join(', ').toLowerCase())}">${row.sources.map(sourceChip).join('')}</td>` +
    `<td data-sort="${status}">${statusBadges(row)}</td>` +
    '</tr>'
  );
}

function list(emails: readonly string[]): string {
  return emails.length === 0 ? '<span class="muted">—</span>' : emails.map(h).join('<br>');
}

function workspaceRow(w: WorkspaceFacts): string {
  return (
    '<tr>' +
    `<td class="ws">${h(w.name)}${w.declared ? '' : ' <span class="badge status-unmanaged" title="no file in the configuration">no file</span>'}<div class="muted">${h(w.fullName)}</div></td>` +
    `<td>${h(w.visibility)}</td>` +
    `<td data-sort="${String(w.owners.length)}">${list(w.owners)}</td>` +
    `<td data-sort="${String(w.admins.length)}">${list(w.admins)}</td>` +
    `<td class="num">${String(w.people)}</td>` +
    `<td data-sort="${String(w.teams.length)}">${w.teams.length === 0 ? '<span class="muted">—</span>' : w.teams.map(h).join('<br>')}</td>` +
    `<td class="num">${String(w.unmanaged)}</td>` +
    `<td class="num">${String(w.pending)}</td>` +
    '</tr>'
  );
}

function changeRow(c: AccessChange): string {
  const role =
    c.change === 'granted'
      ? roleBadge(c.to ?? '')
      : c.change === 'revoked'
        ? roleBadge(c.from ?? '')
        : c.from === c.to
          ? roleBadge(c.to ?? '')
          : `${roleBadge(c.from ?? '')} → ${roleBadge(c.to ?? '')}`;
  const added = c.sourcesAdded.map((s) => `${c.change === 'granted' ? '' : '+ '}${sourceChip(s)}`);
  const removed = c.sourcesRemoved.map((s) => `${c.change === 'revoked' ? '' : '− '}${sourceChip(s)}`);
  return (
    '<tr>' +
    `<td class="change-${c.change}"><strong>${c.change}</strong></td>` +
    `<td class="email">${h(c.email)}</td>` +
    `<td class="ws">${h(c.workspace)}</td>` +
    `<td>${role}</td>` +
    `<td>${[...added, ...removed].join(' ')}</td>` +
    '</tr>'
  );
}

function card(label: string, value: string, hint: string, cls = ''): string {
  return `<div class="card${cls === '' ? '' : ` ${cls}`}"><div class="label">${h(label)}</div><div class="value">${value}</div><div class="hint">${hint}</div></div>`;
}

function summaryCards(report: AccessReport): string {
  const s = report.summary;
  const shared = report.workspaces.filter((w) => w.visibility === 'shared').length;
  const changes =
    s.changes === null
      ? card('Changes since previous', '—', 'no previous report given', 'changes')
      : card(
          'Changes since previous',
          `<span class="change-granted">+${String(s.changes.granted)}</span> <span class="change-revoked">−${String(s.changes.revoked)}</span> <span class="change-changed">~${String(s.changes.changed)}</span>`,
          'granted · revoked · changed',
          'changes',
        );
  return [
    card('People', String(s.people), `${String(s.rows)} person × workspace rows`),
    card(
      'Workspaces',
      String(s.workspaces),
      `${String(s.workspaces - shared)} private · ${String(shared)} shared`,
    ),
    card('Org owners', String(s.owners), 'owner of every workspace'),
    card(
      'Unmanaged grants',
      String(s.unmanagedGrants),
      'on the platform, not in the configuration',
      s.unmanagedGrants > 0 ? 'warn' : '',
    ),
    card('Pending', String(s.pending), 'declared, no account yet'),
    changes,
  ].join('');
}

function options(values: readonly string[], all: string): string {
  return [
    `<option value="">${h(all)}</option>`,
    ...values.map((v) => `<option value="${h(v)}">${h(v)}</option>`),
  ].join('');
}

function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** Rows per chunk of output: the page is written piece by piece, never held whole. */
const ROWS_PER_CHUNK = 500;

function* inChunks<T>(items: readonly T[], render: (item: T) => string): Generator<string> {
  for (let i = 0; i < items.length; i += ROWS_PER_CHUNK) {
    yield `${items
      .slice(i, i + ROWS_PER_CHUNK)
      .map(render)
      .join('\n')}\n`;
  }
}

/** The page, in pieces (see `renderHtml` for the whole). */
export function* htmlChunks(report: AccessReport): Generator<string> {
  const orgRoles = new Map(report.people.map((p) => [p.email, p.orgRole]));
  const roles = [...new Set(report.rows.map((r) => r.role))].sort(compareRoles);
  const org = report.org;
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(REPORT_CSS)}`,
    `script-src ${sha256(REPORT_JS)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = [
    `Read from <code>${h(report.endpoint)}</code> on ${h(formatTime(report.generatedAt))}`,
    report.previousGeneratedAt === null
      ? ''
      : `compared with the report of ${h(formatTime(report.previousGeneratedAt))}`,
    report.tokenUser === null ? '' : `the token's user <code>${h(report.tokenUser)}</code> is left out`,
  ]
    .filter((p) => p !== '')
    .join(' · ');
  const changes =
    report.summary.changes === null
      ? ''
      : `<section class="panel" id="changes"><h2>Changes since the previous report</h2>` +
        `<p class="lead">Granted, revoked or changed per person × workspace, with the source that changed.</p>` +
        (report.changes.length === 0
          ? '<p class="empty">No changes.</p>'
          : `<div class="table-wrap"><table class="data sortable" id="changes-table"><thead><tr><th scope="col">Change</th><th scope="col">Person</th><th scope="col">Workspace</th><th scope="col">Role</th><th scope="col">Source</th></tr></thead><tbody>${report.changes.map(changeRow).join('\n')}</tbody></table></div>`) +
        '</section>';
  yield `<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Access review — ${h(org.name)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<p class="eyebrow">seqera-sync · access review</p>
<h1>${h(org.fullName === '' ? org.name : org.fullName)}<span class="org-name">${h(org.name)}</span></h1>
<p class="meta">${meta}</p>
</header>
<main>
<section class="cards" aria-label="Summary">${summaryCards(report)}</section>
<nav class="tabs" aria-label="Sections"><a href="#access">People × workspaces</a><a href="#workspaces">Workspaces</a>${report.summary.changes === null ? '' : '<a href="#changes">Changes</a>'}</nav>
${changes}
<section class="panel" id="access">
<h2>Who can do what where, and why</h2>
<p class="lead">One row per person × workspace: the effective role is the strongest of its sources. Dashed sources are not in the configuration.</p>
<div class="controls js-only">
<input type="search" id="filter" placeholder="Filter: person, workspace, role, team…" aria-label="Filter rows" autocomplete="off">
<select id="role-filter" aria-label="Role">${options(roles, 'All roles')}</select>
<select id="status-filter" aria-label="Status">${options(['declared', 'unmanaged', 'pending'], 'All statuses')}</select>
<span class="count" id="count" aria-live="polite"></span>
</div>
<div class="table-wrap"><table class="data sortable" id="access-table">
<thead><tr><th scope="col">Person</th><th scope="col">Org role</th><th scope="col">Workspace</th><th scope="col">Role</th><th scope="col">Sources</th><th scope="col">Status</th></tr></thead>
<tbody>
`;
  yield* inChunks(report.rows, (r) => accessRow(r, orgRoles.get(r.email) ?? ''));
  yield `</tbody></table></div>
${report.rows.length === 0 ? '<p class="empty">Nobody has access to a workspace of this organisation.</p>' : ''}
</section>
<section class="panel" id="workspaces">
<h2>Workspaces</h2>
<p class="lead">Visibility, who administers each workspace, and how many people can reach it.</p>
<div class="table-wrap"><table class="data sortable" id="workspaces-table">
<thead><tr><th scope="col">Workspace</th><th scope="col">Visibility</th><th scope="col">Owners</th><th scope="col">Admins</th><th scope="col" class="num">People</th><th scope="col">Teams</th><th scope="col" class="num">Unmanaged</th><th scope="col" class="num">Pending</th></tr></thead>
<tbody>
`;
  yield* inChunks(report.workspaces, workspaceRow);
  yield `</tbody></table></div>
</section>
</main>
<footer>Generated by seqera-sync access-report · format ${h(report.formatVersion)}</footer>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}

export function renderHtml(report: AccessReport): string {
  return [...htmlChunks(report)].join('');
}
