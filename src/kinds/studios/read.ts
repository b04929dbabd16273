/**
 * Reading a workspace's Studios settings: one request, only when the file
 * declares `studios`. A workspace deleted whole does not read them (they go
 * with it and the plan does not name them).
 */
import type { KindRead, WorkspaceRead } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapStudios, studiosReads } from './api.js';

const DESCRIBE = 'GET /orgs/{id}/workspaces/{id}/settings/studios';

const studios: WorkspaceRead<'studios'> = {
  field: 'studios',
  needs: (ws) => ({ studios: ws.studios !== undefined }),
  whenDeleted: {},
  read: (ctx, reads) => ({
    result:
      reads['studios'] === true
        ? reading(ctx.label('Studios settings'), async () =>
            mapStudios(await ctx.client.use(studiosReads).getStudiosSettings(ctx.orgId, ctx.workspaceId)),
          )
        : Promise.resolve(undefined),
    listed: Promise.resolve(undefined),
  }),
  requests: (reads) => (reads['studios'] === true ? [{ route: DESCRIBE, requests: 1 }] : []),
};

export const studiosRead: KindRead = { workspace: studios };
