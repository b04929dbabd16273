/**
 * Steps shared by the compute-environment create, replace and delete:
 * request bodies, create-or-adopt, best-effort cleanup, delete-and-wait.
 */
import type { ComputeEnvComputeConfig, ListComputeEnvsEntry } from './api.js';
import { ApiError } from '../../api/errors.js';
import { address } from '../../model/address.js';
import type { ComputeEnvAction, DesiredComputeEnv } from './model.js';
import { createOrAdopt } from '../kit/adopt.js';
import { waitUntilGone } from './wait.js';
import { workspaceNameOf, type ActionContext } from '../kit/action-context.js';
import { ActionFailure } from '../kit/outcome.js';
import { computeEnvReads, computeEnvWrites } from './api.js';

/** Statuses of a CE this run may adopt after an ambiguous create: it is (becoming) usable. */
export const ADOPTABLE_STATUSES = new Set(['CREATING', 'AVAILABLE']);

export function credentialsIdOf(
  action: ComputeEnvAction,
  desired: DesiredComputeEnv,
  ctx: ActionContext,
): string | undefined {
  if (desired.credentials === undefined) return undefined;
  return ctx.ids.text(address.credential(action.org, workspaceNameOf(action), desired.credentials));
}

export function computeEnvBody(
  desired: DesiredComputeEnv,
  name: string,
  credentialsId: string | undefined,
): ComputeEnvComputeConfig {
  return {
    name,
    platform: desired.platform,
    config: { ...desired.config, discriminator: desired.platform },
    ...(credentialsId === undefined ? {} : { credentialsId }),
    ...(desired.description === undefined ? {} : { description: desired.description }),
  };
}

/** Create, adopting a same-named CE that is CREATING/AVAILABLE after a 409 or a lost response. */
export async function createComputeEnvOrAdopt(
  ctx: ActionContext,
  workspaceId: number,
  body: ComputeEnvComputeConfig,
  labelIds?: readonly number[],
): Promise<{ readonly id: string; readonly adoptedNote?: string }> {
  let unusable: ListComputeEnvsEntry | undefined;
  try {
    const created = await createOrAdopt(
      () =>
        ctx.client
          .use(computeEnvWrites)
          .createComputeEnv(workspaceId, body, labelIds === undefined ? undefined : [...labelIds]),
      async () => {
        const found = (await ctx.client.use(computeEnvReads).listComputeEnvs(workspaceId)).find(
          (ce) => ce.name === body.name,
        );
        if (found !== undefined && !ADOPTABLE_STATUSES.has(found.status)) unusable = found;
        return found === undefined || unusable !== undefined ? undefined : found.id;
      },
    );
    return created.adoptedNote === undefined
      ? { id: created.value }
      : { id: created.value, adoptedNote: created.adoptedNote };
  } catch (error) {
    if (unusable !== undefined) {
      throw new ActionFailure(
        `a compute environment named ${body.name} already exists in status ${unusable.status}; it was left alone (delete it, or wait for its deletion, and re-run)`,
      );
    }
    throw error;
  }
}

/** Best-effort delete (and wait) of a CE this run created; returns a sentence for the failure message. */
export async function removeQuietly(
  ctx: ActionContext,
  workspaceId: number,
  id: string,
  name: string,
): Promise<string> {
  try {
    await deleteComputeEnvAndWait(ctx, workspaceId, id, name);
    return `; the failed compute environment ${name} was deleted`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `; deleting the failed compute environment ${name} also failed (${reason}): delete it by hand`;
  }
}

/** Deletes a CE and waits until it is gone; 409 = jobs running; 404 = already gone. */
export async function deleteComputeEnvAndWait(
  ctx: ActionContext,
  workspaceId: number,
  id: string,
  name: string,
): Promise<void> {
  try {
    await ctx.client.use(computeEnvWrites).deleteComputeEnv(workspaceId, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return;
    if (error instanceof ApiError && error.status === 409) {
      const detail = error.platformMessage === undefined ? '' : `: ${error.platformMessage}`;
      throw new ActionFailure(
        `the platform refused to delete compute environment ${name} because jobs are running on it (409${detail})`,
      );
    }
    throw error;
  }
  const gone = await waitUntilGone(ctx, workspaceId, id, name);
  if (gone.result === 'timeout') {
    throw new ActionFailure(
      `compute environment ${name} was still ${gone.status} after ${Math.round(ctx.wait.timeoutMs / 1000)}s (--wait-timeout)`,
    );
  }
}
