/**
 * Reading organisation members: the list (paged by 100), when members are
 * managed and the org level is planned (not under a workspace filter, nor in
 * a change-scoped plan whose organisation file did not change).
 */
import type { KindRead, OrgRead } from '../kind-read.js';
import { sizeOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapMember, memberReads } from './api.js';

const LIST = 'GET /orgs/{id}/members';

const members: OrgRead<'members'> = {
  field: 'members',
  needs: (org, orgLevel) => ({ members: orgLevel && org.members !== undefined }),
  read: async (ctx, reads) =>
    reads.members === true
      ? reading(`members of ${ctx.orgName}`, async () =>
          (await ctx.client.use(memberReads).listMembers(ctx.orgId)).map(mapMember),
        )
      : undefined,
  requests: (reads, live) =>
    reads.members === true ? [{ route: LIST, listOf: sizeOf(live, 'members') }] : [],
  accessReport: () => ({ members: true }),
};

export const membersRead: KindRead = { org: members };
