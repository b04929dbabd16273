import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { temporaryComputeEnvName } from '../../../src/kinds/compute-environments/apply-replace.js';
import type { ApplyEvent } from '../../../src/apply/types.js';
import { address } from '../../../src/model/address.js';
import type { ComputeEnvAction } from '../../../src/model/plan.js';
import { aDesiredComputeEnv, anActualComputeEnv } from '../../helpers/builders.js';
import { apiError, type FakeOptions } from '../../helpers/fake-client.js';
import {
  ORG,
  WS,
  aPlan,
  aWorld,
  computeEnvAction,
  credentialAction,
  options,
  pipelineAction,
} from './plan-fixtures.js';

const CE = address.computeEnv(ORG, WS, 'aws-sydney');
const CRED = address.credential(ORG, WS, 'aws-main');

describe('compute environment create and wait', () => {
  it('creates with the discriminator and credentials id, then polls until AVAILABLE with progress', async () => {
    const { fake, wsId, liveIds } = aWorld({ ceCreatePolls: 2 });
    const events: ApplyEvent[] = [];
    const slept: number[] = [];
    let clock = 0;
    const report = await applyPlan(
      aPlan([computeEnvAction('create')], { ...liveIds, [CRED]: 'cred-1' }),
      fake,
      options({
        onEvent: (e) => events.push(e),
        sleep: (ms) => {
          slept.push(ms);
          clock += ms;
          return Promise.resolve();
        },
        now: () => clock,
      }),
    );
    expect(report.failed).toEqual([]);
    const body = fake.callsTo('createComputeEnv')[0]?.args[1] as Record<string, unknown>;
    expect(body).toMatchObject({
      name: 'aws-sydney',
      platform: 'aws-batch',
      credentialsId: 'cred-1',
      config: { discriminator: 'aws-batch', region: 'ap-southeast-2' },
    });
    expect(fake.callsTo('listComputeEnvs')).toHaveLength(3);
    expect(slept).toEqual([1000, 1000]);
    expect(events.filter((e) => e.type === 'waiting').map((e) => e.message)).toEqual([
      'waiting for compute environment aws-sydney: CREATING after 0s',
      'waiting for compute environment aws-sydney: CREATING after 1s',
    ]);
    expect(fake.computeEnvs.find((ce) => ce.workspaceId === wsId)?.status).toBe('AVAILABLE');
  });

  it('a new CE declared primary is made primary once AVAILABLE, as part of its create', async () => {
    const { fake, wsId, liveIds } = aWorld({ ceCreatePolls: 1 });
    const create = computeEnvAction('create', { desired: aDesiredComputeEnv({ primary: true }) });
    const report = await applyPlan(
      aPlan([create], { ...liveIds, [CRED]: 'cred-1' }),
      fake,
      options({ sleep: () => Promise.resolve() }),
    );
    expect(report.failed).toEqual([]);
    const calls = fake.calls.map((c) => c.method);
    expect(calls.indexOf('makePrimaryComputeEnv')).toBeGreaterThan(calls.lastIndexOf('listComputeEnvs'));
    expect(fake.computeEnvs.find((ce) => ce.workspaceId === wsId)).toMatchObject({
      status: 'AVAILABLE',
      primary: true,
    });
  });

  it('fails with the platform message when the CE ends ERRORED, and removes it so the next run retries', async () => {
    const { fake, liveIds } = aWorld({ erroredComputeEnvs: ['aws-sydney'] });
    const report = await applyPlan(
      aPlan([computeEnvAction('create'), pipelineAction('create')], { ...liveIds, [CRED]: 'cred-1' }),
      fake,
      options(),
    );
    expect(report.failed.map((f) => f.error)).toEqual([
      'compute environment aws-sydney ended ERRORED: Unable to create the AWS Batch queue: access denied; the failed compute environment aws-sydney was deleted',
    ]);
    expect(report.skipped.map((s) => s.address)).toEqual([address.pipeline(ORG, WS, 'rnaseq')]);
    expect(fake.callsTo('deleteComputeEnv')).toHaveLength(1);
  });

  it('stops a wait on Ctrl+C, and starts no further action', async () => {
    const { fake, liveIds } = aWorld({ ceCreatePolls: 1000 });
    const interrupt = new AbortController();
    let polls = 0;
    const report = await applyPlan(
      aPlan([computeEnvAction('create'), pipelineAction('create')], { ...liveIds, [CRED]: 'cred-1' }),
      fake,
      options({
        signal: interrupt.signal,
        // Ctrl+C during the third poll's sleep; the sleep itself never ends.
        sleep: () => {
          polls++;
          if (polls === 3) interrupt.abort();
          return polls >= 3 ? new Promise<void>(() => undefined) : Promise.resolve();
        },
      }),
    );
    expect(report.failed.map((f) => f.error)).toEqual(['interrupted while waiting']);
    expect(report.applied).toEqual([]);
    expect(report.skipped.map((s) => [s.address, s.because])).toEqual([
      [address.pipeline(ORG, WS, 'rnaseq'), 'interrupted before it started'],
    ]);
    expect(fake.callsTo('createPipeline')).toHaveLength(0);
  });

  it('gives up after the wait timeout (injected clock) and says so', async () => {
    const { fake, liveIds } = aWorld({ ceCreatePolls: 1000 });
    const report = await applyPlan(
      aPlan([computeEnvAction('create')], { ...liveIds, [CRED]: 'cred-1' }),
      fake,
      options({ waitTimeoutMs: 5_000, pollIntervalMs: 2_000 }),
    );
    expect(report.failed.map((f) => f.error)).toEqual([
      'compute environment aws-sydney was still CREATING after 5s (--wait-timeout)',
    ]);
    // Polls at 0, 2, 4 and 5 s (the last sleep is shortened to the deadline).
    expect(fake.callsTo('listComputeEnvs')).toHaveLength(4);
  });

  it('adopts a CREATING CE after a lost response instead of creating a second one', async () => {
    const { fake, wsId, liveIds } = aWorld({ ceCreatePolls: 1 });
    fake.fail('createComputeEnv', apiError(undefined, undefined, 'POST'), { afterApply: true });
    const report = await applyPlan(
      aPlan([computeEnvAction('create')], { ...liveIds, [CRED]: 'cred-1' }),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.computeEnvs.filter((ce) => ce.workspaceId === wsId)).toHaveLength(1);
  });
});

