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
import { FakeApiClient } from '../../helpers/fake-client.js';

const TOKEN_USER = 'sync-bot@example.org';
const OTHER_OWNER = 'old.owner@example.org';

/** A workspace with the token's user and `owner` as owners, the `admins` team (one member) as admin. */
function platform(owner: string): FakeApiClient {
  const client = new FakeApiClient();
  const org = client.seedOrg('biocommons');
  const member = client.seedMember(org.orgId, 'admin.person@example.org');
  client.teams
    .get(org.orgId)
    ?.push({ teamId: client.id(), name: 'admins', description: null, members: [member] });
  const ws = client.seedWorkspace(org.orgId, 'ausgen');
  const teamId = client.teams.get(org.orgId)?.[0]?.teamId ?? 0;
  client.participants.set(ws.id, [
    { participantId: client.id(), type: 'MEMBER', memberId: client.id(), email: owner, wspRole: 'owner' },
    { participantId: client.id(), type: 'TEAM', teamId, teamName: 'admins', wspRole: 'admin' },
  ]);
  return client;
}

async function teamMemberReads(
  client: FakeApiClient,
  ws: Partial<DesiredWorkspace> = {},
  protectedUsers: readonly string[] = [],
): Promise<number> {
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
  return client.callsTo('listTeamMembers').length;
}

describe('team members read for the owner/admin rule', () => {
  it('are not read when the only undeclared owner is the token user, whom prune never removes', async () => {
    expect(await teamMemberReads(platform(TOKEN_USER))).toBe(0);
  });

  it('are read when an undeclared owner may be pruned and only the team would be left', async () => {
    expect(await teamMemberReads(platform(OTHER_OWNER))).toBe(1);
  });

  it('are not read when that owner is protected or ignored', async () => {
    expect(await teamMemberReads(platform(OTHER_OWNER), {}, [OTHER_OWNER])).toBe(0);
    expect(
      await teamMemberReads(platform(OTHER_OWNER), {
        ignore: ignoreLists({ participants: [OTHER_OWNER] }),
      }),
    ).toBe(0);
  });

  it('are read when a declared participant loses the owner role', async () => {
    expect(
      await teamMemberReads(platform(TOKEN_USER), {
        participants: [aTeamParticipant('admins', 'admin'), aUserParticipant(TOKEN_USER, 'launch')],
      }),
    ).toBe(1);
  });
});
