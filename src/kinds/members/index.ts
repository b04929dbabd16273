/** Organisation members: owners and members by email. */
import { address } from '../../model/address.js';
import { emailKey } from '../../model/resources.js';
import type { Kind } from '../kind.js';
import { membersExport } from './file.js';
import { executorOf } from '../kit/executor.js';
import { pick, preconditionOf } from '../kit/precondition.js';
import { membersLoad } from './file.js';
import { executeMember } from './apply.js';
import { checkLastOrgOwner } from './last-owner.js';
import { planMembers } from './plan.js';
import { membersRead } from './read.js';
import { memberWrites } from './writes.js';

export const membersKind: Kind = {
  id: 'members',
  load: membersLoad,
  resources: [
    {
      kind: 'member',
      scope: 'org',
      segment: 'members',
      after: ['organization'],
      countsToward: { quota: 'maxMembers', per: 'org', what: 'members', live: (org) => org.members?.length },
      execute: executorOf('member', executeMember),
      writes: memberWrites,
      view: { label: 'member', ignoreKey: 'members' },
      savedPlan: preconditionOf('member', {
        locate: ({ org }, action) =>
          pick(org !== undefined, org?.members, (m) => m.email === emailKey(action.name)),
      }),
    },
  ],
  planOrgContent: (s) => {
    // Every live member's id, whether members are managed or not: other kinds' actions name them.
    for (const m of s.actual?.members ?? [])
      s.out.liveId(address.member(s.org.name, emailKey(m.email)), m.memberId);
    for (const email of planMembers(s)) s.deletedMembers.add(email);
  },
  checkOrg: (s) => {
    if (s.orgLevel) checkLastOrgOwner(s.out, s.org, s.actual);
  },
  savedPlan: {
    recheck: (s) => {
      checkLastOrgOwner(s.out, s.org, s.live);
    },
  },
  export: membersExport,
  read: membersRead,
};
