/**
 * Pipelines: create (launch from the planner's `launchFieldsOf` plus the
 * resolved CE id, and the declared labels; the first version is named after
 * the launch digest); an update of the labels alone replaces the set through
 * the labels endpoint; any other update sends name, description, the
 * declared labels or else the CURRENT `labelIds` (an empty or omitted set
 * would clear them on the platform) and the launch, then names and promotes
 * the draft version when launch fields changed; delete.
 */
import type { PipelineDbDto, WorkflowLaunchRequest } from './api.js';
import { address } from '../../model/address.js';
import type { DesiredPipeline, LaunchDeclaration, PipelineAction } from './model.js';
import type { PlanAction } from '../../model/plan.js';
import { launchDigest, launchFieldsOf } from './launch-fields.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import {
  requireCurrent,
  requireDesired,
  workspaceIdOf,
  workspaceNameOf,
  type ActionContext,
} from '../kit/action-context.js';
import { optionalField } from '../kit/fields.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { labelIdsFor } from '../labels/attached.js';
import { promoteDraftVersion } from './versions.js';
import { pipelineReads, pipelineWrites } from './api.js';

/** Fields an update changes without creating a version. */
const UNVERSIONED_FIELDS = new Set(['name', 'description', 'labelIds', 'labels', 'icon']);

/** The launch an action of the plan sends: the declared fields and the id of the named compute environment. */
export function launchOf(
  action: PlanAction,
  desired: LaunchDeclaration,
  ctx: ActionContext,
): WorkflowLaunchRequest {
  const launch: WorkflowLaunchRequest = { ...launchFieldsOf(desired) };
  if (desired.computeEnvironment !== undefined) {
    launch.computeEnvId = ctx.ids.text(
      address.computeEnv(action.org, workspaceNameOf(action), desired.computeEnvironment),
    );
  }
  return launch;
}

export function labelIdsOf(pipeline: PipelineDbDto): number[] {
  return (pipeline.labels ?? []).map((label) => label.id);
}

/** The declared labels' ids; undefined when the file does not declare them (the current ones are kept). */
function declaredLabelIds(
  action: PipelineAction,
  desired: DesiredPipeline,
  ctx: ActionContext,
): number[] | undefined {
  return desired.labels === undefined ? undefined : labelIdsFor(ctx, action, desired.labels);
}

async function createPipeline(action: PipelineAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const launch = launchOf(action, desired, ctx);
  const versionName = launchDigest(launch);
  const labelIds = declaredLabelIds(action, desired, ctx);
  const created = await createOrAdopt(
    () =>
      ctx.client.use(pipelineWrites).createPipeline(workspaceId, {
        name: desired.name,
        ...(desired.description === undefined ? {} : { description: desired.description }),
        ...(labelIds === undefined ? {} : { labelIds }),
        launch,
        version: { name: versionName },
      }),
    async () =>
      (await ctx.client.use(pipelineReads).listPipelines(workspaceId)).find((p) => p.name === desired.name),
  );
  const pipeline = created.value;
  ctx.ids.record(action.address, pipeline.pipelineId);
  if (created.adoptedNote === undefined) return applied();
  if (pipeline.version?.name === versionName) return applied(created.adoptedNote);
  // Adopted something that is not exactly what this run sent: reconcile it.
  const response = await ctx.client.use(pipelineWrites).updatePipeline(workspaceId, pipeline.pipelineId, {
    name: desired.name,
    description: desired.description ?? pipeline.description ?? '',
    labelIds: labelIds ?? labelIdsOf(pipeline),
    launch,
  });
  const note = await promoteDraftVersion(ctx, {
    workspaceId,
    pipelineId: pipeline.pipelineId,
    previousVersionId: pipeline.version?.id,
    response,
    versionName,
  });
  return applied(created.adoptedNote, ...(note === undefined ? [] : [note]));
}

async function updatePipeline(action: PipelineAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const current = requireCurrent(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const labelIds = declaredLabelIds(action, desired, ctx);
  if (
    labelIds !== undefined &&
    action.changes.length > 0 &&
    action.changes.every((change) => change.field === 'labels')
  ) {
    await ctx.client.use(pipelineWrites).applyPipelineLabels(workspaceId, [current.pipelineId], labelIds);
    return applied();
  }
  const launch = launchOf(action, desired, ctx);
  const response = await ctx.client.use(pipelineWrites).updatePipeline(workspaceId, current.pipelineId, {
    name: desired.name,
    description: optionalField(action, 'description', desired.description, current.description),
    labelIds: labelIds ?? [...current.labelIds],
    launch,
  });
  const launchChanged = action.changes.some((change) => !UNVERSIONED_FIELDS.has(change.field));
  if (!launchChanged) return applied();
  const note = await promoteDraftVersion(ctx, {
    workspaceId,
    pipelineId: current.pipelineId,
    previousVersionId: current.versionId,
    response,
    versionName: launchDigest(launch),
  });
  return note === undefined ? applied() : applied(note);
}

export async function executePipeline(action: PipelineAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create':
      return createPipeline(action, ctx);
    case 'update':
    case 'replace':
      return updatePipeline(action, ctx);
    case 'delete': {
      const current = requireCurrent(action);
      const workspaceId = workspaceIdOf(ctx, action);
      return deleteTolerantOfGone(() =>
        ctx.client.use(pipelineWrites).deletePipeline(workspaceId, current.pipelineId),
      );
    }
  }
}