describe('compute environment update and delete', () => {
  it('updates description and credentials in place', async () => {
    const { fake, wsId, liveIds } = aWorld();
    const ce = fake.seedComputeEnv(wsId, 'aws-sydney');
    const report = await applyPlan(
      aPlan(
        [
          computeEnvAction('update', {
            desired: aDesiredComputeEnv({ description: 'Spot queue' }),
            current: anActualComputeEnv({ id: ce.id, credentialsId: 'old-cred' }),
          }),
        ],
        { ...liveIds, [CRED]: 'new-cred' },
      ),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.writeCalls()).toEqual([
      {
        method: 'updateComputeEnv',
        args: [wsId, ce.id, { description: 'Spot queue', credentialsId: 'new-cred' }],
      },
    ]);
  });

  it('deletes and waits until the CE is gone', async () => {
    const { fake, wsId, liveIds } = aWorld({ ceDeletePolls: 2 });
    const ce = fake.seedComputeEnv(wsId, 'aws-sydney');
    const report = await applyPlan(
      aPlan([computeEnvAction('delete', { current: anActualComputeEnv({ id: ce.id }) })], liveIds),
      fake,
      options(),
    );
    expect(report.applied).toHaveLength(1);
    expect(fake.callsTo('listComputeEnvs')).toHaveLength(3);
    expect(fake.computeEnvs).toHaveLength(0);
  });

  it('a delete refused with 409 (jobs running) fails with that reason and keeps the credentials', async () => {
    const { fake, wsId, liveIds } = aWorld();
    const ce = fake.seedComputeEnv(wsId, 'aws-sydney', { jobsRunning: true, credentialsId: 'cred-9' });
    const report = await applyPlan(
      aPlan(
        [
          computeEnvAction('delete', { current: anActualComputeEnv({ id: ce.id, credentialsId: 'cred-9' }) }),
          {
            ...credentialAction('delete'),
            current: { id: 'cred-9', name: 'aws-main', provider: 'aws', keys: {} },
          },
        ],
        liveIds,
      ),
      fake,
      options(),
    );
    expect(report.failed.map((f) => f.error)).toEqual([
      'the platform refused to delete compute environment aws-sydney because jobs are running on it (409: Conflicting deletion: active jobs)',
    ]);
    expect(report.skipped.map((s) => s.address)).toEqual([CRED]);
  });
});

