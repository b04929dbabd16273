/** The emulator's custom roles (`/roles?orgId=`) and its teams linked to an identity provider group. */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { exampleIds, exampleSeed, MEMBER_TOKEN, useEmulator } from '../../helpers/emulator.js';

function seedWith(org: Partial<NonNullable<EmulatorSeed['orgs']>[number]>): EmulatorSeed {
  const seed = exampleSeed();
  return { ...seed, orgs: seed.orgs!.map((o) => (o.name === 'biocommons' ? { ...o, ...org } : o)) };
}

describe('emulator: custom roles', () => {
  const fx = useEmulator(() => ({
    seed: seedWith({
      customRoles: [
        'pipeline-runner',
        { name: 'curator', description: 'Curates', permissions: ['dataset:write'] },
      ],
      teams: [
        { name: 'ausgen-admins', description: 'Admins of AusGen', members: ['jane.citizen@example.edu.au'] },
        {
          name: 'sso-team',
          description: 'From the IdP',
          members: ['jane.citizen@example.edu.au'],
          idpGroupId: 7,
        },
      ],
    }),
  }));

  it('lists predefined and custom roles without permissions, paged and filtered; a describe has them', async () => {
    const { orgId } = await exampleIds(fx.api);
    const custom = await fx.api('GET', '/roles', { query: { orgId, type: 'custom' } });
    expect(custom.body).toEqual({
      roles: [
        { name: 'pipeline-runner', description: 'pipeline-runner', isPredefined: false },
        { name: 'curator', description: 'Curates', isPredefined: false },
      ],
      totalSize: 2,
    });
    const all = await fx.api('GET', '/roles', { query: { orgId, max: 2, offset: 5 } });
    expect(all.body).toMatchObject({ totalSize: 8, roles: [{ name: 'view' }, { name: 'pipeline-runner' }] });
    expect((await fx.api('GET', '/roles/curator', { query: { orgId } })).body).toEqual({
      role: { name: 'curator', description: 'Curates', isPredefined: false, permissions: ['dataset:write'] },
    });
    expect((await fx.api('GET', '/roles/nobody', { query: { orgId } })).status).toBe(404);
  });

  it('refuses duplicate and predefined names, unknown permissions and a missing description; only owners write', async () => {
    const { orgId } = await exampleIds(fx.api);
    const post = (body: unknown, token?: string) =>
      fx.api('POST', '/roles', { query: { orgId }, body, ...(token === undefined ? {} : { token }) });
    expect((await post({ name: 'curator', description: 'x', permissions: [] })).status).toBe(409);
    expect((await post({ name: 'Admin', description: 'x', permissions: [] })).status).toBe(409);
    expect((await post({ name: 'reader', description: 'x', permissions: ['dataset:raed'] })).status).toBe(
      400,
    );
    expect((await post({ name: 'reader', permissions: [] })).status).toBe(400);
    expect((await post({ name: 'reader', description: 'x', permissions: [] }, MEMBER_TOKEN)).status).toBe(
      403,
    );
    expect((await post({ name: 'reader', description: 'x', permissions: ['dataset:read'] })).status).toBe(
      201,
    );
  });

  it('refuses to delete a role a participant holds; a rename keeps the assignments', async () => {
    const { orgId, wsId } = await exampleIds(fx.api);
    const participants = (await fx.api('GET', `/orgs/${orgId}/workspaces/${wsId}/participants`)).body
      .participants as { participantId: number; email: string | null; wspRole: string }[];
    const john = participants.find((p) => p.email === 'john.member@example.edu.au')!;
    const rolePath = `/orgs/${orgId}/workspaces/${wsId}/participants/${john.participantId}/role`;
    expect((await fx.api('PUT', rolePath, { body: { role: 'curator' } })).status).toBe(204);
    expect((await fx.api('DELETE', '/roles/curator', { query: { orgId } })).status).toBe(400);

    const renamed = await fx.api('PUT', '/roles/curator', {
      query: { orgId },
      body: { name: 'data-curator', description: 'Curates', permissions: ['dataset:write'] },
    });
    expect(renamed.status).toBe(204);
    const after = (await fx.api('GET', `/orgs/${orgId}/workspaces/${wsId}/participants`)).body
      .participants as {
      email: string | null;
      wspRole: string;
    }[];
    expect(after.find((p) => p.email === 'john.member@example.edu.au')?.wspRole).toBe('data-curator');

    expect((await fx.api('PUT', rolePath, { body: { role: 'launch' } })).status).toBe(204);
    expect((await fx.api('DELETE', '/roles/data-curator', { query: { orgId } })).status).toBe(204);
  });

  it('sends the IdP group of a linked team only, and an update without it removes the link', async () => {
    const { orgId } = await exampleIds(fx.api);
    const teams = async () =>
      (await fx.api('GET', `/orgs/${orgId}/teams`)).body.teams as {
        teamId: number;
        name: string;
        idpGroupId?: number;
      }[];
    const sso = (await teams()).find((t) => t.name === 'sso-team')!;
    expect(sso).toMatchObject({ idpGroupId: 7, idpGroupName: 'idp-group-7' });
    expect((await teams()).find((t) => t.name === 'ausgen-admins')).not.toHaveProperty('idpGroupId');
    await fx.api('PUT', `/orgs/${orgId}/teams/${sso.teamId}`, {
      body: { name: 'sso-team', description: 'x', idpGroupId: 7 },
    });
    expect((await teams()).find((t) => t.name === 'sso-team')?.idpGroupId).toBe(7);
    await fx.api('PUT', `/orgs/${orgId}/teams/${sso.teamId}`, {
      body: { name: 'sso-team', description: 'x' },
    });
    expect((await teams()).find((t) => t.name === 'sso-team')).not.toHaveProperty('idpGroupId');
  });
});

describe('emulator: an organisation without custom roles', () => {
  const fx = useEmulator(() => ({ seed: seedWith({ customRolesEnabled: false }) }));

  it('answers every role endpoint with 403', async () => {
    const { orgId } = await exampleIds(fx.api);
    expect((await fx.api('GET', '/roles', { query: { orgId } })).status).toBe(403);
    expect((await fx.api('GET', '/roles/permissions', { query: { orgId } })).status).toBe(403);
    expect(
      (
        await fx.api('POST', '/roles', {
          query: { orgId },
          body: { name: 'x1', description: 'x', permissions: [] },
        })
      ).status,
    ).toBe(403);
  });
});
