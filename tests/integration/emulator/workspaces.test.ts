import { describe, expect, it } from 'vitest';
import { apiCaller, exampleIds, exampleSeed, MEMBER_TOKEN, useEmulator } from '../../helpers/emulator.js';

describe('emulator: workspaces', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('makes the creator the first owner participant of a new workspace', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await fx.api('POST', `/orgs/${orgId}/workspaces`, {
      body: { workspace: { name: 'new-ws', fullName: 'New WS', visibility: 'PRIVATE' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.workspace).toMatchObject({ name: 'new-ws', fullName: 'New WS', visibility: 'PRIVATE' });
    expect(typeof res.body.workspace.id).toBe('number');
    const participants = (
      await fx.api('GET', `/orgs/${orgId}/workspaces/${res.body.workspace.id}/participants`)
    ).body;
    expect(participants).toEqual({
      participants: [
        expect.objectContaining({ type: 'MEMBER', userName: 'sync-bot', orgRole: 'owner', wspRole: 'owner' }),
      ],
      totalSize: 1,
    });
  });

  it('409s a duplicate name in the org, and allows the same name in another org', async () => {
    const { orgId, ssoOrgId } = await exampleIds(fx.api);
    const body = { workspace: { name: 'ausgen', fullName: 'Again', visibility: 'PRIVATE' } };
    const dup = await fx.api('POST', `/orgs/${orgId}/workspaces`, { body });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/already exists/);
    expect((await fx.api('POST', `/orgs/${ssoOrgId}/workspaces`, { body })).status).toBe(200);
  });

  it('400s names, lengths and visibilities the spec does not allow', async () => {
    const { orgId } = await exampleIds(fx.api);
    const create = (workspace: Record<string, unknown>) =>
      fx.api('POST', `/orgs/${orgId}/workspaces`, { body: { workspace } });
    for (const name of ['x', 'no spaces', 'a__b', 'a-', 'é-accent', 'a'.repeat(40)]) {
      expect((await create({ name, fullName: 'F', visibility: 'PRIVATE' })).status, name).toBe(400);
    }
    expect((await create({ name: 'a'.repeat(39), fullName: 'F', visibility: 'PRIVATE' })).status).toBe(200);
    expect((await create({ name: 'okname', fullName: 'F'.repeat(101), visibility: 'PRIVATE' })).status).toBe(
      400,
    );
    expect(
      (await create({ name: 'okname', fullName: 'F', description: 'd'.repeat(1001), visibility: 'PRIVATE' }))
        .status,
    ).toBe(400);
    const badVisibility = await create({ name: 'okname', fullName: 'F', visibility: 'public' });
    expect(badVisibility.status).toBe(400);
    expect(badVisibility.body.message).toMatch(/PRIVATE or SHARED/);
    expect((await create({ name: 'okname', visibility: 'PRIVATE' })).body.message).toMatch(
      /fullName is required/,
    );
  });

  it('updates in place (200 with the workspace) and keeps what the body does not send', async () => {
    const { orgId, sharedWsId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/workspaces/${sharedWsId}`, {
      body: { description: 'Now described' },
    });
    expect(res.status).toBe(200);
    expect(res.body.workspace).toMatchObject({
      name: 'community-shared',
      visibility: 'SHARED',
      description: 'Now described',
    });
    const cleared = await fx.api('PUT', `/orgs/${orgId}/workspaces/${sharedWsId}`, {
      body: { description: null },
    });
    expect(cleared.body.workspace.description).toBeNull();
    expect(cleared.body.workspace.visibility).toBe('SHARED');
    const renamed = await fx.api('PUT', `/orgs/${orgId}/workspaces/${sharedWsId}`, {
      body: { name: 'ausgen', fullName: 'x', description: 'y', visibility: 'SHARED' },
    });
    expect(renamed.status).toBe(409);
  });

  it('lists every workspace to an org owner but only their own to a member; deletes', async () => {
    const { orgId, sharedWsId } = await exampleIds(fx.api);
    const all = (await fx.api('GET', `/orgs/${orgId}/workspaces`)).body.workspaces;
    expect(all.map((w: { name: string }) => w.name)).toEqual(['ausgen', 'community-shared']);
    expect(Object.keys(all[0]).sort()).toEqual([
      'dateCreated',
      'description',
      'fullName',
      'id',
      'lastUpdated',
      'name',
      'visibility',
    ]);
    const member = apiCaller(fx.emu.endpoint, MEMBER_TOKEN);
    expect((await member('DELETE', `/orgs/${orgId}/workspaces/${sharedWsId}`)).status).toBe(403);
    expect((await fx.api('DELETE', `/orgs/${orgId}/workspaces/${sharedWsId}`)).status).toBe(204);
    expect((await fx.api('GET', `/orgs/${orgId}/workspaces/${sharedWsId}`)).status).toBe(404);
    expect((await fx.api('GET', '/pipelines', { query: { workspaceId: sharedWsId } })).status).toBe(404);
  });

  it('refuses workspace creation to a plain member', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await apiCaller(fx.emu.endpoint, MEMBER_TOKEN)('POST', `/orgs/${orgId}/workspaces`, {
      body: { workspace: { name: 'mine', fullName: 'Mine', visibility: 'PRIVATE' } },
    });
    expect(res.status).toBe(403);
  });
});

describe('emulator: organisations', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('creates an org owned by its creator, 409s a taken name and updates it', async () => {
    const res = await fx.api('POST', '/orgs', {
      body: { organization: { name: 'new-org', fullName: 'New Org' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.organization).toMatchObject({
      name: 'new-org',
      fullName: 'New Org',
      memberRole: 'owner',
    });
    const orgId = res.body.organization.orgId;
    expect(
      (await fx.api('POST', '/orgs', { body: { organization: { name: 'biocommons', fullName: 'x' } } }))
        .status,
    ).toBe(409);
    expect(
      (await fx.api('PUT', `/orgs/${orgId}`, { body: { fullName: 'Renamed', website: 'https://x.org' } }))
        .status,
    ).toBe(204);
    expect((await fx.api('GET', `/orgs/${orgId}`)).body.organization).toMatchObject({
      name: 'new-org',
      fullName: 'Renamed',
      website: 'https://x.org',
    });
    expect((await fx.api('PUT', `/orgs/${orgId}`, { body: { name: 'biocommons' } })).status).toBe(409);
    const owned = (await fx.api('GET', '/orgs', { query: { role: 'owner' } })).body;
    expect(owned.organizations.map((o: { name: string }) => o.name)).toEqual([
      'biocommons',
      'sso-org',
      'new-org',
    ]);
    // Not paged: the platform sends a null totalSize.
    expect(owned.totalSize).toBeNull();
  });

  it('shows only the orgs the caller belongs to', async () => {
    const res = await apiCaller(fx.emu.endpoint, MEMBER_TOKEN)('GET', '/orgs');
    expect(res.body.organizations).toEqual([
      expect.objectContaining({ name: 'biocommons', memberRole: 'member' }),
    ]);
  });
});
