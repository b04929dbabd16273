import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../src/emulator/index.js';
import { eventually, exampleIds, exampleSeed, useEmulator } from '../../helpers/emulator.js';

describe('emulator: org members', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('adds a registered user as a member (no role in the request) and 409s a second add', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/members/add`, {
      body: { user: 'alice.outsider@example.com' },
    });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({
      userName: 'alice',
      email: 'alice.outsider@example.com',
      role: 'member',
    });
    const again = await fx.api('PUT', `/orgs/${orgId}/members/add`, {
      body: { user: 'ALICE.outsider@example.com ' },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already a member/);
  });

  it('accepts a user name as well as an email', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/members/add`, { body: { user: 'sam' } });
    expect(res.body.member.email).toBe('sam.sso@example.com');
  });

  it('refuses an email that never signed in with 404 "User not found"', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/members/add`, { body: { user: 'nobody@example.org' } });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^User not found: 'nobody@example.org'/);
  });

  it('changes a role with the role endpoint and refuses an unknown role', async () => {
    const { orgId } = await exampleIds(fx.api);
    const members = (await fx.api('GET', `/orgs/${orgId}/members`)).body.members;
    const jane = members.find((m: { userName: string }) => m.userName === 'jane');
    expect(
      (await fx.api('PUT', `/orgs/${orgId}/members/${jane.memberId}/role`, { body: { role: 'owner' } }))
        .status,
    ).toBe(204);
    const after = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'jane' } })).body.members;
    expect(after).toEqual([expect.objectContaining({ userName: 'jane', role: 'owner' })]);
    const bad = await fx.api('PUT', `/orgs/${orgId}/members/${jane.memberId}/role`, {
      body: { role: 'admin' },
    });
    expect(bad.status).toBe(400);
  });

  it('never leaves an org without an owner', async () => {
    const { orgId } = await exampleIds(fx.api);
    const owner = (await fx.api('GET', `/orgs/${orgId}/members`)).body.members.find(
      (m: { role: string }) => m.role === 'owner',
    );
    const demote = await fx.api('PUT', `/orgs/${orgId}/members/${owner.memberId}/role`, {
      body: { role: 'member' },
    });
    expect(demote.status).toBe(400);
    expect(demote.body.message).toMatch(/last owner/);
    expect((await fx.api('DELETE', `/orgs/${orgId}/members/${owner.memberId}`)).status).toBe(400);
  });

  it('removing a member cascades to teams and workspace participants', async () => {
    const { orgId, wsId } = await exampleIds(fx.api);
    const jane = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'jane' } })).body
      .members[0];
    expect((await fx.api('DELETE', `/orgs/${orgId}/members/${jane.memberId}`)).status).toBe(204);
    const members = (await fx.api('GET', `/orgs/${orgId}/members`)).body.members;
    expect(members.map((m: { userName: string }) => m.userName)).not.toContain('jane');
    const team = (await fx.api('GET', `/orgs/${orgId}/teams`)).body.teams[0];
    expect(team.membersCount).toBe(0);
    const teamMembers = (await fx.api('GET', `/orgs/${orgId}/teams/${team.teamId}/members`)).body;
    expect(teamMembers).toEqual({ members: [], totalSize: 0 });
    const participants = (await fx.api('GET', `/orgs/${orgId}/workspaces/${wsId}/participants`)).body
      .participants;
    expect(participants.map((p: { email?: string }) => p.email)).not.toContain('jane.citizen@example.edu.au');
    expect((await fx.api('DELETE', `/orgs/${orgId}/members/${jane.memberId}`)).status).toBe(404);
  });

  it('lists collaborators separately from members', async () => {
    const { orgId, wsId } = await exampleIds(fx.api);
    await fx.api('PUT', `/orgs/${orgId}/workspaces/${wsId}/participants/add`, {
      body: { userNameOrEmail: 'alice.outsider@example.com' },
    });
    const members = (await fx.api('GET', `/orgs/${orgId}/members`)).body.members;
    expect(members.map((m: { userName: string }) => m.userName)).not.toContain('alice');
    const collaborators = (await fx.api('GET', `/orgs/${orgId}/collaborators`)).body;
    expect(collaborators.members).toEqual([
      expect.objectContaining({ userName: 'alice', role: 'collaborator' }),
    ]);
    // Adding a collaborator as a member promotes them.
    const promoted = await fx.api('PUT', `/orgs/${orgId}/members/add`, { body: { user: 'alice' } });
    expect(promoted.body.member.role).toBe('member');
    expect((await fx.api('GET', `/orgs/${orgId}/collaborators`)).body.totalSize).toBe(0);
  });
});

describe('emulator: unregistered user status setting', () => {
  const fx = useEmulator({ seed: exampleSeed(), unregisteredUserStatus: 400 });

  it('answers 400 instead of 404 when configured', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/members/add`, { body: { user: 'nobody@example.org' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^User not found/);
  });
});

