/**
 * The emulator's data links: custom and discovered links, paging without a
 * total size, 202 answers while buckets are discovered (seeded, or after
 * cloud credentials are created), unique names, provider and URI checks,
 * discovered links that cannot be edited or deleted, credentials deleted
 * under links, and permissions.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';

const OWNER = 'links-owner-token';
const VIEWER = 'links-viewer-token';

function seed(dataLinksFetching = 0): EmulatorSeed {
  return {
    users: [
      { userName: 'owner', email: 'owner@example.org', token: OWNER },
      { userName: 'viewer', email: 'viewer@example.org', token: VIEWER },
    ],
    orgs: [
      {
        name: 'linked',
        members: [
          { email: 'owner@example.org', role: 'owner' },
          { email: 'viewer@example.org', role: 'member' },
        ],
        workspaces: [
          {
            name: 'lab',
            participants: [{ email: 'viewer@example.org', role: 'view' }],
            credentials: [
              { name: 'aws-main', provider: 'aws', keys: { accessKey: 'AKIA' } },
              { name: 'gcp', provider: 'google', keys: { data: '{}' } },
            ],
            dataLinks: [
              { name: 'refs', provider: 'aws', resourceRef: 's3://refs', credentials: 'aws-main' },
              {
                name: 'found',
                provider: 'aws',
                resourceRef: 's3://found',
                credentials: 'aws-main',
                region: 'eu-west-1',
                discovered: true,
              },
            ],
            dataLinksFetching,
          },
        ],
      },
    ],
  };
}

interface Link {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly credentials: readonly { readonly id: string; readonly name: string }[];
}

async function wsIdOf(api: ApiCall): Promise<number> {
  const orgs = (await api('GET', '/orgs')).body.organizations as { orgId: number }[];
  const wss = (await api('GET', `/orgs/${orgs[0]?.orgId ?? 0}/workspaces`)).body.workspaces as {
    id: number;
  }[];
  return wss[0]?.id ?? 0;
}

describe('emulator: data links', () => {
  const fx = useEmulator(() => ({ seed: seed(), dataLinkFetchAnswers: 1 }));
  const owner = (): ApiCall => apiCaller(fx.emu.endpoint, OWNER);
  const list = async (query: Record<string, string | number> = {}) => {
    const api = owner();
    return api('GET', '/data-links', { query: { workspaceId: await wsIdOf(api), ...query } });
  };

  it('lists custom and discovered links by name, paged without a total size, filtered by search', async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect((all.body.dataLinks as Link[]).map((l) => [l.name, l.id.slice(0, 9)])).toEqual([
      ['found', 'v1-cloud-'],
      ['refs', 'v1-user-0'],
    ]);
    expect(all.body.totalSize).toBeUndefined();
    expect(((await list({ max: 1, offset: 1 })).body.dataLinks as Link[]).map((l) => l.name)).toEqual([
      'refs',
    ]);
    expect(((await list({ search: 'ref' })).body.dataLinks as Link[]).map((l) => l.name)).toEqual(['refs']);
  });

  it('creates, updates and deletes a custom link; names are unique, URIs fit the provider', async () => {
    const api = owner();
    const q = { workspaceId: await wsIdOf(api) };
    const creds = (await api('GET', '/credentials', { query: q })).body.credentials as {
      id: string;
      name: string;
    }[];
    const gcp = creds.find((c) => c.name === 'gcp')?.id;
    const aws = creds.find((c) => c.name === 'aws-main')?.id;
    const created = await api('POST', '/data-links', {
      query: q,
      body: {
        name: 'gdata',
        provider: 'google',
        resourceRef: 'gs://gdata',
        type: 'bucket',
        credentialsId: gcp,
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'gdata', provider: 'google', credentials: [{ name: 'gcp' }] });
    const refuse = async (body: Record<string, unknown>, message: RegExp) => {
      const res = await api('POST', '/data-links', { query: q, body: { type: 'bucket', ...body } });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    };
    await refuse({ name: 'found', provider: 'aws', resourceRef: 's3://x' }, /already exists/);
    await refuse({ name: 'x', provider: 'google', resourceRef: 's3://x' }, /expected gs:\/\/<bucket>/);
    await refuse({ name: 'x', provider: 'ftp', resourceRef: 'ftp://x' }, /aws, google and azure/);
    await refuse({ name: 'x', provider: 'google', resourceRef: 'gs://x', credentialsId: aws }, /not google/);

    const id = created.body.id as string;
    const updated = await api('PUT', `/data-links/${id}`, {
      query: q,
      body: { name: 'gdata-2', description: 'Data' },
    });
    expect(updated.body).toMatchObject({
      name: 'gdata-2',
      description: 'Data',
      credentials: [{ name: 'gcp' }],
    });
    expect((await api('GET', `/data-links/${id}`, { query: q })).body.dataLink).toMatchObject({
      name: 'gdata-2',
    });
    expect((await api('DELETE', `/data-links/${id}`, { query: q })).status).toBe(204);
    expect((await api('DELETE', `/data-links/${id}`, { query: q })).status).toBe(404);
  });

  it('refuses to update or delete a discovered link', async () => {
    const api = owner();
    const q = { workspaceId: await wsIdOf(api) };
    const found = ((await list()).body.dataLinks as Link[]).find((l) => l.name === 'found');
    const edit = await api('PUT', `/data-links/${found?.id ?? ''}`, { query: q, body: { name: 'renamed' } });
    expect(edit.status).toBe(400);
    expect(edit.body.message).toBe("Data-link 'found' was discovered from credentials and cannot be updated");
    expect((await api('DELETE', `/data-links/${found?.id ?? ''}`, { query: q })).status).toBe(400);
  });

  it('answers 202 with the custom links only after cloud credentials are created, then the whole list', async () => {
    const api = owner();
    const q = { workspaceId: await wsIdOf(api) };
    expect((await list()).status).toBe(200);
    await api('POST', '/credentials', {
      query: q,
      body: {
        credentials: { name: 'aws-new', provider: 'aws', keys: { discriminator: 'aws', accessKey: 'A' } },
      },
    });
    const fetching = await list();
    expect(fetching.status).toBe(202);
    expect((fetching.body.dataLinks as Link[]).map((l) => l.name)).toEqual(['refs']);
    const done = await list();
    expect(done.status).toBe(200);
    expect((done.body.dataLinks as Link[]).map((l) => l.name)).toEqual(['found', 'refs']);
  });

  it('deleting credentials removes the links discovered with them and detaches custom ones', async () => {
    const api = owner();
    const q = { workspaceId: await wsIdOf(api) };
    const creds = (await api('GET', '/credentials', { query: q })).body.credentials as {
      id: string;
      name: string;
    }[];
    const aws = creds.find((c) => c.name === 'aws-main')?.id ?? '';
    expect((await api('DELETE', `/credentials/${aws}`, { query: q })).status).toBe(204);
    expect(((await list()).body.dataLinks as Link[]).map((l) => [l.name, l.credentials])).toEqual([
      ['refs', []],
    ]);
  });

  it('lets a viewer list links but not change them', async () => {
    const viewer = apiCaller(fx.emu.endpoint, VIEWER);
    const q = { workspaceId: await wsIdOf(owner()) };
    expect((await viewer('GET', '/data-links', { query: q })).status).toBe(200);
    const create = await viewer('POST', '/data-links', {
      query: q,
      body: { name: 'nope', provider: 'aws', resourceRef: 's3://nope', type: 'bucket' },
    });
    expect(create.status).toBe(403);
  });
});

describe('emulator: a seeded bucket discovery', () => {
  const fx = useEmulator(() => ({ seed: seed(2) }));

  it('answers 202 as many times as seeded, and the snapshot keeps what is left', async () => {
    const api = apiCaller(fx.emu.endpoint, OWNER);
    const q = { workspaceId: await wsIdOf(api) };
    expect((await api('GET', '/data-links', { query: q })).status).toBe(202);
    const workspace = fx.emu.snapshot().orgs?.[0]?.workspaces?.[0];
    expect(workspace?.dataLinksFetching).toBe(1);
    expect(workspace?.dataLinks?.map((l) => [l.name, l.discovered === true])).toEqual([
      ['refs', false],
      ['found', true],
    ]);
    expect((await api('GET', '/data-links', { query: q })).status).toBe(202);
    expect((await api('GET', '/data-links', { query: q })).status).toBe(200);
  });
});
