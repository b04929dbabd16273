/**
 * Reading a workspace's pipeline actions (`actions` flag). The list (not
 * paged) carries no launch, so each action is described
 * (`GET /actions/{id}`, with its labels): `managed`, list and describe;
 * `if-any-ce`, the same, only when the compute-environment list is not empty
 * (asked by managed compute environments: a replace re-points the actions
 * that launch on the old one, managed or not); `list`, the list only (a
 * workspace deleted whole); `no`. Managed actions that name a compute
 * environment need the compute-environment list (its id); actions that
 * declare labels need the workspace's labels (their ids).
 */
import type { ApiClient } from '../../api/api-client.js';
import type { ActualAction } from './model.js';
import type { KindRead, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { gone, reading } from '../kit/reading.js';
import { mapAction, mapListedAction, type ActionInfoDto, actionReads } from './api.js';

const LIST = 'GET /actions';
const DESCRIBE = 'GET /actions/{id}';
const CE_LIST = 'GET /compute-envs';

async function describeActions(
  client: ApiClient,
  workspaceId: number,
  listed: readonly ActionInfoDto[],
): Promise<ActualAction[]> {
  const described = await Promise.all(
    listed.map(async (info) => {
      try {
        return mapAction(info, await client.use(actionReads).describeAction(workspaceId, info.id));
      } catch (err) {
        if (gone(err)) return undefined;
        throw err;
      }
    }),
  );
  return described.filter((a) => a !== undefined);
}

const actions: WorkspaceRead<'actions'> = {
  field: 'actions',
  uses: ['computeEnvironments'],
  asks: (ws) => ({
    computeEnvList: (ws.actions ?? []).some((a) => a.computeEnvironment !== undefined),
    labels: (ws.actions ?? []).some((a) => (a.labels ?? []).length > 0),
  }),
  needs: (ws, asked) => ({
    actions: ws.actions !== undefined ? 'managed' : asked.actions === 'if-any-ce' ? 'if-any-ce' : 'no',
  }),
  whenDeleted: { actions: 'list' },
  read: (ctx, reads) =>
    readingOf(
      (async (): Promise<ActualAction[] | undefined> => {
        const mode = reads.actions;
        if (mode !== 'managed' && mode !== 'list' && mode !== 'if-any-ce') return undefined;
        if (mode === 'if-any-ce' && ((await ctx.used('computeEnvironments')?.listed) ?? 0) === 0) {
          return undefined;
        }
        return reading(ctx.label('pipeline actions'), async () => {
          const listed = await ctx.client.use(actionReads).listActions(ctx.workspaceId);
          if (mode === 'list') return listed.map(mapListedAction);
          return describeActions(ctx.client, ctx.workspaceId, listed);
        });
      })(),
    ),
  requests: (reads, live) => {
    const count = live.actions ?? 0;
    if (reads.actions === 'list') return [{ route: LIST, requests: 1 }];
    if (reads.actions === 'managed') {
      return [
        { route: LIST, requests: 1 },
        { route: DESCRIBE, requests: count, after: LIST },
      ];
    }
    // Read once the compute-environment list has answered that it is not empty.
    if (reads.actions === 'if-any-ce' && (live.computeEnvs ?? 0) > 0) {
      return [
        { route: LIST, requests: 1, after: CE_LIST },
        { route: DESCRIBE, requests: count, after: LIST },
      ];
    }
    return [];
  },
};

export const actionsRead: KindRead = { workspace: actions };
