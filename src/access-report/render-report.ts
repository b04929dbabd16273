/** The four formats of the access report, by name. */
import type { AccessReport } from './model.js';
import { csvChunks } from './render-csv.js';
import { htmlChunks } from './render-html.js';
import { jsonChunks } from './render-json.js';
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

/** The report in `format`, in pieces to write one after another (a large report is never one string). */
export function reportChunks(report: AccessReport, format: AccessReportFormat): Iterable<string> {
  switch (format) {
    case 'html':
      return htmlChunks(report);
    case 'csv':
      return csvChunks(report);
    case 'json':
      return jsonChunks(report);
    case 'markdown':
      return [renderMarkdown(report)];
  }
}

/** The report in `format`, whole. */
export function renderReport(report: AccessReport, format: AccessReportFormat): string {
  return [...reportChunks(report, format)].join('');
}
