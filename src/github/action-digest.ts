/**
 * The digest of a plan's actions, carried by a hidden line of the PR plan
 * comment, so that the plan made after merge can be compared with the one
 * that was reviewed. It covers what an approver approves — each action's
 * address, type and field changes (a sensitive change by its field only) —
 * and nothing about rendering, ordering, ids or the files' line numbers.
 */
import { createHash } from 'node:crypto';
import type { FieldChange, PlanAction } from '../model/plan.js';
import { canonicalJson } from '../render/canonical-json.js';

/** `sha256:<64 hex>` of the plan's actions (see the module comment). Stable for the same actions. */
export function actionDigest(plan: { readonly actions: readonly PlanAction[] }): string {
  const actions = plan.actions
    .map((action) => ({
      address: action.address,
      type: action.type,
      changes: [...action.changes]
        .map((change: FieldChange) =>
          change.sensitive === true
            ? { field: change.field, sensitive: true }
            : { field: change.field, from: change.from, to: change.to },
        )
        .sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
    }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return `sha256:${createHash('sha256').update(canonicalJson(actions)).digest('hex')}`;
}

const DIGEST_LINE = /<!-- seqera-sync:plan-actions (sha256:[0-9a-f]{64}) -->/;

/** The hidden line, right after the plan comment's marker, that carries the digest. */
export function actionDigestLine(digest: string): string {
  return `<!-- seqera-sync:plan-actions ${digest} -->`;
}

/** The digest a plan comment carries, if any. */
export function readActionDigest(body: string): string | undefined {
  return DIGEST_LINE.exec(body)?.[1];
}
