import { describe, expect, it } from 'vitest';
import { address } from '../../../src/model/address.js';
import { launchDigest, launchFieldsOf } from '../../../src/kinds/pipelines/launch-fields.js';
import { aDesiredPipeline, anActualPipeline } from '../../helpers/builders.js';
import {
  AWS_CREDENTIAL,
  ORG,
  WS,
  aPlan,
  aWorld,
  pipelineAction,
  seededComputeEnv,
  seededPipeline,
  type World,
  type WorldOptions,
} from './plan-fixtures.js';
import { pipelineReads, pipelineWrites } from '../../../src/kinds/pipelines/api.js';

const CE = address.computeEnv(ORG, WS, 'aws-sydney');
const UPDATE = 'PUT /pipelines/{id}';
const MANAGE = 'PUT /pipelines/{id}/versions/{id}/manage';
const VERSIONS = 'GET /pipelines/{id}/versions';

/** A world with a compute environment to launch on (and, optionally, more of the workspace). */
async function withComputeEnv(options: WorldOptions = {}): Promise<World & { readonly ceId: string }> {
  const w = await aWorld({
    ...options,
    workspace: {
      credentials: [AWS_CREDENTIAL],
      computeEnvironments: [seededComputeEnv()],
      labels: [{ name: 'genomics' }, { name: 'rna' }],
      ...options.workspace,
    },
  });
  return Object.assign(w, { ceId: w.ids.computeEnv('aws-sydney') });
}

function rnaseq(w: World) {
  return w.workspace().pipelines?.find((p) => p.name === 'rnaseq');
}

/** rnaseq at revision 3.13.0 with two labels; the plan updates it to the builder's 3.14.0. */
async function updateWorld(options: WorldOptions = {}, extraVersions: Record<string, unknown>[] = []) {
  const desired = aDesiredPipeline({ description: 'RNA-seq' });
  const w = await withComputeEnv({
    ...options,
    workspace: {
      pipelines: [
        seededPipeline(
          'rnaseq',
          { revision: '3.13.0' },
          {
            labels: ['genomics', 'rna'],
            versionName: 'first',
            versions: extraVersions.map((launch) => ({
              launch: { pipeline: 'https://github.com/nf-core/rnaseq', ...launch },
            })),
          },
        ),
      ],
    },
  });
  const listed = (await w.client.use(pipelineReads).listPipelines(w.wsId)).find((p) => p.name === 'rnaseq');
  const labelIds = (listed?.labels ?? []).map((l) => l.id);
  const expectedLaunch = { ...launchFieldsOf(desired), computeEnvId: w.ceId };
  // Further versions carry the digest name, as an earlier run would have left them.
  const pipelineId = w.ids.pipeline('rnaseq');
  for (const version of await w.client.use(pipelineReads).listPipelineVersions(w.wsId, pipelineId)) {
    if (version.version?.isDefault === true || version.version === undefined || version.version === null)
      continue;
    await w.client.use(pipelineWrites).managePipelineVersion(w.wsId, pipelineId, version.version.id, {
      name: launchDigest(expectedLaunch),
      isDefault: false,
    });
  }
  w.emu.clearRequestLog();
  const action = pipelineAction('update', {
    desired,
    current: anActualPipeline({
      pipelineId: w.ids.pipeline('rnaseq'),
      labelIds,
      versionId: w.ids.defaultVersion('rnaseq'),
      versionName: 'first',
    }),
    changes: [{ field: 'launch.revision', from: '3.13.0', to: '3.14.0' }],
  });
  return { w, action, labelIds, expectedLaunch, plan: aPlan([action], { ...w.liveIds, [CE]: w.ceId }) };
}

