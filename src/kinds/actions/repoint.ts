/**
 * Re-points pipeline actions at a new compute environment (the middle of a
 * compute-environment replace): for each, read it, send an update with its
 * launch and the new `computeEnvId`, its name and schedule, then apply its
 * labels again so that the update cannot leave it without them.
 */
import type { RepointedAction } from '../compute-environments/model.js';
import type { ActionContext } from '../kit/action-context.js';
import { gone } from '../kit/reading.js';
import { ActionFailure } from '../kit/outcome.js';
import { launchRequestOf } from '../pipelines/launch-request.js';
import { actionReads, actionWrites } from './api.js';

/** Re-points every listed action in order; throws on the first failure naming the actions already done. */
export async function repointActions(
  ctx: ActionContext,
  workspaceId: number,
  actions: readonly RepointedAction[],
  computeEnvId: string,
): Promise<void> {
  const done: string[] = [];
  for (const target of actions) {
    try {
      let live;
      try {
        live = await ctx.client.use(actionReads).describeAction(workspaceId, target.actionId);
      } catch (error) {
        if (!gone(error)) throw error;
        ctx.warn(`pipeline action ${target.name} was not re-pointed: it is no longer in the workspace`);
        continue;
      }
      const launch = launchRequestOf(live.launch ?? {}, computeEnvId);
      await ctx.client.use(actionWrites).updateAction(workspaceId, target.actionId, {
        name: live.name,
        launch,
        ...(live.cron === undefined ? {} : { cron: live.cron }),
      });
      const labelIds = (live.labels ?? []).map((label) => label.id);
      if (labelIds.length > 0)
        await ctx.client.use(actionWrites).applyActionLabels(workspaceId, [target.actionId], labelIds);
      done.push(target.name);
    } catch (error) {
      const already = done.length === 0 ? '' : ` (already re-pointed: ${done.join(', ')})`;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ActionFailure(`re-pointing pipeline action ${target.name} failed: ${reason}${already}`);
    }
  }
}
