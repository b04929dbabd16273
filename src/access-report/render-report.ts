/** The four formats of the access report, by name. */
import type { AccessReport } from './model.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export const ACCESS_REPORT_FORMATS = ['html', 'csv', 'json', 'markdown'] as const;
export type AccessReportFormat = (typeof ACCESS_REPORT_FORMATS)[number];

const EXTENSIONS: Readonly<Record<string, AccessReportFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** The format a file name implies (`report.csv` → csv), if any. */
export function formatOfFileName(name: string): AccessReportFormat | undefined {
  const match = /\.[a-z]+$/i.exec(name);
  return match === null ? undefined : EXTENSIONS[match[0].toLowerCase()];
}

export function renderReport(report: AccessReport, format: AccessReportFormat): string {
  switch (format) {
    case 'html':
      return renderHtml(report);
    case 'csv':
      return renderCsv(report);
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
  }
}
