/**
 * The `PlanActions` registry's guard (`CheckedActions` in src/model/plan.ts),
 * held by the typecheck (`npm test` runs it; this file has no runtime part):
 * an action filed under a key other than its own `kind`, or under a name that
 * is not a resource kind, does not compile. Each `@ts-expect-error` line fails
 * the typecheck if the guard ever lets it through.
 */
import type { LabelAction } from '../../../src/kinds/labels/model.js';
import type { CheckedActions } from '../../../src/model/plan.js';

// @ts-expect-error a label action filed under another kind's key
export type FiledUnderAnotherKind = CheckedActions<{ readonly pipeline: LabelAction }>;
// @ts-expect-error a key that is not a resource kind
export type FiledUnderNoKind = CheckedActions<{ readonly labels: LabelAction }>;
export type FiledUnderItsKind = CheckedActions<{ readonly label: LabelAction }>;
