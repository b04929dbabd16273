/**
 * Reading a workspace's labels: every page of the list (`type=all`: simple
 * and resource labels), only when the file manages them or another kind
 * asks (compute environments and pipelines that name labels: their ids and
 * the names of the labels they carry; pipeline actions that name labels:
 * their ids). A workspace deleted
 * whole does not list its labels (the plan does not name them).
 */
import type { KindRead, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapLabel, labelReads } from './api.js';

const LIST = 'GET /labels';

const labels: WorkspaceRead<'labels'> = {
  field: 'labels',
  needs: (ws, asked) => ({ labels: ws.labels !== undefined || asked.labels === true }),
  whenDeleted: {},
  read: (ctx, reads) =>
    readingOf(
      reads.labels === true
        ? reading(ctx.label('labels'), async () =>
            (await ctx.client.use(labelReads).listLabels(ctx.workspaceId)).map(mapLabel),
          )
        : Promise.resolve(undefined),
    ),
  requests: (reads, live) => (reads.labels === true ? [{ route: LIST, listOf: live.labels ?? 0 }] : []),
};

export const labelsRead: KindRead = { workspace: labels };
