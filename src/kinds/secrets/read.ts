/** Reading a workspace's pipeline secrets: the list (unpaged), when managed or the workspace is deleted whole. */
import type { KindRead, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { pipelineSecretReads } from './api.js';

const LIST = 'GET /pipeline-secrets';

const secrets: WorkspaceRead<'secrets'> = {
  field: 'secrets',
  needs: (ws) => ({ secrets: ws.secrets !== undefined }),
  whenDeleted: { secrets: true },
  read: (ctx, reads) =>
    readingOf(
      reads.secrets === true
        ? reading(ctx.label('pipeline secrets'), async () =>
            (await ctx.client.use(pipelineSecretReads).listPipelineSecrets(ctx.workspaceId)).map((s) => ({
              id: s.id,
              name: s.name,
            })),
          )
        : Promise.resolve(undefined),
    ),
  requests: (reads) => (reads.secrets === true ? [{ route: LIST, requests: 1 }] : []),
};

export const secretsRead: KindRead = { workspace: secrets };
