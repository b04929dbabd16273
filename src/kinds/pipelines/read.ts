/**
 * Reading a workspace's pipelines (`pipelines` flag): `managed`, the list
 * (paged by 100, shared pipelines of other workspaces included) and each
 * own pipeline's launch; `list`, the list only (a workspace deleted whole);
 * `if-any-ce`, the list only, when the compute-environment list is not
 * empty (asked by managed compute environments); `no`. Managed pipelines
 * that name a compute environment need the compute-environment list (its id);
 * those that name labels need the workspace's labels.
 */
import type { ApiClient } from '../../api/api-client.js';
import { ApiError } from '../../api/errors.js';
import type { ActualPipeline } from './model.js';
import type { KindRead, RequestCost, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapListedPipeline, mapPipeline, type PipelineDbDto, pipelineReads } from './api.js';

const LIST = 'GET /pipelines';
const LAUNCH = 'GET /pipelines/{id}/launch';
const CE_LIST = 'GET /compute-envs';

async function readLaunches(
  client: ApiClient,
  workspaceId: number,
  pipelines: readonly PipelineDbDto[],
): Promise<ActualPipeline[]> {
  const read = await Promise.all(
    pipelines.map(async (p) => {
      try {
        return mapPipeline(
          p,
          await client.use(pipelineReads).describePipelineLaunch(workspaceId, p.pipelineId),
        );
      } catch (err) {
        if (err instanceof ApiError && err.kind === 'not-found') return undefined;
        throw err;
      }
    }),
  );
  return read.filter((p) => p !== undefined);
}

const pipelines: WorkspaceRead<'pipelines'> = {
  field: 'pipelines',
  uses: ['computeEnvironments'],
  asks: (ws) => ({
    computeEnvList: (ws.pipelines ?? []).some((p) => p.computeEnvironment !== undefined),
    labels: (ws.pipelines ?? []).some((p) => p.labels !== undefined),
  }),
  needs: (ws, asked) => ({
    pipelines: ws.pipelines !== undefined ? 'managed' : asked.pipelines === 'if-any-ce' ? 'if-any-ce' : 'no',
  }),
  whenDeleted: { pipelines: 'list' },
  read: (ctx, reads) =>
    readingOf(
      (async (): Promise<ActualPipeline[] | undefined> => {
        if (reads.pipelines !== 'managed' && reads.pipelines !== 'list' && reads.pipelines !== 'if-any-ce') {
          return undefined;
        }
        if (reads.pipelines === 'if-any-ce' && ((await ctx.used('computeEnvironments')?.listed) ?? 0) === 0) {
          return undefined;
        }
        return reading(ctx.label('pipelines'), async () => {
          const listed = await ctx.client.use(pipelineReads).listPipelines(ctx.workspaceId);
          if (reads.pipelines !== 'managed') return listed.map(mapListedPipeline);
          return readLaunches(ctx.client, ctx.workspaceId, listed);
        });
      })(),
    ),
  requests: (reads, live) => {
    const own = live.pipelines ?? 0;
    const list: RequestCost = { route: LIST, listOf: live.listedPipelines ?? own };
    if (reads.pipelines === 'managed') return [list, { route: LAUNCH, requests: own, after: LIST }];
    if (reads.pipelines === 'list') return [list];
    // Read once the compute-environment list has answered that it is not empty.
    if (reads.pipelines === 'if-any-ce' && (live.computeEnvs ?? 0) > 0) return [{ ...list, after: CE_LIST }];
    return [];
  },
};

export const pipelinesRead: KindRead = { workspace: pipelines };
