export { buildReport } from './build-report.js';
export { declaredAccess, NOTHING_DECLARED } from './declared-access.js';
export { diffRows, withChanges } from './diff-reports.js';
export * from './model.js';
export { accessReportErrors, parsePreviousReport } from './previous-report.js';
export { readAccess } from './read-access.js';
export {
  ACCESS_REPORT_FORMATS,
  formatOfFileName,
  renderReport,
  reportChunks,
  type AccessReportFormat,
} from './render-report.js';
export { runAccessReport, type AccessReportRequest } from './run-access-report.js';
