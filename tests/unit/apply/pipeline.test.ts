import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { address } from '../../../src/model/address.js';
import { launchDigest, launchFieldsOf } from '../../../src/kinds/pipelines/launch-fields.js';
import { aDesiredPipeline, anActualPipeline } from '../../helpers/builders.js';
import { apiError, type FakeOptions } from '../../helpers/fake-client.js';
import { ORG, WS, aPlan, aWorld, options, pipelineAction } from './plan-fixtures.js';

const CE = address.computeEnv(ORG, WS, 'aws-sydney');

function updateWorld(fakeOptions: FakeOptions = {}) {
  const world = aWorld(fakeOptions);
  const ce = world.fake.seedComputeEnv(world.wsId, 'aws-sydney');
  const pipeline = world.fake.seedPipeline(
    world.wsId,
    'rnaseq',
    { pipeline: 'https://github.com/nf-core/rnaseq', revision: '3.13.0', computeEnvId: ce.id },
    [11, 12],
  );
  const desired = aDesiredPipeline({ description: 'RNA-seq' });
  const expectedLaunch = { ...launchFieldsOf(desired), computeEnvId: ce.id };
  const action = pipelineAction('update', {
    desired,
    current: anActualPipeline({
      pipelineId: pipeline.pipelineId,
      labelIds: [11, 12],
      versionId: pipeline.versions[0]!.id,
      versionName: 'first',
    }),
    changes: [{ field: 'launch.revision', from: '3.13.0', to: '3.14.0' }],
  });
  return {
    ...world,
    ce,
    pipeline,
    action,
    expectedLaunch,
    plan: aPlan([action], { ...world.liveIds, [CE]: ce.id }),
  };
}

describe('pipelines', () => {
  it('create sends the launch with the resolved CE id and names the first version after the digest', async () => {
    const { fake, wsId, liveIds } = aWorld();
    const report = await applyPlan(
      aPlan([pipelineAction('create')], { ...liveIds, [CE]: 'ce-1' }),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    const body = fake.callsTo('createPipeline')[0]?.args[1] as Record<string, unknown>;
    const launch = { ...launchFieldsOf(aDesiredPipeline()), computeEnvId: 'ce-1' };
    expect(body).toEqual({ name: 'rnaseq', launch, version: { name: launchDigest(launch) } });
    expect(fake.pipelines.filter((p) => p.workspaceId === wsId)).toHaveLength(1);
  });

  it('update sends the current labelIds and the launch, then names and promotes the draft', async () => {
    const { fake, pipeline, plan, expectedLaunch } = updateWorld();
    const report = await applyPlan(plan, fake, options());
    expect(report.failed).toEqual([]);
    const [update, manage] = fake.writeCalls();
    expect(update?.method).toBe('updatePipeline');
    expect(update?.args[2]).toEqual({
      name: 'rnaseq',
      description: 'RNA-seq',
      labelIds: [11, 12],
      launch: expectedLaunch,
    });
    expect(manage?.method).toBe('managePipelineVersion');
    expect(manage?.args[3]).toEqual({ name: launchDigest(expectedLaunch), isDefault: true });
    expect(pipeline.labelIds).toEqual([11, 12]);
    const def = pipeline.versions.find((v) => v.isDefault);
    expect(def?.name).toBe(launchDigest(expectedLaunch));
    expect(def?.launch['revision']).toBe('3.14.0');
    expect(fake.callsTo('listPipelineVersions')).toHaveLength(0);
  });

  it('finds the draft in the version list when the update answers with the default version', async () => {
    const { fake, pipeline, plan, expectedLaunch } = updateWorld({ draftInResponse: false });
    const report = await applyPlan(plan, fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.callsTo('listPipelineVersions')).toHaveLength(1);
    expect(pipeline.versions.find((v) => v.isDefault)?.name).toBe(launchDigest(expectedLaunch));
  });

  it('on a rerun promotes the version that already carries the digest name', async () => {
    const { fake, pipeline, plan, expectedLaunch } = updateWorld();
    const digest = launchDigest(expectedLaunch);
    pipeline.versions.push({ id: 'earlier', name: digest, isDefault: false, launch: { ...expectedLaunch } });
    const report = await applyPlan(plan, fake, options());
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes).toEqual([`promoted the existing version ${digest}`]);
    expect(pipeline.versions.find((v) => v.isDefault)?.id).toBe('earlier');
    expect(pipeline.versions.filter((v) => v.name === digest)).toHaveLength(1);
  });

  it('a description-only update creates no version and promotes nothing', async () => {
    const { fake, plan, action } = updateWorld();
    const descriptionOnly = aPlan(
      [{ ...action, changes: [{ field: 'description', from: 'x', to: 'RNA-seq' }] }],
      plan.liveIds,
    );
    const report = await applyPlan(descriptionOnly, fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.writeCalls().map((c) => c.method)).toEqual(['updatePipeline']);
  });

  it('adopts a pipeline after a lost create response without a second create', async () => {
    const { fake, wsId, liveIds } = aWorld();
    fake.fail('createPipeline', apiError(502, 'Bad gateway', 'POST'), { afterApply: true });
    const report = await applyPlan(
      aPlan([pipelineAction('create')], { ...liveIds, [CE]: 'ce-1' }),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.callsTo('createPipeline')).toHaveLength(1);
    expect(fake.callsTo('updatePipeline')).toHaveLength(0);
    expect(fake.pipelines.filter((p) => p.workspaceId === wsId)).toHaveLength(1);
  });

  it('delete tolerates an already deleted pipeline', async () => {
    const { fake, liveIds } = aWorld();
    const report = await applyPlan(
      aPlan([pipelineAction('delete', { current: anActualPipeline({ pipelineId: 999 }) })], liveIds),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes).toEqual(['it was already gone']);
  });
});
