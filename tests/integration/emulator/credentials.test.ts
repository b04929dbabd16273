import { describe, expect, it } from 'vitest';
import { eventually, exampleIds, exampleSeed, useEmulator } from '../../helpers/emulator.js';

describe('emulator: credentials', () => {
  const fx = useEmulator({ seed: exampleSeed(), ceCreateDelayMs: 10, ceDeleteDelayMs: 10 });

  it('never returns write-only key fields, and returns the others', async () => {
    const { wsId } = await exampleIds(fx.api);
    const list = (await fx.api('GET', '/credentials', { query: { workspaceId: wsId } })).body.credentials;
    const aws = list.find((c: { name: string }) => c.name === 'aws-main');
    expect(aws.keys).toEqual({ discriminator: 'aws', accessKey: 'AKIAEXAMPLE' });
    const github = list.find((c: { name: string }) => c.name === 'github');
    expect(github.keys).toEqual({ discriminator: 'github', username: 'bot', token: 'ghp_visible' });
    const described = (await fx.api('GET', `/credentials/${aws.id}`, { query: { workspaceId: wsId } })).body
      .credentials;
    expect(described).toMatchObject({ name: 'aws-main', provider: 'aws', keys: aws.keys, deleted: null });
    expect(JSON.stringify(described)).not.toContain('SECRET');
    expect(JSON.stringify(list)).not.toContain('SECRET');
  });

  it('creates credentials (discriminator required), 409s a duplicate name, 400s bad input', async () => {
    const { wsId } = await exampleIds(fx.api);
    const create = (credentials: Record<string, unknown>) =>
      fx.api('POST', '/credentials', { query: { workspaceId: wsId }, body: { credentials } });
    const ok = await create({
      name: 'gcp',
      provider: 'google',
      keys: { discriminator: 'google', data: '{"key":1}' },
    });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.credentialsId).toBe('string');
    expect(
      (await create({ name: 'gcp', provider: 'google', keys: { discriminator: 'google', data: 'x' } }))
        .status,
    ).toBe(409);
    const noDiscriminator = await create({ name: 'gcp2', provider: 'google', keys: { data: 'x' } });
    expect(noDiscriminator.status).toBe(400);
    expect(noDiscriminator.body.message).toMatch(/discriminator must equal the provider 'google'/);
    expect((await create({ name: 'bad name', provider: 'aws', keys: { discriminator: 'aws' } })).status).toBe(
      400,
    );
    expect(
      (await create({ name: 'x', provider: 'dropbox', keys: { discriminator: 'dropbox' } })).status,
    ).toBe(400);
    expect(
      (await fx.api('POST', '/credentials', { body: { credentials: { name: 'n', provider: 'aws' } } })).body
        .message,
    ).toMatch(/workspaceId is required/);
    const filtered = (
      await fx.api('GET', '/credentials', { query: { workspaceId: wsId, platformId: 'google-batch' } })
    ).body;
    expect(filtered.credentials.map((c: { name: string }) => c.name)).toEqual(['gcp']);
  });

  it('updates keys and description in place, keeping stored secrets it does not resend', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const aws = (await fx.api('GET', '/credentials', { query: q })).body.credentials[0];
    const res = await fx.api('PUT', `/credentials/${aws.id}`, {
      query: q,
      body: {
        credentials: {
          name: 'aws-main',
          provider: 'aws',
          description: 'rotated',
          keys: { discriminator: 'aws', accessKey: 'AKIANEW' },
        },
      },
    });
    expect(res.status).toBe(204);
    const after = (await fx.api('GET', `/credentials/${aws.id}`, { query: q })).body.credentials;
    expect(after).toMatchObject({ id: aws.id, description: 'rotated', keys: { accessKey: 'AKIANEW' } });
    const stored = fx.emu.snapshot().orgs![0]!.workspaces![0]!.credentials![0]!;
    expect(stored.keys).toEqual({ accessKey: 'AKIANEW', secretKey: 'SECRET-AWS' });
    const providerChange = await fx.api('PUT', `/credentials/${aws.id}`, {
      query: q,
      body: { credentials: { name: 'aws-main', provider: 'google', keys: { discriminator: 'google' } } },
    });
    expect(providerChange.status).toBe(400);
  });

  it('deleting credentials a compute environment uses succeeds, and then that CE cannot be deleted (409)', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const cred = (await fx.api('GET', '/credentials', { query: q })).body.credentials[0];
    const ce = (await fx.api('GET', '/compute-envs', { query: q })).body.computeEnvs[0];
    expect(ce.credentialsId).toBe(cred.id);
    expect((await fx.api('DELETE', `/credentials/${cred.id}`, { query: q })).status).toBe(204);
    const blocked = await fx.api('DELETE', `/compute-envs/${ce.id}`, { query: q });
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toMatch(/credentials .* were deleted first/);
  });

  it('deletes a CE and then its credentials, in the platform order', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const cred = (await fx.api('GET', '/credentials', { query: q })).body.credentials[0];
    const ce = (await fx.api('GET', '/compute-envs', { query: q })).body.computeEnvs[0];
    expect((await fx.api('DELETE', `/compute-envs/${ce.id}`, { query: q })).status).toBe(204);
    await eventually(async () =>
      (await fx.api('GET', '/compute-envs', { query: q })).body.computeEnvs.length === 0 ? true : undefined,
    );
    expect((await fx.api('DELETE', `/credentials/${cred.id}`, { query: q })).status).toBe(204);
    expect((await fx.api('GET', `/credentials/${cred.id}`, { query: q })).status).toBe(404);
  });
});

describe('emulator: pipeline secrets', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('creates, lists (never with values), updates the value and deletes', async () => {
    const { wsId } = await exampleIds(fx.api);
    const q = { workspaceId: wsId };
    const created = await fx.api('POST', '/pipeline-secrets', {
      query: q,
      body: { name: 'MY_TOKEN', value: 'shh' },
    });
    expect(created.status).toBe(200);
    const id = created.body.secretId;
    const list = (await fx.api('GET', '/pipeline-secrets', { query: q })).body;
    expect(list.totalSize).toBe(2);
    expect(list.pipelineSecrets.map((s: { name: string }) => s.name)).toEqual([
      'SENTIEON_LICENSE',
      'MY_TOKEN',
    ]);
    expect(JSON.stringify(list)).not.toMatch(/shh|license-value/);
    expect(
      (await fx.api('PUT', `/pipeline-secrets/${id}`, { query: q, body: { value: 'new' } })).status,
    ).toBe(204);
    const stored = fx.emu.snapshot().orgs![0]!.workspaces![0]!.secrets!;
    expect(stored).toContainEqual({ name: 'MY_TOKEN', value: 'new' });
    expect((await fx.api('DELETE', `/pipeline-secrets/${id}`, { query: q })).status).toBe(204);
    expect((await fx.api('GET', `/pipeline-secrets/${id}`, { query: q })).status).toBe(404);
  });

  it('409s a duplicate and 400s names outside the spec pattern', async () => {
    const { wsId } = await exampleIds(fx.api);
    const create = (name: string) =>
      fx.api('POST', '/pipeline-secrets', { query: { workspaceId: wsId }, body: { name, value: 'v' } });
    expect((await create('SENTIEON_LICENSE')).status).toBe(409);
    for (const name of ['A', 'has-dash', 'DOUBLE__UNDERSCORE', '1STARTS_WITH_DIGIT']) {
      expect((await create(name)).status, name).toBe(400);
    }
    expect((await create('_OK_NAME')).status).toBe(200);
  });
});
