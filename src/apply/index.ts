/**
 * The applier: executes exactly a plan against the API client (no YAML, no
 * planning) and reports what happened. Imports `api`, `model`, the pure
 * `plan` helpers it shares with the planner (launch fields) and `secrets`;
 * nothing from `cli`, `config` or `render`.
 */
export { applyPlan, DEFAULT_CONCURRENCY, DEFAULT_POLL_INTERVAL_MS } from './apply-plan.js';
export { isUnregisteredUserError } from '../kinds/kit/pending.js';
export {
  APPLY_REPORT_FORMAT_VERSION,
  applySummaryLine,
  describeApplyEvent,
  renderApplyReport,
  summarizeApply,
  type ApplyReportRenderOptions,
  type ApplySummary,
} from './render-report.js';
export { temporaryComputeEnvName } from '../kinds/compute-environments/apply-replace.js';
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
