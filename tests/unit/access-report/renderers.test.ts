import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/access-report/build-report.js';
import { withChanges } from '../../../src/access-report/diff-reports.js';
import type { AccessReport, AccessRow } from '../../../src/access-report/model.js';
import { accessReportErrors } from '../../../src/access-report/previous-report.js';
import { csvField, renderCsv } from '../../../src/access-report/render-csv.js';
import { escapeHtml, renderHtml } from '../../../src/access-report/render-html.js';
import { renderJson } from '../../../src/access-report/render-json.js';
import { MARKDOWN_MAX_CHARS, renderMarkdown } from '../../../src/access-report/render-markdown.js';
import { formatOfFileName } from '../../../src/access-report/render-report.js';
import { reviewFixture } from './fixture.js';

function report(): AccessReport {
  const { live, declared, previous } = reviewFixture();
  return withChanges(
    buildReport(live, declared, {
      generatedAt: '2026-12-07T00:00:00.000Z',
      endpoint: 'https://api.example.org',
    }),
    previous,
  );
}

/** A report whose platform text is hostile in every field a renderer shows. */
function hostile(): AccessReport {
  const base = report();
  const evil = '=HYPERLINK("http://x")|@everyone `x` <b>**bold**</b>\n# heading';
  const rows: AccessRow[] = base.rows.map((r, i) =>
    i === 0
      ? {
          ...r,
          email: '@admin|x',
          workspace: evil,
          role: '+custom',
          sources: [{ kind: 'team', team: evil, role: '-r', declared: false }],
        }
      : r,
  );
  return {
    ...base,
    org: { name: 'biocommons', fullName: '</title><script>alert(1)</script>' },
    rows,
    workspaces: base.workspaces.map((w, i) =>
      i === 0 ? { ...w, name: evil, fullName: '"><img src=x onerror=alert(1)>' } : w,
    ),
    changes: base.changes.map((c, i) => (i === 0 ? { ...c, email: '@someone', workspace: evil } : c)),
  };
}

describe('csv', () => {
  it('neutralises cells that a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvField(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1,2')).toBe('"\'=1+1,2"');
  });

  it('writes one CRLF line per row with empty reviewer and decision columns', () => {
    const r = report();
    const text = renderCsv(r);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines).toHaveLength(r.rows.length + 1);
    expect(lines[0]?.split(',').slice(-2)).toEqual(['reviewer', 'decision']);
    for (const line of lines.slice(1)) expect(line.endsWith(',,')).toBe(true);
  });

  it('keeps hostile text inert', () => {
    const text = renderCsv(hostile());
    const first = text.split('\r\n')[1] ?? '';
    expect(first.startsWith("'@admin|x,")).toBe(true);
    expect(first).toContain(',"\'=HYPERLINK(""http://x"")');
    expect(first).toContain(",'+custom,");
  });
});

describe('json', () => {
  it('writes, piece by piece, exactly the text JSON.stringify gives (long arrays included)', () => {
    const base = report();
    const rows = Array.from({ length: 1203 }, (_, i) => ({
      ...base.rows[i % base.rows.length]!,
      email: `p${String(i)}@x.org`,
    }));
    const big = { ...base, rows, changes: [] };
    expect(renderJson(big)).toBe(`${JSON.stringify(big, null, 2)}\n`);
    expect(renderJson(base)).toBe(`${JSON.stringify(base, null, 2)}\n`);
  });

  it('is valid against the schema, with changes, and rejects unknown properties', () => {
    const doc = JSON.parse(renderJson(report())) as Record<string, unknown>;
    expect(accessReportErrors(doc)).toEqual([]);
    expect(accessReportErrors({ ...doc, extra: 1 })).toEqual(['(top level): unknown property "extra"']);
    expect(Object.keys(doc)[0]).toBe('formatVersion');
  });
});

describe('markdown', () => {
  it('has the summary and the changes, with every name in a code span', () => {
    const md = renderMarkdown(hostile());
    expect(md.split('\n')[0]).toBe('<!-- seqera-sync:access-review org=biocommons -->');
    expect(md).toContain(
      '| People | Workspaces | Org owners | Unmanaged grants | Pending | Changes since the previous report |',
    );
    expect(md).toContain('### Changes since the previous report');
    expect(md).toContain('`@someone`');
    expect(md).toContain('(&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;)');
    // No raw mention, heading, or table-breaking pipe from the data.
    for (const line of md.split('\n')) {
      expect(line).not.toMatch(/^# heading/);
      expect(line.replace(/`[^`]*`/g, '')).not.toMatch(/(^|\s)@\w/);
    }
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\|@everyone');
  });

  it('stays under the comment limit, saying what was left out', () => {
    const base = report();
    const many = Array.from({ length: 5000 }, (_, i) => ({
      change: 'granted' as const,
      email: `person${String(i)}@example.org`,
      workspace: 'ausgen',
      to: 'launch',
      sourcesAdded: [{ kind: 'direct' as const, role: 'launch', declared: true }],
      sourcesRemoved: [],
    }));
    const big = {
      ...base,
      changes: many,
      summary: { ...base.summary, changes: { granted: 5000, revoked: 0, changed: 0 } },
    };
    const md = renderMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    expect(md).toMatch(/… and \d+ more changes\./);
    expect(md).toContain('the HTML and JSON reports of this run have every row');
    expect(md).toContain('| 5000 granted, 0 revoked, 0 changed |');
  });
});

describe('html', () => {
  it('escapes text for element content and both kinds of quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#96;',
    );
  });

  it('allows only its own inline style and script, by hash, and refers to nothing outside the file', () => {
    const html = renderHtml(report());
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = (t: string): string => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('never lets platform text become markup', () => {
    const html = renderHtml(hostile());
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;&#62;&#60;img src=x onerror=alert(1)&#62;');
  });

  it('has every row in the markup and a workspace view', () => {
    const r = report();
    const html = renderHtml(r);
    const body = /<table class="data sortable" id="access-table">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(body.match(/<tr data-role=/g)).toHaveLength(r.rows.length);
    expect(html).toContain('id="workspaces-table"');
    expect(html).toContain('@media print');
  });
});

describe('formatOfFileName', () => {
  it('maps extensions to formats', () => {
    expect(formatOfFileName('a/report.HTML')).toBe('html');
    expect(formatOfFileName('r.md')).toBe('markdown');
    expect(formatOfFileName('r.csv')).toBe('csv');
    expect(formatOfFileName('r.json')).toBe('json');
    expect(formatOfFileName('r.txt')).toBeUndefined();
  });
});
