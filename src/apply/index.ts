/**
 * The applier: executes exactly a plan against the API client (no YAML, no
 * planning) and reports what happened. Each action runs the executor its
 * kind declares (`src/kinds/`); the schedule and skip-on-failure come from
 * the kinds' dependency graph. It names no kind itself.
 */
export { applyPlan, DEFAULT_CONCURRENCY, DEFAULT_POLL_INTERVAL_MS } from './apply-plan.js';
export {
  APPLY_REPORT_FORMAT_VERSION,
  applySummaryLine,
  describeApplyEvent,
  renderApplyReport,
  summarizeApply,
  type ApplyReportRenderOptions,
  type ApplySummary,
} from './render-report.js';
export {
  applySucceeded,
  type ActionResult,
  type ApplyEvent,
  type ApplyEventType,
  type ApplyOptions,
  type ApplyReport,
  type FailedAction,
  type PendingPerson,
  type SkippedAction,
} from './types.js';