describe('compute environment replace (create-before-destroy)', () => {
  function replaceWorld(fakeOptions: FakeOptions = {}) {
    const world = aWorld(fakeOptions);
    const old = world.fake.seedComputeEnv(world.wsId, 'aws-sydney', {
      primary: true,
      labelIds: [7, 8],
      config: { region: 'old' },
    });
    const other = world.fake.seedComputeEnv(world.wsId, 'other-ce');
    const p1 = world.fake.seedPipeline(
      world.wsId,
      'rnaseq',
      { pipeline: 'https://github.com/nf-core/rnaseq', computeEnvId: old.id },
      [3],
    );
    const p2 = world.fake.seedPipeline(world.wsId, 'sarek', {
      pipeline: 'https://github.com/nf-core/sarek',
      computeEnvId: old.id,
    });
    const action: ComputeEnvAction = computeEnvAction('replace', {
      current: anActualComputeEnv({ id: old.id, primary: true, labelIds: [7, 8], config: { region: 'old' } }),
      forcedBy: ['config.region'],
      repoint: [
        { pipelineId: p1.pipelineId, name: 'rnaseq' },
        { pipelineId: p2.pipelineId, name: 'sarek' },
      ],
      movesPrimary: true,
    });
    const plan = aPlan([action], { ...world.liveIds, [CRED]: 'cred-1', [CE]: old.id });
    const temporary = temporaryComputeEnvName(aDesiredComputeEnv());
    return { ...world, old, other, p1, p2, plan, temporary };
  }

  it('temporary name: declared name, -next-, a digest; at most 100 characters', () => {
    const name = temporaryComputeEnvName(aDesiredComputeEnv());
    expect(name).toMatch(/^aws-sydney-next-[0-9a-f]{8}$/);
    expect(temporaryComputeEnvName(aDesiredComputeEnv())).toBe(name);
    expect(temporaryComputeEnvName(aDesiredComputeEnv({ config: { region: 'x' } }))).not.toBe(name);
    expect(temporaryComputeEnvName(aDesiredComputeEnv({ name: 'n'.repeat(100) }))).toHaveLength(100);
  });

  it('creates the new CE with the old labels, waits, re-points, moves primary, deletes the old, renames', async () => {
    const { fake, wsId, old, p1, p2, plan, temporary } = replaceWorld({ ceCreatePolls: 1, ceDeletePolls: 1 });
    const report = await applyPlan(plan, fake, options());
    expect(report.failed).toEqual([]);
    const writes = fake.writeCalls().map((c) => c.method);
    expect(writes).toEqual([
      'createComputeEnv',
      'updatePipeline',
      'managePipelineVersion',
      'updatePipeline',
      'managePipelineVersion',
      'makePrimaryComputeEnv',
      'deleteComputeEnv',
      'updateComputeEnv',
    ]);
    const create = fake.callsTo('createComputeEnv')[0]!;
    expect((create.args[1] as { name: string }).name).toBe(temporary);
    expect(create.args[2]).toEqual([7, 8]);
    // The wait happened before anything was re-pointed, and the old CE was gone before the rename.
    const methods = fake.calls.map((c) => c.method);
    expect(methods.indexOf('listComputeEnvs')).toBeLessThan(methods.indexOf('updatePipeline'));
    expect(methods.lastIndexOf('listComputeEnvs')).toBeLessThan(methods.indexOf('updateComputeEnv'));
    const ces = fake.computeEnvs.filter((ce) => ce.workspaceId === wsId);
    const renamed = ces.find((ce) => ce.name === 'aws-sydney');
    expect(ces.map((ce) => ce.name).sort()).toEqual(['aws-sydney', 'other-ce']);
    expect(renamed?.id).not.toBe(old.id);
    expect(renamed?.primary).toBe(true);
    expect(renamed?.config).toMatchObject({ region: 'ap-southeast-2', discriminator: 'aws-batch' });
    for (const p of [p1, p2]) {
      const def = p.versions.find((v) => v.isDefault);
      expect(def?.launch['computeEnvId']).toBe(renamed?.id);
      expect(def?.name).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(p1.labelIds).toEqual([3]);
  });

  it('a new CE that ends ERRORED is deleted, the old one is untouched, the action fails', async () => {
    const { fake, old, p1, plan, temporary } = replaceWorld({ erroredComputeEnvs: ['aws-sydney-next'] });
    const report = await applyPlan(plan, fake, options());
    expect(report.failed[0]?.error).toBe(
      `compute environment ${temporary} ended ERRORED: Unable to create the AWS Batch queue: access denied; the failed compute environment ${temporary} was deleted; the old compute environment aws-sydney is untouched`,
    );
    expect(fake.computeEnvs.find((ce) => ce.id === old.id)).toMatchObject({
      status: 'AVAILABLE',
      primary: true,
      name: 'aws-sydney',
    });
    expect(fake.callsTo('updatePipeline')).toHaveLength(0);
    expect(p1.versions.find((v) => v.isDefault)?.launch['computeEnvId']).toBe(old.id);
  });

  it('a re-point failure keeps both CEs and says so', async () => {
    const { fake, old, temporary, plan } = replaceWorld();
    fake.fail('updatePipeline', apiError(400, 'Missing launching work directory'), {
      when: (args) => args[1] !== undefined && fake.callsTo('updatePipeline').length > 1,
    });
    const report = await applyPlan(plan, fake, options());
    expect(report.failed[0]?.error).toContain('re-pointing pipeline sarek failed');
    expect(report.failed[0]?.error).toContain('(already re-pointed: rnaseq)');
    expect(report.failed[0]?.error).toContain(
      `both compute environments are in place (the old aws-sydney and the new ${temporary})`,
    );
    expect(fake.computeEnvs.find((ce) => ce.id === old.id)?.status).toBe('AVAILABLE');
    expect(fake.computeEnvs.find((ce) => ce.name === temporary)?.status).toBe('AVAILABLE');
    expect(fake.callsTo('deleteComputeEnv')).toHaveLength(0);
  });

  it('an old CE that cannot be deleted (jobs running) leaves the new one working under its temporary name', async () => {
    const { fake, old, temporary, plan } = replaceWorld();
    old.jobsRunning = true;
    const report = await applyPlan(plan, fake, options());
    expect(report.failed[0]?.error).toContain('jobs are running');
    expect(report.failed[0]?.error).toContain(`works under the temporary name ${temporary}`);
    expect(fake.computeEnvs.find((ce) => ce.name === temporary)?.primary).toBe(true);
    expect(fake.callsTo('updateComputeEnv')).toHaveLength(0);
  });

  it('a failed rename is reported with the temporary name, the new CE stays', async () => {
    const { fake, temporary, plan } = replaceWorld();
    fake.fail('updateComputeEnv', apiError(409, 'Duplicate element'));
    const report = await applyPlan(plan, fake, options());
    expect(report.failed[0]?.error).toContain(`renaming ${temporary} to aws-sydney failed`);
    expect(fake.computeEnvs.filter((ce) => ce.name === temporary)).toHaveLength(1);
  });

  it('a rerun after an interrupted replace adopts the temporary CE instead of creating another', async () => {
    const { fake, wsId, old, temporary, plan } = replaceWorld();
    fake.seedComputeEnv(wsId, temporary, { status: 'AVAILABLE' });
    const report = await applyPlan(plan, fake, options());
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes?.[0]).toContain('adopted the existing object after a 409');
    expect(fake.computeEnvs.some((ce) => ce.id === old.id)).toBe(false);
    expect(fake.computeEnvs.filter((ce) => ce.name === 'aws-sydney')).toHaveLength(1);
  });
});
