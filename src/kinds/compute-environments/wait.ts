/**
 * Waits for a compute environment's asynchronous creation or deletion
 * to finish: polls the workspace's compute-environment list every
 * `pollIntervalMs`, bounded by `timeoutMs`, reporting the status as progress.
 * The list is one unpaged request and also shows a deleted CE as gone.
 */
import type { ListComputeEnvsEntry } from './api.js';
import type { ActionContext } from '../kit/action-context.js';
import { computeEnvReads } from './api.js';

export type CreationWait =
  | { readonly result: 'available'; readonly entry: ListComputeEnvsEntry }
  | { readonly result: 'errored'; readonly status: string; readonly message?: string }
  | { readonly result: 'timeout'; readonly status: string }
  | { readonly result: 'gone' };

export type DeletionWait =
  { readonly result: 'gone' } | { readonly result: 'timeout'; readonly status: string };

const FAILED_STATUSES = new Set(['ERRORED', 'INVALID']);

async function poll<T>(
  ctx: ActionContext,
  label: string,
  check: () => Promise<{ readonly done: T } | { readonly status: string }>,
  onTimeout: (status: string) => T,
): Promise<T> {
  const { timeoutMs, pollIntervalMs, sleep, now } = ctx.wait;
  const started = now();
  for (;;) {
    const state = await check();
    if ('done' in state) return state.done;
    const elapsed = now() - started;
    if (elapsed >= timeoutMs) return onTimeout(state.status);
    ctx.progress(`${label}: ${state.status} after ${Math.round(elapsed / 1000)}s`);
    await sleep(Math.min(pollIntervalMs, Math.max(1, timeoutMs - elapsed)));
  }
}

/** Until the CE is AVAILABLE; ERRORED/INVALID, a timeout or its disappearance end the wait too. */
export function waitUntilAvailable(
  ctx: ActionContext,
  workspaceId: number,
  computeEnvId: string,
  name: string,
): Promise<CreationWait> {
  return poll<CreationWait>(
    ctx,
    `waiting for compute environment ${name}`,
    async () => {
      const entry = (await ctx.client.use(computeEnvReads).listComputeEnvs(workspaceId)).find(
        (ce) => ce.id === computeEnvId,
      );
      if (entry === undefined || entry.status === 'DELETED') return { done: { result: 'gone' } };
      if (entry.status === 'AVAILABLE') return { done: { result: 'available', entry } };
      if (FAILED_STATUSES.has(entry.status)) {
        const message = entry.message ?? undefined;
        return {
          done:
            message === undefined
              ? { result: 'errored', status: entry.status }
              : { result: 'errored', status: entry.status, message },
        };
      }
      return { status: entry.status };
    },
    (status) => ({ result: 'timeout', status }),
  );
}

/** Until the CE is no longer listed (or listed as DELETED). */
export function waitUntilGone(
  ctx: ActionContext,
  workspaceId: number,
  computeEnvId: string,
  name: string,
): Promise<DeletionWait> {
  return poll<DeletionWait>(
    ctx,
    `waiting for compute environment ${name} to be deleted`,
    async () => {
      const entry = (await ctx.client.use(computeEnvReads).listComputeEnvs(workspaceId)).find(
        (ce) => ce.id === computeEnvId,
      );
      if (entry === undefined || entry.status === 'DELETED') return { done: { result: 'gone' } };
      return { status: entry.status };
    },
    (status) => ({ result: 'timeout', status }),
  );
}

/** A one-line explanation of a creation wait that did not end AVAILABLE. */
export function describeCreationWait(
  name: string,
  wait: Exclude<CreationWait, { result: 'available' }>,
  timeoutMs: number,
): string {
  switch (wait.result) {
    case 'errored':
      return `compute environment ${name} ended ${wait.status}${wait.message === undefined ? '' : `: ${wait.message}`}`;
    case 'timeout':
      return `compute environment ${name} was still ${wait.status} after ${Math.round(timeoutMs / 1000)}s (--wait-timeout)`;
    case 'gone':
      return `compute environment ${name} disappeared while it was being created`;
  }
}
