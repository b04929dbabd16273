import { describe, expect, it } from 'vitest';
import { exampleIds, exampleSeed, useEmulator } from '../../helpers/emulator.js';

describe('emulator: teams and team members', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('creates, describes, updates and deletes a team', async () => {
    const { orgId } = await exampleIds(fx.api);
    const created = await fx.api('POST', `/orgs/${orgId}/teams`, {
      body: { team: { name: 'ops', description: 'Ops' } },
    });
    expect(created.status).toBe(200);
    expect(created.body.team).toMatchObject({ name: 'ops', description: 'Ops', membersCount: 0 });
    const teamId = created.body.team.teamId;
    expect(
      (await fx.api('PUT', `/orgs/${orgId}/teams/${teamId}`, { body: { name: 'ops2', description: 'd' } }))
        .status,
    ).toBe(204);
    expect((await fx.api('GET', `/orgs/${orgId}/teams/${teamId}`)).body.team).toMatchObject({
      name: 'ops2',
      description: 'd',
    });
    expect((await fx.api('DELETE', `/orgs/${orgId}/teams/${teamId}`)).status).toBe(204);
    expect((await fx.api('GET', `/orgs/${orgId}/teams/${teamId}`)).status).toBe(404);
  });

  it('409s a duplicate team name and 400s names that break the spec pattern', async () => {
    const { orgId } = await exampleIds(fx.api);
    const dup = await fx.api('POST', `/orgs/${orgId}/teams`, { body: { team: { name: 'ausgen-admins' } } });
    expect(dup.status).toBe(409);
    for (const name of ['a', 'bad--name', '-lead', 'trail_', 'has space', 'x'.repeat(40)]) {
      const res = await fx.api('POST', `/orgs/${orgId}/teams`, { body: { team: { name } } });
      expect(res.status, name).toBe(400);
      expect(res.body.message).toMatch(/Invalid team name/);
    }
    const longDescription = await fx.api('POST', `/orgs/${orgId}/teams`, {
      body: { team: { name: 'fine', description: 'd'.repeat(251) } },
    });
    expect(longDescription.status).toBe(400);
  });

  it('adds org members to a team, 409s a repeat, 400s non-members and 404s unregistered users', async () => {
    const { orgId } = await exampleIds(fx.api);
    const team = (await fx.api('GET', `/orgs/${orgId}/teams`)).body.teams[0];
    const path = `/orgs/${orgId}/teams/${team.teamId}/members`;
    const added = await fx.api('POST', path, { body: { userNameOrEmail: 'john' } });
    expect(added.status).toBe(200);
    expect(added.body.member).toMatchObject({ userName: 'john', role: 'member' });
    expect(
      (await fx.api('POST', path, { body: { userNameOrEmail: 'john.member@example.edu.au' } })).status,
    ).toBe(409);
    const outsider = await fx.api('POST', path, { body: { userNameOrEmail: 'alice.outsider@example.com' } });
    expect(outsider.status).toBe(400);
    expect(outsider.body.message).toMatch(/not a member or collaborator/);
    expect((await fx.api('POST', path, { body: { userNameOrEmail: 'ghost@example.org' } })).status).toBe(404);
    const list = (await fx.api('GET', path)).body;
    expect(list.totalSize).toBe(2);
    expect((await fx.api('DELETE', `${path}/${added.body.member.memberId}/delete`)).status).toBe(204);
    expect((await fx.api('DELETE', `${path}/${added.body.member.memberId}/delete`)).status).toBe(404);
  });

  it('deleting a team removes it from the workspaces it participates in', async () => {
    const { orgId, wsId } = await exampleIds(fx.api);
    const team = (await fx.api('GET', `/orgs/${orgId}/teams`)).body.teams[0];
    await fx.api('DELETE', `/orgs/${orgId}/teams/${team.teamId}`);
    const participants = (await fx.api('GET', `/orgs/${orgId}/workspaces/${wsId}/participants`)).body
      .participants;
    expect(participants.filter((p: { type: string }) => p.type === 'TEAM')).toEqual([]);
  });
});
