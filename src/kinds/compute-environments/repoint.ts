/**
 * Re-points pipelines at a new compute environment (the middle of a CE
 * replace): for each, read its launch, send an update with the new
 * `computeEnvId`, its current name, description and `labelIds`, and name and
 * promote the draft version the update creates, so the Launchpad uses it.
 */
import { launchDigest } from '../pipelines/launch-fields.js';
import type { RepointedPipeline } from './model.js';
import type { ActionContext } from '../kit/action-context.js';
import { labelIdsOf } from '../pipelines/apply.js';
import { launchRequestOf } from '../pipelines/launch-request.js';
import { ActionFailure } from '../kit/outcome.js';
import { promoteDraftVersion } from '../pipelines/versions.js';
import { pipelineReads, pipelineWrites } from '../pipelines/api.js';

/** Re-points every listed pipeline in order; throws on the first failure naming the pipelines already done. */
export async function repointPipelines(
  ctx: ActionContext,
  workspaceId: number,
  pipelines: readonly RepointedPipeline[],
  computeEnvId: string,
): Promise<void> {
  if (pipelines.length === 0) return;
  const live = await ctx.client.use(pipelineReads).listPipelines(workspaceId);
  const done: string[] = [];
  for (const target of pipelines) {
    try {
      const pipeline = live.find((p) => p.pipelineId === target.pipelineId);
      if (pipeline === undefined) {
        ctx.warn(`pipeline ${target.name} was not re-pointed: it is no longer in the workspace`);
        continue;
      }
      const launch = launchRequestOf(
        await ctx.client.use(pipelineReads).describePipelineLaunch(workspaceId, target.pipelineId),
        computeEnvId,
      );
      const response = await ctx.client.use(pipelineWrites).updatePipeline(workspaceId, target.pipelineId, {
        name: pipeline.name,
        description: pipeline.description ?? '',
        labelIds: labelIdsOf(pipeline),
        launch,
      });
      await promoteDraftVersion(ctx, {
        workspaceId,
        pipelineId: target.pipelineId,
        previousVersionId: pipeline.version?.id,
        response,
        versionName: launchDigest(launch),
      });
      done.push(target.name);
    } catch (error) {
      const already = done.length === 0 ? '' : ` (already re-pointed: ${done.join(', ')})`;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ActionFailure(`re-pointing pipeline ${target.name} failed: ${reason}${already}`);
    }
  }
}
