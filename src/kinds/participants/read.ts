/**
 * Reading a workspace's participants: the list (paged by 100), when they
 * are managed or the workspace is deleted whole. Managed participants that
 * name a team need the organisation's team list (the team's id).
 */
import type { KindRead, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapParticipant, participantReads } from './api.js';

const LIST = 'GET /orgs/{id}/workspaces/{id}/participants';

const participants: WorkspaceRead<'participants'> = {
  field: 'participants',
  asksOfOrg: (present) => ({
    teams: present.some((ws) => (ws.participants ?? []).some((p) => p.type === 'team')),
  }),
  needs: (ws) => ({ participants: ws.participants !== undefined }),
  whenDeleted: { participants: true },
  read: (ctx, reads) => {
    const path = `/orgs/${String(ctx.orgId)}/workspaces/${String(ctx.workspaceId)}/participants`;
    return readingOf(
      reads.participants === true
        ? reading(ctx.label('participants'), async () =>
            (await ctx.client.use(participantReads).listParticipants(ctx.orgId, ctx.workspaceId)).map((p) =>
              mapParticipant(p, path),
            ),
          )
        : Promise.resolve(undefined),
    );
  },
  requests: (reads, live) =>
    reads.participants === true ? [{ route: LIST, listOf: live.participants ?? 0 }] : [],
  accessReport: { participants: true },
};

export const participantsRead: KindRead = { workspace: participants };
