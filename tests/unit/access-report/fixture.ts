/**
 * An organisation in the report's own input terms (no emulator): owners,
 * members reached directly and through teams, a collaborator, a custom
 * role, unmanaged grants, a pending person, hostile text, and an earlier
 * report to compare with.
 */
import { buildReport } from '../../../src/access-report/build-report.js';
import type { DeclaredAccess } from '../../../src/access-report/declared-access.js';
import type { LiveAccess } from '../../../src/access-report/live-access.js';
import type { AccessReport } from '../../../src/access-report/model.js';

export const BOT = 'seqera-sync@biocommons.example.org';

export interface ReviewFixture {
  readonly live: LiveAccess;
  readonly declared: DeclaredAccess;
  /** An earlier report of the same organisation (before a few changes). */
  readonly previous: AccessReport;
}

function liveAccess(variant: 'before' | 'now'): LiveAccess {
  const now = variant === 'now';
  return {
    org: { name: 'biocommons', fullName: 'Australian BioCommons' },
    tokenMemberId: 1,
    members: [
      { memberId: 1, email: BOT, role: 'owner' },
      { memberId: 2, email: 'olga.owner@example.org', role: 'owner' },
      { memberId: 3, email: 'jane.citizen@example.edu.au', role: 'member' },
      { memberId: 4, email: 'john.member@example.edu.au', role: 'member' },
      { memberId: 5, email: 'lab.manager@example.edu.au', role: 'member' },
      { memberId: 6, email: 'priya.analyst@example.edu.au', role: 'member' },
      { memberId: 7, email: 'wei.chen@example.edu.au', role: 'member' },
    ],
    teams: [
      { name: 'ausgen-admins', members: [{ email: 'jane.citizen@example.edu.au', orgRole: 'member' }] },
      {
        name: 'launchers',
        members: [
          { email: 'jane.citizen@example.edu.au', orgRole: 'member' },
          { email: 'john.member@example.edu.au', orgRole: 'member' },
          { email: 'priya.analyst@example.edu.au', orgRole: 'member' },
        ],
      },
    ],
    workspaces: [
      {
        name: 'ausgen',
        fullName: 'Australian Genomics',
        visibility: 'private',
        participants: [
          { kind: 'user', email: BOT, orgRole: 'owner', role: 'owner' },
          { kind: 'user', email: 'jane.citizen@example.edu.au', orgRole: 'member', role: 'launch' },
          { kind: 'team', team: 'ausgen-admins', role: 'admin' },
          { kind: 'team', team: 'launchers', role: 'launch' },
          { kind: 'user', email: 'alice.outsider@example.com', orgRole: 'collaborator', role: 'view' },
          { kind: 'user', email: 'lab.manager@example.edu.au', orgRole: 'member', role: 'launcher-plus' },
        ],
      },
      {
        name: 'ausgen-dev',
        fullName: '<img src=x onerror=alert(1)>',
        visibility: 'private',
        participants: [
          {
            kind: 'user',
            email: 'wei.chen@example.edu.au',
            orgRole: 'member',
            role: now ? 'admin' : 'maintain',
          },
          { kind: 'user', email: 'priya.analyst@example.edu.au', orgRole: 'member', role: 'connect' },
        ],
      },
      {
        name: 'melanoma',
        fullName: 'Melanoma Institute',
        visibility: 'private',
        participants: [
          { kind: 'user', email: 'john.member@example.edu.au', orgRole: 'member', role: 'admin' },
          { kind: 'team', team: 'launchers', role: 'launch' },
          ...(now
            ? [{ kind: 'user' as const, email: 'wei.chen@example.edu.au', orgRole: 'member', role: 'view' }]
            : [
                {
                  kind: 'user' as const,
                  email: 'lab.manager@example.edu.au',
                  orgRole: 'member',
                  role: 'view',
                },
              ]),
        ],
      },
      {
        name: 'shared-pipelines',
        fullName: 'Shared pipelines',
        visibility: 'shared',
        participants: [
          { kind: 'user', email: 'priya.analyst@example.edu.au', orgRole: 'member', role: 'maintain' },
        ],
      },
    ],
  };
}

function declaredAccess(): DeclaredAccess {
  return {
    workspaces: new Map([
      [
        'ausgen',
        {
          direct: new Map([
            ['jane.citizen@example.edu.au', 'launch'],
            ['new.starter@example.edu.au', 'maintain'],
          ]),
          teams: new Map([
            ['ausgen-admins', 'admin'],
            ['launchers', 'launch'],
          ]),
        },
      ],
      ['ausgen-dev', { direct: new Map([['wei.chen@example.edu.au', 'maintain']]), teams: new Map() }],
      [
        'melanoma',
        {
          direct: new Map([['john.member@example.edu.au', 'admin']]),
          teams: new Map([['launchers', 'launch']]),
        },
      ],
    ]),
    teamMembers: new Map([
      ['ausgen-admins', new Set(['jane.citizen@example.edu.au'])],
      ['launchers', new Set(['jane.citizen@example.edu.au', 'john.member@example.edu.au'])],
    ]),
    orgRoles: new Map([
      [BOT, 'owner'],
      ['olga.owner@example.org', 'owner'],
      ['jane.citizen@example.edu.au', 'member'],
      ['john.member@example.edu.au', 'member'],
    ]),
  };
}

export function reviewFixture(): ReviewFixture {
  const declared = declaredAccess();
  const previous = buildReport(liveAccess('before'), declared, {
    generatedAt: '2026-11-07T02:00:00.000Z',
    endpoint: 'https://api.example.org',
  });
  return { live: liveAccess('now'), declared, previous };
}
