/**
 * Pipeline actions: create (the launch as a pipeline's, with the resolved
 * compute environment's id; then the declared labels, which a create cannot
 * carry), update (name, launch and schedule in one PUT; the labels are then
 * applied again, declared or the current ones, since an action's labels are
 * set as a whole set apart from the update), replace (the source cannot
 * change: delete, then create) and delete. A `github` action's hook URL is
 * reported after it is created or changed.
 */
import type { ActualAction, AttachedLabel, DesiredAction, PipelineActionAction } from './model.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { launchOf } from '../pipelines/apply.js';
import { labelIdsFor } from '../labels/attached.js';
import {
  actionReads,
  type CronActionConfig,
  actionWrites,
  type CreateActionRequest,
  type UpdateActionRequest,
} from './api.js';

function cronOf(desired: DesiredAction): CronActionConfig | undefined {
  if (desired.cron === undefined) return undefined;
  return {
    expression: desired.cron.expression,
    ...(desired.cron.timezone === undefined ? {} : { timezone: desired.cron.timezone }),
  };
}

function updateBody(
  action: PipelineActionAction,
  desired: DesiredAction,
  ctx: ActionContext,
): UpdateActionRequest {
  const cron = cronOf(desired);
  return {
    name: desired.name,
    launch: launchOf(action, desired, ctx),
    ...(cron === undefined ? {} : { cron }),
  };
}

function currentLabelIds(labels: readonly AttachedLabel[]): number[] {
  return labels.map((label) => label.id);
}

async function hookNote(
  ctx: ActionContext,
  workspaceId: number,
  actionId: string,
  known?: ActualAction,
): Promise<string | undefined> {
  const hookUrl =
    known?.hookUrl ?? (await ctx.client.use(actionReads).describeAction(workspaceId, actionId)).hookUrl;
  return hookUrl === undefined || hookUrl === '' ? undefined : `GitHub hook: ${hookUrl}`;
}

async function createAction(action: PipelineActionAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const labelIds = labelIdsFor(ctx, action, desired.labels ?? []);
  const body = updateBody(action, desired, ctx);
  const request: CreateActionRequest = { ...body, source: desired.trigger };
  const created = await createOrAdopt(
    () => ctx.client.use(actionWrites).createAction(workspaceId, request),
    async () =>
      (await ctx.client.use(actionReads).listActions(workspaceId)).find((a) => a.name === desired.name)?.id,
  );
  const actionId = created.value;
  ctx.ids.record(action.address, actionId);
  const notes: string[] = [];
  if (created.adoptedNote !== undefined) {
    notes.push(created.adoptedNote);
    // What was adopted may predate this run: give it the declared launch and schedule.
    await ctx.client.use(actionWrites).updateAction(workspaceId, actionId, body);
  }
  if (labelIds.length > 0 || created.adoptedNote !== undefined) {
    await ctx.client.use(actionWrites).applyActionLabels(workspaceId, [actionId], labelIds);
  }
  if (desired.trigger === 'github') {
    const note = await hookNote(ctx, workspaceId, actionId);
    if (note !== undefined) notes.push(note);
  }
  return applied(...notes);
}

async function updateAction(action: PipelineActionAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const current = requireCurrent(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const labelIds =
    desired.labels === undefined ? currentLabelIds(current.labels) : labelIdsFor(ctx, action, desired.labels);
  const labelsChanged = action.changes.some((change) => change.field === 'labels');
  const othersChanged = action.changes.some((change) => change.field !== 'labels');
  if (othersChanged)
    await ctx.client
      .use(actionWrites)
      .updateAction(workspaceId, current.id, updateBody(action, desired, ctx));
  // The labels are a set of their own: applied when they change, and again after an
  // update so that the update cannot leave the action without them.
  if (labelsChanged || (othersChanged && labelIds.length > 0)) {
    await ctx.client.use(actionWrites).applyActionLabels(workspaceId, [current.id], labelIds);
  }
  const note =
    desired.trigger === 'github' ? await hookNote(ctx, workspaceId, current.id, current) : undefined;
  return note === undefined ? applied() : applied(note);
}

async function replaceAction(action: PipelineActionAction, ctx: ActionContext): Promise<Outcome> {
  const current = requireCurrent(action);
  const workspaceId = workspaceIdOf(ctx, action);
  // Names are unique in a workspace: the old action goes first.
  await deleteTolerantOfGone(() => ctx.client.use(actionWrites).deleteAction(workspaceId, current.id));
  return createAction(action, ctx);
}

export async function executeAction(action: PipelineActionAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create':
      return createAction(action, ctx);
    case 'update':
      return updateAction(action, ctx);
    case 'replace':
      return replaceAction(action, ctx);
    case 'delete': {
      const current = requireCurrent(action);
      const workspaceId = workspaceIdOf(ctx, action);
      return deleteTolerantOfGone(() => ctx.client.use(actionWrites).deleteAction(workspaceId, current.id));
    }
  }
}