function bigOrgSeed(memberCount: number): EmulatorSeed {
  const users = Array.from({ length: memberCount }, (_, i) => ({
    userName: `user${String(i).padStart(3, '0')}`,
    email: `user${String(i).padStart(3, '0')}@example.org`,
  }));
  return {
    users: [{ userName: 'bot', email: 'bot@example.org', token: 'bot-token' }, ...users],
    orgs: [
      {
        name: 'big',
        members: [{ email: 'bot@example.org', role: 'owner' }, ...users.map((u) => ({ email: u.email }))],
      },
    ],
  };
}

describe('emulator: pagination', () => {
  const fx = useEmulator({ seed: bigOrgSeed(130) });

  it('pages with max/offset, defaults to 50 and caps at 100, with totalSize', async () => {
    const orgId = (await fx.api('GET', '/orgs')).body.organizations[0].orgId;
    const path = `/orgs/${orgId}/members`;
    const first = (await fx.api('GET', path)).body;
    expect(first.members).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(first.totalSize).toBe(131);
    const capped = (await fx.api('GET', path, { query: { max: 500 } })).body;
    expect(capped.members).toHaveLength(MAX_PAGE_SIZE);
    const page1 = (await fx.api('GET', path, { query: { max: 100, offset: 0 } })).body;
    const page2 = (await fx.api('GET', path, { query: { max: 100, offset: 100 } })).body;
    expect(page2.members).toHaveLength(31);
    const ids = [...page1.members, ...page2.members].map((m: { memberId: number }) => m.memberId);
    expect(new Set(ids).size).toBe(131);
    const beyond = (await fx.api('GET', path, { query: { max: 100, offset: 200 } })).body;
    expect(beyond).toEqual({ members: [], totalSize: 131 });
    expect((await fx.api('GET', path, { query: { max: -1 } })).status).toBe(400);
    expect((await fx.api('GET', path, { query: { offset: 'x' } })).status).toBe(400);
  });

  it('filters with search before paging', async () => {
    const orgId = (await fx.api('GET', '/orgs')).body.organizations[0].orgId;
    const res = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'user12' } })).body;
    expect(res.totalSize).toBe(10);
  });
});

describe('emulator: stale role reads', () => {
  const fx = useEmulator({ seed: exampleSeed(), staleRoleReadMs: 300 });

  it('reads back the previous member role until the staleness window has passed', async () => {
    const { orgId } = await exampleIds(fx.api);
    const john = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'john' } })).body
      .members[0];
    const changedAt = Date.now();
    await fx.api('PUT', `/orgs/${orgId}/members/${john.memberId}/role`, { body: { role: 'owner' } });
    const stale = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'john' } })).body
      .members[0];
    expect(stale.role).toBe('member');
    // Read again until the new role shows; it must not show before the window has passed.
    await eventually(async () => {
      const read = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'john' } })).body
        .members[0];
      if (read.role !== 'owner') return undefined;
      expect(Date.now() - changedAt).toBeGreaterThanOrEqual(300);
      return true;
    });
  });
});
