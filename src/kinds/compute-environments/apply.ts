/**
 * Compute environments: create (`config.discriminator` = platform, the
 * credentials id and the declared labels' ids resolved by address) then wait until AVAILABLE, then make
 * it the workspace's primary when the file says `primary: true`; update of
 * description and credentials in place; delete then wait until gone (a 409
 * means jobs are running). Replace lives in compute-env-replace.ts.
 */
import type { ComputeEnvAction } from './model.js';
import { describeCreationWait, waitUntilAvailable } from './wait.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { optionalField } from '../kit/fields.js';
import { ActionFailure, SkipAction, applied, type Outcome } from '../kit/outcome.js';
import { labelIdsFor } from '../labels/attached.js';
import { replaceComputeEnv } from './apply-replace.js';
import {
  computeEnvBody,
  createComputeEnvOrAdopt,
  credentialsIdOf,
  deleteComputeEnvAndWait,
  removeQuietly,
} from './apply-steps.js';
import { computeEnvWrites } from './api.js';

async function createComputeEnv(action: ComputeEnvAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const body = computeEnvBody(desired, desired.name, credentialsIdOf(action, desired, ctx));
  const labelIds = desired.labels === undefined ? undefined : labelIdsFor(ctx, action, desired.labels);
  const created = await createComputeEnvOrAdopt(ctx, workspaceId, body, labelIds);
  const wait = await waitUntilAvailable(ctx, workspaceId, created.id, desired.name);
  if (wait.result !== 'available') {
    let explanation = describeCreationWait(desired.name, wait, ctx.wait.timeoutMs);
    if (wait.result === 'errored') {
      // Leave no broken CE under the declared name: the next plan creates it again.
      explanation += await removeQuietly(ctx, workspaceId, created.id, desired.name);
    }
    throw new ActionFailure(explanation);
  }
  ctx.ids.record(action.address, created.id);
  // The platform accepts the primary flag only on an existing CE: set it once the CE is AVAILABLE.
  if (desired.primary) await ctx.client.use(computeEnvWrites).makePrimaryComputeEnv(workspaceId, created.id);
  return created.adoptedNote === undefined ? applied() : applied(created.adoptedNote);
}

export async function executeComputeEnv(action: ComputeEnvAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create':
      return createComputeEnv(action, ctx);
    case 'replace':
      return replaceComputeEnv(action, ctx);
    case 'update': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      const credentialsId = credentialsIdOf(action, desired, ctx) ?? current.credentialsId;
      await ctx.client.use(computeEnvWrites).updateComputeEnv(workspaceIdOf(ctx, action), current.id, {
        description: optionalField(action, 'description', desired.description, current.description),
        ...(credentialsId === undefined ? {} : { credentialsId }),
      });
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      const adoptedBy = [...ctx.ids.createdIds()].find(([, id]) => id === current.id)?.[0];
      if (adoptedBy !== undefined) {
        throw new SkipAction(`this run made compute environment ${current.name} into ${adoptedBy}`);
      }
      await deleteComputeEnvAndWait(ctx, workspaceIdOf(ctx, action), current.id, current.name);
      return applied();
    }
  }
}
