/**
 * Labels carried by a compute environment or a pipeline, for their
 * planners and appliers: the live set as the file would write it, the
 * check that each declared reference names a label (declared under the
 * workspace's `labels:`, whose rules the loader checked, else one on the
 * platform), what the action waits for, and the ids sent to the platform.
 */
import type { ActualLabel } from './model.js';
import { address } from '../../model/address.js';
import type { SourceRef } from '../../model/diagnostics.js';
import type { PlanAction } from '../../model/plan.js';
import { workspaceNameOf, type ActionContext } from '../kit/action-context.js';
import { sourceOf, type WorkspaceScope } from '../kit/scope.js';
import { labelRefName, labelRefOf, parseLabelRef, refMismatch, sortedRefs } from './reference.js';

/**
 * The live labels as references, sorted; a label id missing from the
 * workspace's list (removed since) is shown as `#<id>`. Undefined when the
 * workspace's labels were not read.
 */
export function liveLabelRefs(s: WorkspaceScope, labelIds: readonly number[]): readonly string[] | undefined {
  const labels = s.actualWs?.labels;
  if (labels === undefined) return undefined;
  const byId = new Map<number, ActualLabel>(labels.map((label) => [label.id, label]));
  return sortedRefs(
    labelIds.map((id) => {
      const label = byId.get(id);
      return label === undefined ? `#${String(id)}` : labelRefOf(label);
    }),
  );
}

/**
 * Blocks the plan for each reference that names no label: not declared
 * under the workspace's `labels:` (when it is, the loader has checked the
 * references) and not on the platform, or one on the platform that the
 * reference cannot name (simple versus resource, another value; any
 * resource label when `simpleOnly` names the carrier, e.g. `a dataset`:
 * datasets and pipeline actions carry simple labels). True when every
 * reference names a label.
 */
export function checkLabelRefs(
  s: WorkspaceScope,
  refs: readonly string[] | undefined,
  what: string,
  resourceAddress: string,
  source: SourceRef,
  simpleOnly?: string,
): boolean {
  if (refs === undefined || s.ws.labels !== undefined) return true;
  const live = s.actualWs?.labels ?? [];
  let known = true;
  for (const ref of refs) {
    const name = labelRefName(ref);
    const label = live.find((candidate) => candidate.name === name);
    const problem =
      label === undefined
        ? `no label ${name} exists in workspace ${s.ws.name} on the platform (declare it under labels:, or create it)`
        : simpleOnly !== undefined && label.resource
          ? `it is a resource label, and ${simpleOnly} carries simple labels`
          : refMismatch(ref, label);
    if (problem === undefined) continue;
    known = false;
    s.out.block({
      rule: 'unknownLabel',
      message: `${sourceOf(source)}: ${what} names label ${ref}, but ${problem}`,
      addresses: [resourceAddress],
    });
  }
  return known;
}

/** The label creates and updates of this plan that an action carrying `refs` waits for. */
export function labelDeps(s: WorkspaceScope, refs: readonly string[] | undefined): string[] {
  return (refs ?? []).flatMap((ref) =>
    s.out.dependencyOn(address.label(s.org.name, s.ws.name, labelRefName(ref)), ['create', 'update']),
  );
}

/** The ids of the labels `refs` name: created by this run, or live when the plan was made. */
export function labelIdsFor(ctx: ActionContext, action: PlanAction, refs: readonly string[]): number[] {
  const ws = workspaceNameOf(action);
  return [
    ...new Set(refs.map((ref) => ctx.ids.numeric(address.label(action.org, ws, parseLabelRef(ref).name)))),
  ];
}
