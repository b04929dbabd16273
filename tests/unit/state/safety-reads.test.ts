/**
 * The team members the owner/admin rule needs: an owner/admin team's members
 * are read only when the plan may take one of the workspace's owners/admins
 * away. An undeclared participant that prune keeps (the token's own user, a
 * protected user, an ignored one) is not at risk, so a plan of one workspace
 * where the token's user is the undeclared owner reads no team members.
 */
import { describe, expect, it } from 'vitest';
import type { DesiredWorkspace } from '../../../src/model/desired.js';
import { readActualState } from '../../../src/state/read-actual-state.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aPolicy,
  aTeamParticipant,
  aUserParticipant,
  ignoreLists,
  pruneSetting,
} from '../../helpers/builders.js';
import { startEmulatedPlatform, type EmulatedPlatform } from '../../helpers/emulated-platform.js';

const TOKEN_USER = 'sync-bot@example.org';
const OTHER_OWNER = 'old.owner@example.org';

/** A workspace with the token's user and `owner` as owners, the `admins` team (one member) as admin. */
function platform(owner: string): Promise<EmulatedPlatform> {
  return startEmulatedPlatform({
    users: [
      { userName: 'sync-bot', email: TOKEN_USER, token: 'safety-token' },
      { userName: 'admin-person', email: 'admin.person@example.org' },
      { userName: 'old-owner', email: OTHER_OWNER },
    ],
    orgs: [
      {
        name: 'biocommons',
        members: [
          { email: TOKEN_USER, role: 'owner' },
          { email: 'admin.person@example.org', role: 'member' },
          { email: OTHER_OWNER, role: 'member' },
        ],
        teams: [{ name: 'admins', members: ['admin.person@example.org'] }],
        workspaces: [
          {
            name: 'ausgen',
            participants: [
              { email: owner, role: 'owner' },
              { team: 'admins', role: 'admin' },
            ],
          },
        ],
      },
    ],
  });
}

async function teamMemberReads(
  owner: string,
  ws: Partial<DesiredWorkspace> = {},
  protectedUsers: readonly string[] = [],
): Promise<number> {
  const { client, entries } = await platform(owner);
  const desired = aDesiredState(
    aDesiredOrg({
      name: 'biocommons',
      policy: aPolicy({ protectedUsers: [...protectedUsers] }),
      workspaces: [
        aDesiredWorkspace({
          name: 'ausgen',
          participants: [aTeamParticipant('admins', 'admin')],
          prune: pruneSetting({ participants: true }),
          ...ws,
        }),
      ],
    }),
  );
  await readActualState(client, desired, { workspaceFilter: ['biocommons/ausgen'] });
  return entries('GET /orgs/{id}/teams/{id}/members').length;
}

describe('team members read for the owner/admin rule', () => {
  it('are not read when the only undeclared owner is the token user, whom prune never removes', async () => {
    expect(await teamMemberReads(TOKEN_USER)).toBe(0);
  });

  it('are read when an undeclared owner may be pruned and only the team would be left', async () => {
    expect(await teamMemberReads(OTHER_OWNER)).toBe(1);
  });

  it('are not read when that owner is protected or ignored', async () => {
    expect(await teamMemberReads(OTHER_OWNER, {}, [OTHER_OWNER])).toBe(0);
    expect(
      await teamMemberReads(OTHER_OWNER, {
        ignore: ignoreLists({ participants: [OTHER_OWNER] }),
      }),
    ).toBe(0);
  });

  it('are read when a declared participant loses the owner role', async () => {
    expect(
      await teamMemberReads(TOKEN_USER, {
        participants: [aTeamParticipant('admins', 'admin'), aUserParticipant(TOKEN_USER, 'launch')],
      }),
    ).toBe(1);
  });
});
