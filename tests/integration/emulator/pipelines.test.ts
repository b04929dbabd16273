import { describe, expect, it } from 'vitest';
import { exampleIds, exampleSeed, useEmulator, type ApiCall } from '../../helpers/emulator.js';

async function setup(api: ApiCall) {
  const ids = await exampleIds(api);
  const q = { workspaceId: ids.wsId };
  const ceId: string = (await api('GET', '/compute-envs', { query: q })).body.computeEnvs[0].id;
  const rnaseq = (await api('GET', '/pipelines', { query: { ...q, attributes: 'labels' } })).body
    .pipelines[0];
  const launch = {
    pipeline: 'https://github.com/nf-core/rnaseq',
    revision: '3.14.0',
    computeEnvId: ceId,
    workDir: 's3://ausgen-work/scratch',
    configProfiles: ['test'],
    paramsText: '{"outdir":"s3://ausgen-results"}',
  };
  return { ...ids, q, ceId, rnaseq, launch };
}

describe('emulator: pipelines', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('lists with labels, describes and returns the launch with the full compute environment', async () => {
    const { q, rnaseq, ceId, wsId } = await setup(fx.api);
    expect(rnaseq).toMatchObject({
      name: 'rnaseq',
      repository: 'https://github.com/nf-core/rnaseq',
      workspaceId: wsId,
      workspaceName: 'ausgen',
      orgName: 'biocommons',
      labels: [expect.objectContaining({ name: 'genomics' })],
      version: expect.objectContaining({ isDefault: true }),
    });
    const described = (await fx.api('GET', `/pipelines/${rnaseq.pipelineId}`, { query: q })).body.pipeline;
    expect(described.pipelineId).toBe(rnaseq.pipelineId);
    expect(described).not.toHaveProperty('labels');
    const launch = (await fx.api('GET', `/pipelines/${rnaseq.pipelineId}/launch`, { query: q })).body.launch;
    expect(launch).toMatchObject({
      pipeline: 'https://github.com/nf-core/rnaseq',
      revision: '3.14.0',
      workDir: 's3://ausgen-work/scratch',
      configProfiles: ['test'],
      paramsText: '{"outdir":"s3://ausgen-results"}',
      computeEnv: expect.objectContaining({ id: ceId, name: 'aws-sydney', platform: 'aws-batch' }),
    });
    expect(launch).not.toHaveProperty('computeEnvId');
  });

  it('an update that changes launch fields creates an unnamed draft version that is not the default', async () => {
    const { q, rnaseq, launch } = await setup(fx.api);
    const path = `/pipelines/${rnaseq.pipelineId}`;
    const updated = await fx.api('PUT', path, {
      query: q,
      body: {
        name: 'rnaseq',
        description: 'nf-core/rnaseq',
        labelIds: [rnaseq.labels[0].id],
        launch: { ...launch, revision: '3.15.0' },
      },
    });
    expect(updated.status).toBe(200);
    const draft = updated.body.pipeline.version;
    expect(draft).toMatchObject({ isDefault: false });
    expect(draft).not.toHaveProperty('name');
    expect(draft.id).not.toBe(rnaseq.version.id);
    // The Launchpad keeps launching the default version.
    expect((await fx.api('GET', `${path}/launch`, { query: q })).body.launch.revision).toBe('3.14.0');
    expect((await fx.api('GET', path, { query: q })).body.pipeline.version.id).toBe(rnaseq.version.id);
    const versions = (await fx.api('GET', `${path}/versions`, { query: q })).body;
    expect(versions.totalSize).toBe(2);
    // The same update again reuses the draft instead of piling up versions.
    await fx.api('PUT', path, {
      query: q,
      body: { name: 'rnaseq', labelIds: [rnaseq.labels[0].id], launch: { ...launch, revision: '3.15.0' } },
    });
    expect((await fx.api('GET', `${path}/versions`, { query: q })).body.totalSize).toBe(2);
    // Naming and promoting the draft makes it what launches.
    const manage = await fx.api('PUT', `${path}/versions/${draft.id}/manage`, {
      query: q,
      body: { name: 'v3-15-0', isDefault: true },
    });
    expect(manage.status).toBe(204);
    expect((await fx.api('GET', `${path}/launch`, { query: q })).body.launch.revision).toBe('3.15.0');
    const promoted = (await fx.api('GET', path, { query: q })).body.pipeline.version;
    expect(promoted).toMatchObject({ id: draft.id, name: 'v3-15-0', isDefault: true });
    expect(
      (await fx.api('GET', `${path}/launch`, { query: { ...q, versionId: rnaseq.version.id } })).body.launch
        .revision,
    ).toBe('3.14.0');
  });

  it('an update without launch changes keeps the version; omitted labelIds clear the labels', async () => {
    const { q, rnaseq, launch } = await setup(fx.api);
    const path = `/pipelines/${rnaseq.pipelineId}`;
    const res = await fx.api('PUT', path, {
      query: q,
      body: { name: 'rnaseq', description: 'new text', launch },
    });
    expect(res.body.pipeline.version.id).toBe(rnaseq.version.id);
    const after = (await fx.api('GET', '/pipelines', { query: { ...q, attributes: 'labels' } })).body
      .pipelines[0];
    expect(after).toMatchObject({ description: 'new text', labels: [] });
    expect((await fx.api('GET', `${path}/versions`, { query: q })).body.totalSize).toBe(1);
  });

  it('version management rules: unique names, one default that cannot be unset, drafts named before promotion', async () => {
    const { q, rnaseq, launch } = await setup(fx.api);
    const path = `/pipelines/${rnaseq.pipelineId}`;
    const draft = (
      await fx.api('PUT', path, {
        query: q,
        body: { name: 'rnaseq', launch: { ...launch, revision: 'dev' } },
      })
    ).body.pipeline.version;
    const manage = (versionId: string, body: Record<string, unknown>) =>
      fx.api('PUT', `${path}/versions/${versionId}/manage`, { query: q, body });
    expect((await manage(rnaseq.version.id, { name: 'first', isDefault: false })).status).toBe(409);
    expect((await manage(draft.id, { isDefault: true })).status).toBe(400);
    expect((await manage(rnaseq.version.id, { name: 'first' })).status).toBe(204);
    expect((await manage(draft.id, { name: 'first' })).status).toBe(409);
    expect((await manage('no-such-version', { name: 'x' })).status).toBe(404);
    const named = (await fx.api('GET', `${path}/versions`, { query: { ...q, isPublished: true } })).body;
    expect(named.versions.map((v: { version: { name: string } }) => v.version.name)).toEqual(['first']);
  });

  it('requires a compute environment and a work dir in a private workspace, not in a shared one', async () => {
    const { q, sharedWsId, launch } = await setup(fx.api);
    const create = (workspaceId: number, body: Record<string, unknown>) =>
      fx.api('POST', '/pipelines', { query: { workspaceId }, body });
    const noCe = await create(q.workspaceId, {
      name: 'p1',
      launch: { pipeline: launch.pipeline, workDir: 's3://w' },
    });
    expect(noCe.status).toBe(400);
    expect(noCe.body.message).toMatch(/Missing launching environment profile/);
    const noWorkDir = await create(q.workspaceId, {
      name: 'p1',
      launch: { pipeline: launch.pipeline, computeEnvId: launch.computeEnvId },
    });
    expect(noWorkDir.body.message).toMatch(/Missing launching work directory/);
    expect(
      (await create(q.workspaceId, { name: 'p1', launch: { ...launch, computeEnvId: 'missing' } })).status,
    ).toBe(400);
    expect((await create(q.workspaceId, { name: 'rnaseq', launch })).status).toBe(409);
    expect(
      (await create(q.workspaceId, { name: 'p1', launch: { ...launch, headJobCpus: 'two' } })).status,
    ).toBe(400);
    expect((await create(sharedWsId, { name: 'p1', launch: { pipeline: launch.pipeline } })).status).toBe(
      200,
    );
  });

  it("lists pipelines of the org's shared workspaces with visibility=all (workspaceId tells them apart)", async () => {
    const { q, wsId, sharedWsId } = await setup(fx.api);
    const own = (await fx.api('GET', '/pipelines', { query: q })).body.pipelines;
    expect(own.map((p: { name: string }) => p.name)).toEqual(['rnaseq']);
    const all = (await fx.api('GET', '/pipelines', { query: { ...q, visibility: 'all' } })).body;
    expect(all.pipelines.map((p: { name: string; workspaceId: number }) => [p.name, p.workspaceId])).toEqual([
      ['rnaseq', wsId],
      ['sarek', sharedWsId],
    ]);
    expect(all.totalSize).toBe(2);
    const quoted = (
      await fx.api('GET', '/pipelines', { query: { ...q, visibility: 'all', search: '"sarek"' } })
    ).body;
    expect(quoted.totalSize).toBe(1);
  });

  it('deletes a pipeline', async () => {
    const { q, rnaseq } = await setup(fx.api);
    expect((await fx.api('DELETE', `/pipelines/${rnaseq.pipelineId}`, { query: q })).status).toBe(204);
    expect((await fx.api('GET', `/pipelines/${rnaseq.pipelineId}`, { query: q })).status).toBe(404);
  });
});