describe('pipelines', () => {
  it('create sends the launch with the resolved CE id and names the first version after the digest', async () => {
    const w = await withComputeEnv();
    const report = await w.apply(aPlan([pipelineAction('create')], { ...w.liveIds, [CE]: w.ceId }));
    expect(report.failed).toEqual([]);
    const launch = { ...launchFieldsOf(aDesiredPipeline()), computeEnvId: w.ceId };
    expect(w.entries('POST /pipelines')[0]?.body).toEqual({
      name: 'rnaseq',
      launch,
      version: { name: launchDigest(launch) },
    });
    expect(w.workspace().pipelines?.map((p) => [p.name, p.versionName, p.launch.computeEnv])).toEqual([
      ['rnaseq', launchDigest(launch), 'aws-sydney'],
    ]);
  });

  it('update sends the current labelIds and the launch, then names and promotes the draft', async () => {
    const { w, plan, labelIds, expectedLaunch } = await updateWorld();
    const report = await w.apply(plan);
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual([UPDATE, MANAGE]);
    expect(w.entries(UPDATE)[0]?.body).toEqual({
      name: 'rnaseq',
      description: 'RNA-seq',
      labelIds,
      launch: expectedLaunch,
    });
    expect(w.entries(MANAGE)[0]?.body).toEqual({ name: launchDigest(expectedLaunch), isDefault: true });
    expect(rnaseq(w)).toMatchObject({
      labels: ['genomics', 'rna'],
      versionName: launchDigest(expectedLaunch),
      launch: { revision: '3.14.0' },
    });
    expect(w.entries(VERSIONS)).toHaveLength(0);
  });

  it('finds the draft in the version list when the update answers with the default version', async () => {
    const { w, plan, expectedLaunch } = await updateWorld({ updateAnswersWithDraft: false });
    const report = await w.apply(plan);
    expect(report.failed).toEqual([]);
    expect(w.entries(VERSIONS)).toHaveLength(1);
    expect(rnaseq(w)).toMatchObject({
      versionName: launchDigest(expectedLaunch),
      launch: { revision: '3.14.0' },
    });
  });

  it('on a rerun promotes the version that already carries the digest name', async () => {
    const desired = aDesiredPipeline({ description: 'RNA-seq' });
    const { w, plan, expectedLaunch } = await updateWorld({}, [
      { revision: desired.revision, workDir: desired.workDir, computeEnv: 'aws-sydney' },
    ]);
    const digest = launchDigest(expectedLaunch);
    const report = await w.apply(plan);
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes).toEqual([`promoted the existing version ${digest}`]);
    const after = rnaseq(w);
    expect(after).toMatchObject({ versionName: digest, launch: { revision: '3.14.0' } });
    expect(after?.versions?.filter((v) => v.name === digest) ?? []).toEqual([]);
  });

  it('a description-only update creates no version and promotes nothing', async () => {
    const { w, plan, action } = await updateWorld();
    const descriptionOnly = aPlan(
      [{ ...action, changes: [{ field: 'description', from: 'x', to: 'RNA-seq' }] }],
      plan.liveIds,
    );
    const report = await w.apply(descriptionOnly);
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual([UPDATE]);
    expect(rnaseq(w)).toMatchObject({ description: 'RNA-seq', versionName: 'first' });
  });

  it('adopts a pipeline after a create lost behind a gateway error, without a second create', async () => {
    const w = await withComputeEnv();
    w.emu.scriptFault({ method: 'POST', path: '/pipelines', fault: { kind: 'lost-response', status: 502 } });
    const report = await w.apply(aPlan([pipelineAction('create')], { ...w.liveIds, [CE]: w.ceId }));
    expect(report.failed).toEqual([]);
    expect(w.entries('POST /pipelines')).toHaveLength(1);
    expect(w.entries(UPDATE)).toHaveLength(0);
    expect(w.workspace().pipelines?.map((p) => p.name)).toEqual(['rnaseq']);
  });

  it('delete tolerates an already deleted pipeline', async () => {
    const w = await aWorld();
    const report = await w.apply(
      aPlan([pipelineAction('delete', { current: anActualPipeline({ pipelineId: 999 }) })], w.liveIds),
    );
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes).toEqual(['it was already gone']);
    expect(w.writes()).toEqual(['DELETE /pipelines/{id}']);
  });
});
