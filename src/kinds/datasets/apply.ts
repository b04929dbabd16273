/**
 * Datasets: create then upload (two steps, so a failed upload leaves the
 * dataset and the next run uploads a new version into it, never a second
 * dataset; a create that meets its own earlier create — 409, or a lost
 * answer — adopts the dataset by name), update of the description, a new
 * version, the labels (the whole set, by id), and delete (with all
 * versions). The file is read at apply time and must still be the one
 * planned (same digest): what was reviewed is what is uploaded.
 */
import { readFile } from 'node:fs/promises';
import { address } from '../../model/address.js';
import type { DatasetAction, DesiredDataset } from './model.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { contentProblem, mediaTypeOf, sha256Of } from './dataset-file.js';
import { datasetReads, type DatasetDto, datasetWrites } from './api.js';

async function plannedBytes(dataset: DesiredDataset): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(dataset.path);
  } catch {
    throw new ActionFailure(`the file ${dataset.file} of dataset ${dataset.name} cannot be read any more`);
  }
  if (
    bytes.length !== dataset.size ||
    sha256Of(bytes) !== dataset.sha256 ||
    contentProblem(bytes) !== undefined
  ) {
    throw new ActionFailure(
      `the file ${dataset.file} of dataset ${dataset.name} changed since the plan: plan again to upload it`,
    );
  }
  return bytes;
}

async function upload(
  ctx: ActionContext,
  workspaceId: number,
  id: string,
  dataset: DesiredDataset,
): Promise<void> {
  const bytes = await plannedBytes(dataset);
  await ctx.client
    .use(datasetWrites)
    .uploadDatasetVersion(
      workspaceId,
      id,
      { name: dataset.file, content: bytes, mediaType: mediaTypeOf(dataset.file) },
      dataset.header,
    );
}

function labelIds(ctx: ActionContext, action: DatasetAction, labels: readonly string[]): number[] {
  return labels.map((name) => {
    const id = ctx.ids.find(address.label(action.org, action.workspace ?? '', name));
    if (typeof id !== 'number') {
      throw new ActionFailure(`label ${name} does not exist in the workspace: declare it under labels`);
    }
    return id;
  });
}

/** Name and description ('' clears one the file no longer declares). */
function describe(dataset: DesiredDataset): { name: string; description: string } {
  return { name: dataset.name, description: dataset.description ?? '' };
}

export async function executeDataset(action: DatasetAction, ctx: ActionContext): Promise<Outcome> {
  const workspaceId = workspaceIdOf(ctx, action);
  switch (action.type) {
    case 'create': {
      const dataset = requireDesired(action);
      // Resolved before anything is written: an unknown label fails the action cleanly.
      const labels = dataset.labels === undefined ? [] : labelIds(ctx, action, dataset.labels);
      await plannedBytes(dataset);
      const created = await createOrAdopt<DatasetDto>(
        () => ctx.client.use(datasetWrites).createDataset(workspaceId, describe(dataset)),
        async () =>
          (await ctx.client.use(datasetReads).listDatasets(workspaceId)).find((d) => d.name === dataset.name),
      );
      ctx.ids.record(action.address, created.value.id);
      const notes = created.adoptedNote === undefined ? [] : [created.adoptedNote];
      if (
        created.adoptedNote !== undefined &&
        (created.value.description ?? '') !== (dataset.description ?? '')
      ) {
        await ctx.client.use(datasetWrites).updateDataset(workspaceId, created.value.id, describe(dataset));
      }
      await upload(ctx, workspaceId, created.value.id, dataset);
      if (labels.length > 0)
        await ctx.client.use(datasetWrites).applyDatasetLabels(workspaceId, created.value.id, labels);
      return applied(...notes);
    }
    case 'update':
    case 'replace': {
      const dataset = requireDesired(action);
      const current = requireCurrent(action);
      const fields = new Set(action.changes.map((c) => c.field));
      const labels = fields.has('labels') ? labelIds(ctx, action, dataset.labels ?? []) : undefined;
      if (fields.has('description'))
        await ctx.client.use(datasetWrites).updateDataset(workspaceId, current.id, describe(dataset));
      if (action.uploads === true) await upload(ctx, workspaceId, current.id, dataset);
      if (labels !== undefined)
        await ctx.client.use(datasetWrites).applyDatasetLabels(workspaceId, current.id, labels);
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() => ctx.client.use(datasetWrites).deleteDataset(workspaceId, current.id));
    }
  }
}
