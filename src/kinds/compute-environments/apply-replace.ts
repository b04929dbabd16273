/**
 * Compute-environment replace, create-before-destroy:
 *   1. create the new CE under a temporary name, with the declared labels
 *      (the old CE's when the file does not declare them);
 *   2. wait until AVAILABLE (ERRORED/INVALID/timeout: delete the new one,
 *      keep the old one, fail);
 *   3. re-point the listed pipelines and pipeline actions at it;
 *   4. move primary when the old one was primary;
 *   5. delete the old CE and wait until it is gone;
 *   6. rename the new CE to the declared name.
 * A failure at any step leaves a working CE in place, and the message says
 * which one and under what name. The temporary name carries a digest of the
 * new platform/config (and declared labels), so a rerun adopts the CE an
 * interrupted run created.
 */
import { createHash } from 'node:crypto';
import type { ComputeEnvAction, DesiredComputeEnv } from './model.js';
import { stableStringify } from '../kit/stable-json.js';
import { describeCreationWait, waitUntilAvailable } from './wait.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { labelIdsFor } from '../labels/attached.js';
import { sortedRefs } from '../labels/reference.js';
import { repointPipelines } from './repoint.js';
import { repointActions } from '../actions/repoint.js';
import {
  computeEnvBody,
  createComputeEnvOrAdopt,
  credentialsIdOf,
  deleteComputeEnvAndWait,
  removeQuietly,
} from './apply-steps.js';
import { computeEnvWrites } from './api.js';

const NAME_MAX = 100;

/** `<name>-next-<8 hex>`, at most 100 characters, only the characters a CE name allows. */
export function temporaryComputeEnvName(
  desired: Pick<DesiredComputeEnv, 'name' | 'platform' | 'config' | 'labels'>,
): string {
  const digested = {
    platform: desired.platform,
    config: desired.config,
    ...(desired.labels === undefined ? {} : { labels: sortedRefs(desired.labels) }),
  };
  const digest = createHash('sha256').update(stableStringify(digested)).digest('hex').slice(0, 8);
  const suffix = `-next-${digest}`;
  const base = desired.name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, NAME_MAX - suffix.length);
  return `${base}${suffix}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function replaceComputeEnv(action: ComputeEnvAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const current = requireCurrent(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const temporary = temporaryComputeEnvName(desired);
  const notes: string[] = [];

  const body = computeEnvBody(desired, temporary, credentialsIdOf(action, desired, ctx));
  const labelIds = desired.labels === undefined ? current.labelIds : labelIdsFor(ctx, action, desired.labels);
  const created = await createComputeEnvOrAdopt(ctx, workspaceId, body, labelIds);
  if (created.adoptedNote !== undefined) notes.push(`${temporary}: ${created.adoptedNote}`);

  const wait = await waitUntilAvailable(ctx, workspaceId, created.id, temporary);
  if (wait.result !== 'available') {
    const cleanup = await removeQuietly(ctx, workspaceId, created.id, temporary);
    throw new ActionFailure(
      `${describeCreationWait(temporary, wait, ctx.wait.timeoutMs)}${cleanup}; the old compute environment ${current.name} is untouched`,
    );
  }
  ctx.ids.record(action.address, created.id);

  const bothKept = `both compute environments are in place (the old ${current.name} and the new ${temporary}); re-run apply to finish the replacement`;
  try {
    await repointPipelines(ctx, workspaceId, action.repoint ?? [], created.id);
    await repointActions(ctx, workspaceId, action.repointActions ?? [], created.id);
    if (action.movesPrimary === true)
      await ctx.client.use(computeEnvWrites).makePrimaryComputeEnv(workspaceId, created.id);
  } catch (error) {
    throw new ActionFailure(`${reason(error)}; ${bothKept}`);
  }

  try {
    await deleteComputeEnvAndWait(ctx, workspaceId, current.id, current.name);
  } catch (error) {
    throw new ActionFailure(
      `${reason(error)}; the new compute environment works under the temporary name ${temporary} and the pipelines use it; re-run apply to finish the replacement`,
    );
  }

  try {
    await ctx.client.use(computeEnvWrites).updateComputeEnv(workspaceId, created.id, { name: desired.name });
  } catch (error) {
    throw new ActionFailure(
      `renaming ${temporary} to ${desired.name} failed (${reason(error)}); the new compute environment works under the temporary name ${temporary} and the old one is deleted`,
    );
  }
  return applied(...notes);
}
