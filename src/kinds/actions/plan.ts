/**
 * Pipeline actions, identified by name. Launch fields are compared as a
 * pipeline's (only what the file declares); the schedule of a `cron` action
 * and the labels (a set of `name` and `name=value` references, as for a
 * pipeline) are compared too, and all of them update
 * in place. What triggers the action (`source`) cannot change on the
 * platform: a different one replaces the action (deleted, then created with
 * the same name). An action whose compute environment is replaced is
 * re-pointed by that replace. Labels are attached by name: each must be
 * declared under `labels` (created first) or exist on the platform.
 */
import { address } from '../../model/address.js';
import type { ActualAction, DesiredAction } from './model.js';
import type { FieldChange } from '../../model/plan.js';
import { compareText } from '../kit/compare-text.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';
import { changedReason, deps, workspaceCreate, type WorkspaceScope } from '../kit/scope.js';
import { declaredLaunchChanges, launchChanges } from '../pipelines/plan.js';
import { checkLabelRefs, labelDeps } from '../labels/attached.js';
import { labelRefOf, sortedRefs } from '../labels/reference.js';

export function planActions(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'pipelineAction',
    ...sameKeyCollection(s, 'actions'),
    idOf: (action) => action.id,
    planDeclared: (action, live) => {
      planDeclared(s, action, live);
    },
    deleteAction: (action, base) => ({
      ...base,
      kind: 'pipelineAction',
      changes: [
        ...(typeof action.launch['pipeline'] === 'string'
          ? [{ field: 'launch.pipeline', from: action.launch['pipeline'] }]
          : []),
        { field: 'source', from: action.trigger },
      ],
      current: action,
    }),
  });
}

function byField(a: FieldChange, b: FieldChange): number {
  return compareText(a.field, b.field);
}

/** The declared fields as the changes of a create. */
function declaredChanges(action: DesiredAction): FieldChange[] {
  const changes = declaredLaunchChanges(action);
  changes.push({ field: 'source', to: action.trigger });
  if (action.cron !== undefined) {
    changes.push({ field: 'cron.expression', to: action.cron.expression });
    if (action.cron.timezone !== undefined)
      changes.push({ field: 'cron.timezone', to: action.cron.timezone });
  }
  if (action.labels !== undefined && action.labels.length > 0) {
    changes.push({ field: 'labels', to: sortedRefs(action.labels) });
  }
  return changes.sort(byField);
}

/** Schedule differences (declared fields only). */
function cronChanges(action: DesiredAction, live: ActualAction): FieldChange[] {
  if (action.cron === undefined) return [];
  const changes: FieldChange[] = [];
  if (action.cron.expression !== live.cron?.expression) {
    changes.push({ field: 'cron.expression', from: live.cron?.expression, to: action.cron.expression });
  }
  if (action.cron.timezone !== undefined && action.cron.timezone !== live.cron?.timezone) {
    changes.push({ field: 'cron.timezone', from: live.cron?.timezone, to: action.cron.timezone });
  }
  return changes;
}

/** The labels as a set of references (`name`, `name=value`), when the file declares them. */
function labelChanges(action: DesiredAction, live: ActualAction): FieldChange[] {
  if (action.labels === undefined) return [];
  const declared = sortedRefs(action.labels);
  const current = sortedRefs(live.labels.map(labelRefOf));
  if (declared.join('\n') === current.join('\n')) return [];
  return [{ field: 'labels', from: current, to: declared }];
}

function planDeclared(s: WorkspaceScope, action: DesiredAction, live: ActualAction | undefined): void {
  const org = s.org.name;
  const actionAddress = address.action(org, s.ws.name, action.name);
  if (!checkLabelRefs(s, action.labels, `pipeline action ${action.name}`, actionAddress, action.source))
    return;
  const dependsOn = deps(
    action.computeEnvironment === undefined
      ? []
      : s.out.dependencyOn(address.computeEnv(org, s.ws.name, action.computeEnvironment)),
    labelDeps(s, action.labels),
  );
  const base = {
    kind: 'pipelineAction',
    address: actionAddress,
    org,
    workspace: s.ws.name,
    name: action.name,
    desired: action,
  } as const;
  if (live === undefined) {
    s.out.add({
      ...base,
      ...workspaceCreate(s, dependsOn),
      changes: declaredChanges(action),
    });
    return;
  }
  const changes = [
    ...launchChanges(s, action, live.launch),
    ...cronChanges(action, live),
    ...labelChanges(action, live),
  ].sort(byField);
  if (live.trigger !== action.trigger) {
    s.out.add({
      ...base,
      type: 'replace',
      reason: `source cannot change in place: the action is deleted and created again as a ${action.trigger} action`,
      changes: [...changes, { field: 'source', from: live.trigger, to: action.trigger }].sort(byField),
      dependsOn,
      current: live,
    });
    return;
  }
  if (changes.length === 0) return;
  s.out.add({
    ...base,
    type: 'update',
    reason: changedReason(changes.map((c) => c.field)),
    changes,
    dependsOn,
    current: live,
  });
}
