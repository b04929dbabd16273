import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { DEFAULT_ADD_ROLE } from '../../../src/emulator/index.js';
import { eventually, exampleIds, exampleSeed, useEmulator } from '../../helpers/emulator.js';

describe('emulator: workspace participants', () => {
  const fx = useEmulator({ seed: exampleSeed() });
  const paths = async () => {
    const ids = await exampleIds(fx.api);
    return { ...ids, p: `/orgs/${ids.orgId}/workspaces/${ids.wsId}/participants` };
  };

  it('adds an org member by email with the default role (the request carries no role)', async () => {
    const { orgId, sharedWsId } = await paths();
    const res = await fx.api('PUT', `/orgs/${orgId}/workspaces/${sharedWsId}/participants/add`, {
      body: { userNameOrEmail: 'jane.citizen@example.edu.au' },
    });
    expect(res.status).toBe(200);
    expect(res.body.participant).toMatchObject({
      type: 'MEMBER',
      email: 'jane.citizen@example.edu.au',
      orgRole: 'member',
      wspRole: DEFAULT_ADD_ROLE,
    });
    expect(DEFAULT_ADD_ROLE).toBe('launch');
  });

  it('makes a registered non-member a COLLABORATOR', async () => {
    const { p } = await paths();
    const res = await fx.api('PUT', `${p}/add`, { body: { userNameOrEmail: 'alice' } });
    expect(res.status).toBe(200);
    expect(res.body.participant).toMatchObject({
      type: 'COLLABORATOR',
      userName: 'alice',
      orgRole: 'collaborator',
    });
    const listed = (await fx.api('GET', p, { query: { search: 'alice' } })).body.participants;
    expect(listed).toEqual([expect.objectContaining({ type: 'COLLABORATOR', orgRole: 'collaborator' })]);
  });

  it('refuses an email that never signed in with 404 "User not found"', async () => {
    const { p } = await paths();
    const res = await fx.api('PUT', `${p}/add`, { body: { userNameOrEmail: 'newcomer@example.edu.au' } });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/^User not found/);
  });

  it('refuses collaborators with 409 in an SSO org, members still work', async () => {
    const { ssoOrgId, ssoWsId } = await paths();
    const path = `/orgs/${ssoOrgId}/workspaces/${ssoWsId}/participants/add`;
    const res = await fx.api('PUT', path, { body: { userNameOrEmail: 'sam.sso@example.com' } });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/single sign-on/);
    await fx.api('PUT', `/orgs/${ssoOrgId}/members/add`, { body: { user: 'sam.sso@example.com' } });
    expect((await fx.api('PUT', path, { body: { userNameOrEmail: 'sam.sso@example.com' } })).status).toBe(
      200,
    );
  });

  it('adds by memberId and by teamId; 409s someone already there; 400s ambiguous bodies', async () => {
    const { orgId, sharedWsId } = await paths();
    const add = `/orgs/${orgId}/workspaces/${sharedWsId}/participants/add`;
    const john = (await fx.api('GET', `/orgs/${orgId}/members`, { query: { search: 'john' } })).body
      .members[0];
    const team = (await fx.api('GET', `/orgs/${orgId}/teams`)).body.teams[0];
    const byMember = await fx.api('PUT', add, { body: { memberId: john.memberId } });
    expect(byMember.body.participant).toMatchObject({
      type: 'MEMBER',
      memberId: john.memberId,
      userName: 'john',
    });
    const byTeam = await fx.api('PUT', add, { body: { teamId: team.teamId } });
    expect(byTeam.body.participant).toMatchObject({
      type: 'TEAM',
      teamId: team.teamId,
      teamName: 'ausgen-admins',
    });
    // As the platform sends a team row: every member field present and null.
    expect(byTeam.body.participant).toMatchObject({
      email: null,
      memberId: null,
      userName: null,
      orgRole: null,
    });
    const again = await fx.api('PUT', add, { body: { userNameOrEmail: 'john.member@example.edu.au' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already a participant/);
    expect((await fx.api('PUT', add, { body: { teamId: team.teamId } })).status).toBe(409);
    expect(
      (await fx.api('PUT', add, { body: { memberId: john.memberId, teamId: team.teamId } })).status,
    ).toBe(400);
    expect((await fx.api('PUT', add, { body: {} })).status).toBe(400);
    expect((await fx.api('PUT', add, { body: { memberId: 'x' } })).status).toBe(400);
    expect((await fx.api('PUT', add, { body: { memberId: 424242 } })).status).toBe(404);
  });

  it('sets roles with the role endpoint: predefined or custom roles only', async () => {
    const { p } = await paths();
    const john = (await fx.api('GET', p, { query: { search: 'john' } })).body.participants[0];
    expect(
      (await fx.api('PUT', `${p}/${john.participantId}/role`, { body: { role: 'maintain' } })).status,
    ).toBe(204);
    expect((await fx.api('GET', p, { query: { search: 'john' } })).body.participants[0].wspRole).toBe(
      'maintain',
    );
    const unknown = await fx.api('PUT', `${p}/${john.participantId}/role`, { body: { role: 'superuser' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/Unknown workspace role/);
    expect((await fx.api('PUT', `${p}/999/role`, { body: { role: 'view' } })).status).toBe(404);
  });

  it('removes a participant', async () => {
    const { p } = await paths();
    const john = (await fx.api('GET', p, { query: { search: 'john' } })).body.participants[0];
    expect((await fx.api('DELETE', `${p}/${john.participantId}`)).status).toBe(204);
    expect((await fx.api('GET', p, { query: { search: 'john' } })).body.totalSize).toBe(0);
  });

  it('rejects a malformed body with 400 and an ErrorResponse, never a crash', async () => {
    const { p } = await paths();
    const res = await fx.api('PUT', `${p}/add`, { rawBody: '{"userNameOrEmail": ' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/Malformed JSON/);
    expect((await fx.api('PUT', `${p}/add`, { body: ['not', 'an', 'object'] })).status).toBe(400);
    expect((await fx.api('PUT', `${p}/add`, { rawBody: 'null' })).status).toBe(400);
  });
});

describe('emulator: participant settings', () => {
  const customSeed = (): EmulatorSeed => {
    const seed = exampleSeed();
    return {
      ...seed,
      orgs: seed.orgs!.map((o) => (o.name === 'biocommons' ? { ...o, customRoles: ['pipeline-runner'] } : o)),
    };
  };
  const fx = useEmulator(() => ({ seed: customSeed(), defaultAddRole: 'view', staleRoleReadMs: 300 }));

  it('uses the configured default role after add, accepts custom roles, and reads roles back stale for a while', async () => {
    const { orgId, sharedWsId } = await exampleIds(fx.api);
    const p = `/orgs/${orgId}/workspaces/${sharedWsId}/participants`;
    const added = await fx.api('PUT', `${p}/add`, { body: { userNameOrEmail: 'john' } });
    expect(added.body.participant.wspRole).toBe('view');
    const id = added.body.participant.participantId;
    const changedAt = Date.now();
    expect((await fx.api('PUT', `${p}/${id}/role`, { body: { role: 'pipeline-runner' } })).status).toBe(204);
    expect((await fx.api('GET', p, { query: { search: 'john' } })).body.participants[0].wspRole).toBe('view');
    // Read again until the new role shows; it must not show before the window has passed.
    await eventually(async () => {
      const read = (await fx.api('GET', p, { query: { search: 'john' } })).body.participants[0];
      if (read.wspRole !== 'pipeline-runner') return undefined;
      expect(Date.now() - changedAt).toBeGreaterThanOrEqual(300);
      return true;
    });
  });
});

describe('emulator: participant pagination', () => {
  const count = 120;
  const seed = (): EmulatorSeed => {
    const users = Array.from({ length: count }, (_, i) => ({
      userName: `p${i}`,
      email: `p${i}@example.org`,
    }));
    return {
      users: [{ userName: 'bot', email: 'bot@example.org', token: 't' }, ...users],
      orgs: [
        {
          name: 'org1',
          members: [{ email: 'bot@example.org', role: 'owner' }, ...users.map((u) => ({ email: u.email }))],
          workspaces: [{ name: 'ws1', participants: users.map((u) => ({ email: u.email, role: 'view' })) }],
        },
      ],
    };
  };
  const fx = useEmulator(() => ({ seed: seed() }));

  it('pages more than 100 participants', async () => {
    const orgId = (await fx.api('GET', '/orgs')).body.organizations[0].orgId;
    const wsId = (await fx.api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces[0].id;
    const p = `/orgs/${orgId}/workspaces/${wsId}/participants`;
    const a = (await fx.api('GET', p, { query: { max: 100, offset: 0 } })).body;
    const b = (await fx.api('GET', p, { query: { max: 100, offset: 100 } })).body;
    expect(a.participants).toHaveLength(100);
    expect(b.participants).toHaveLength(count - 100);
    expect(a.totalSize).toBe(count);
  });
});
