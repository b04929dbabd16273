/**
 * The stylesheet and script inlined in the HTML report. Both are constant
 * (no data in them), so the page's Content-Security-Policy can allow exactly
 * these two by hash and nothing else: no request of any kind, no other
 * script. The script reads the table from the DOM and only ever sets
 * `hidden`, attributes and `textContent`.
 */

export const REPORT_CSS = `
:root{--bg:#f6f7fb;--card:#fff;--ink:#1d2433;--muted:#5f6b80;--line:#e3e7ef;--accent:#4f46e5;
--owner:#6d28d9;--admin:#b42318;--maintain:#b54708;--launch:#175cd3;--connect:#0e7490;--view:#475467;
--ok:#067647;--warn:#b54708;--pend:#6941c6;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font-size:14px;line-height:1.45}
header.top{background:linear-gradient(120deg,#1e1b4b,#4338ca 60%,#6366f1);color:#fff;padding:28px 32px 60px}
header.top .eyebrow{margin:0 0 4px;font-size:12px;letter-spacing:.08em;text-transform:uppercase;opacity:.8}
header.top h1{margin:0;font-size:26px;font-weight:650}
header.top h1 .org-name{font-weight:400;opacity:.8;font-size:18px;margin-left:6px}
header.top .meta{margin:8px 0 0;opacity:.85;font-size:13px}
header.top code{background:rgba(255,255,255,.15);padding:1px 5px;border-radius:4px;white-space:nowrap}
main{max-width:1320px;margin:-40px auto 40px;padding:0 24px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:14px;margin-bottom:22px}
.card{background:var(--card);border-radius:12px;padding:16px 18px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 4px 12px rgba(16,24,40,.05);border:1px solid var(--line)}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.card .value{font-size:28px;font-weight:650;margin-top:2px}
.card .hint{color:var(--muted);font-size:12px}
.card.warn .value{color:var(--warn)}
.card.changes .value{font-size:18px;padding-top:8px}
nav.tabs{display:flex;gap:6px;margin:0 0 14px}
nav.tabs a{color:var(--accent);text-decoration:none;padding:6px 12px;border-radius:999px;background:#eef0ff;font-weight:550;font-size:13px}
section.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;margin-bottom:22px;box-shadow:0 1px 2px rgba(16,24,40,.05)}
section.panel h2{margin:0 0 4px;font-size:18px}
section.panel p.lead{margin:0 0 14px;color:var(--muted)}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:12px}
.controls input,.controls select{font:inherit;padding:7px 10px;border:1px solid #cfd5e2;border-radius:8px;background:#fff;color:var(--ink)}
.controls input{flex:1 1 280px;min-width:200px}
.controls .count{color:var(--muted);font-size:13px;margin-left:auto}
html.no-js .js-only{display:none}
.table-wrap{overflow-x:auto}
table.data{border-collapse:separate;border-spacing:0;width:100%}
table.data th,table.data td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
table.data thead th{position:sticky;top:0;white-space:nowrap;background:#f9fafc;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);z-index:1}
table.data th button{all:unset;cursor:pointer;display:inline-flex;gap:4px;align-items:center}
table.data th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px;border-radius:3px}
table.data th button::after{content:"\\2195";opacity:.35;font-size:11px}
table.data th[aria-sort=ascending] button::after{content:"\\25B2";opacity:.9}
table.data th[aria-sort=descending] button::after{content:"\\25BC";opacity:.9}
table.data tbody tr:hover td{background:#f7f8ff}
table.data td.num,table.data th.num{text-align:right;font-variant-numeric:tabular-nums}
.email{font-weight:550;white-space:nowrap}
.ws{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.role-owner{color:var(--owner);background:#f4f0ff}.role-admin{color:var(--admin);background:#fef3f2}
.role-maintain{color:var(--maintain);background:#fffaeb}.role-launch{color:var(--launch);background:#eff8ff}
.role-connect{color:var(--connect);background:#ecfdff}.role-view{color:var(--view);background:#f2f4f7}
.role-custom{color:#344054;background:#fff;border-style:dashed}
.src{display:inline-block;margin:0 4px 3px 0;padding:1px 7px;border-radius:6px;background:#f2f4f7;font-size:12px;white-space:nowrap}
.src.unmanaged{background:#fff6ed;color:var(--warn);outline:1px dashed #f79009}
.status-declared{color:var(--ok);background:#ecfdf3}.status-unmanaged{color:var(--warn);background:#fffaeb}
.status-pending{color:var(--pend);background:#f4f3ff}
.org-owner{color:var(--owner)}.org-collaborator{color:var(--connect)}
.muted{color:var(--muted)}
.change-granted{color:var(--ok)}.change-revoked{color:var(--admin)}.change-changed{color:var(--maintain)}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;text-align:center;margin:0 0 30px}
@media print{
 @page{size:landscape;margin:12mm}
 body{background:#fff;font-size:10.5px}
 header.top{background:none;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
 header.top code{background:none}
 main{margin:10px 0;max-width:none;padding:0}
 .controls,nav.tabs,footer{display:none!important}
 tr[hidden]{display:table-row!important}
 .card,section.panel{box-shadow:none;break-inside:avoid-page}
 section.panel{border:0;padding:0}
 table.data thead{display:table-header-group}
 table.data thead th{position:static}
 table.data tr{break-inside:avoid}
 table.data th button::after{content:none}
}
`;

export const REPORT_JS = `
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');
  function key(cell) {
    var k = cell.getAttribute('data-sort');
    return k === null ? (cell.textContent || '').trim().toLowerCase() : k;
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function makeSortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      button.title = 'Sort by ' + th.textContent;
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, i) { row.setAttribute('data-order', String(i)); });
        rows.sort(function (r1, r2) {
          var c = compare(key(r1.cells[index]), key(r2.cells[index]));
          if (dir === 'descending') c = -c;
          return c || Number(r1.getAttribute('data-order')) - Number(r2.getAttribute('data-order'));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), makeSortable);

  var table = document.getElementById('access-table');
  var text = document.getElementById('filter');
  var role = document.getElementById('role-filter');
  var status = document.getElementById('status-filter');
  var count = document.getElementById('count');
  if (!table || !text || !role || !status || !count) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  rows.forEach(function (row) { row.setAttribute('data-text', (row.textContent || '').toLowerCase()); });
  function apply() {
    var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wantRole = role.value, wantStatus = status.value, shown = 0;
    rows.forEach(function (row) {
      var hay = row.getAttribute('data-text') || '';
      var ok = words.every(function (w) { return hay.indexOf(w) !== -1; }) &&
        (wantRole === '' || row.getAttribute('data-role') === wantRole) &&
        (wantStatus === '' || (' ' + row.getAttribute('data-status') + ' ').indexOf(' ' + wantStatus + ' ') !== -1);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown === rows.length ? rows.length + ' rows' : shown + ' of ' + rows.length + ' rows';
  }
  text.addEventListener('input', apply);
  role.addEventListener('change', apply);
  status.addEventListener('change', apply);
  apply();
})();
`;
