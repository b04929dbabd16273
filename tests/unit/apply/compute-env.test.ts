import { describe, expect, it } from 'vitest';
import type { ApplyEvent } from '../../../src/apply/index.js';
import { temporaryComputeEnvName } from '../../../src/kinds/compute-environments/apply-replace.js';
import { address } from '../../../src/model/address.js';
import type { ComputeEnvAction } from '../../../src/kinds/compute-environments/model.js';
import { aDesiredComputeEnv, anActualComputeEnv } from '../../helpers/builders.js';
import {
  AWS_CREDENTIAL,
  ORG,
  WS,
  aPlan,
  aWorld,
  computeEnvAction,
  credentialAction,
  pipelineAction,
  seededComputeEnv,
  seededPipeline,
  type World,
  type WorldOptions,
} from './plan-fixtures.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { pipelineReads } from '../../../src/kinds/pipelines/api.js';

const CE = address.computeEnv(ORG, WS, 'aws-sydney');
const CRED = address.credential(ORG, WS, 'aws-main');
const LIST = 'GET /compute-envs';
const JOBS_RUNNING = { kind: 'refuse', status: 409, message: 'Conflicting deletion: active jobs' } as const;

/** A world with the `aws-main` credentials (and, optionally, more of the workspace). */
async function withCredentials(options: WorldOptions = {}): Promise<World & { readonly credId: string }> {
  const w = await aWorld({
    ...options,
    workspace: { credentials: [AWS_CREDENTIAL], ...options.workspace },
  });
  return Object.assign(w, { credId: w.ids.credential('aws-main') });
}

function ceNamed(w: World, name: string) {
  return w.workspace().computeEnvironments?.find((ce) => ce.name === name);
}

describe('compute environment create and wait', () => {
  it('creates with the discriminator and credentials id, then polls until AVAILABLE with progress', async () => {
    const w = await withCredentials({ ceCreateDelayMs: 2_000 });
    const events: ApplyEvent[] = [];
    const slept: number[] = [];
    const report = await w.apply(aPlan([computeEnvAction('create')], { ...w.liveIds, [CRED]: w.credId }), {
      onEvent: (e) => events.push(e),
      sleep: (ms) => {
        slept.push(ms);
        return w.clock.sleep(ms);
      },
    });
    expect(report.failed).toEqual([]);
    const body = w.entries('POST /compute-envs')[0]?.body as { computeEnv: Record<string, unknown> };
    expect(body.computeEnv).toMatchObject({
      name: 'aws-sydney',
      platform: 'aws-batch',
      credentialsId: w.credId,
      config: { discriminator: 'aws-batch', region: 'ap-southeast-2' },
    });
    expect(w.entries(LIST)).toHaveLength(3);
    expect(slept).toEqual([1000, 1000]);
    expect(events.filter((e) => e.type === 'waiting').map((e) => e.message)).toEqual([
      'waiting for compute environment aws-sydney: CREATING after 0s',
      'waiting for compute environment aws-sydney: CREATING after 1s',
    ]);
    expect(ceNamed(w, 'aws-sydney')?.status).toBe('AVAILABLE');
  });

  it('a new CE declared primary is made primary once AVAILABLE, as part of its create', async () => {
    const w = await withCredentials({ ceCreateDelayMs: 1_000 });
    const create = computeEnvAction('create', { desired: aDesiredComputeEnv({ primary: true }) });
    const report = await w.apply(aPlan([create], { ...w.liveIds, [CRED]: w.credId }));
    expect(report.failed).toEqual([]);
    const requests = w.requests();
    expect(requests.indexOf('POST /compute-envs/{id}/primary')).toBeGreaterThan(requests.lastIndexOf(LIST));
    expect(ceNamed(w, 'aws-sydney')).toMatchObject({ status: 'AVAILABLE', primary: true });
  });

  it('fails with the platform message when the CE ends ERRORED, and removes it so the next run retries', async () => {
    const w = await withCredentials({ failComputeEnvs: (name) => name === 'aws-sydney' });
    const report = await w.apply(
      aPlan([computeEnvAction('create'), pipelineAction('create')], { ...w.liveIds, [CRED]: w.credId }),
    );
    expect(report.failed.map((f) => f.error)).toEqual([
      expect.stringMatching(
        /^compute environment aws-sydney ended ERRORED: .+; the failed compute environment aws-sydney was deleted$/,
      ),
    ]);
    expect(report.skipped.map((s) => s.address)).toEqual([address.pipeline(ORG, WS, 'rnaseq')]);
    expect(w.entries('DELETE /compute-envs/{id}')).toHaveLength(1);
    expect(w.workspace().computeEnvironments ?? []).toEqual([]);
  });

  it('stops a wait on Ctrl+C, and starts no further action', async () => {
    const w = await withCredentials({ ceCreateDelayMs: 1e9 });
    const interrupt = new AbortController();
    let polls = 0;
    const report = await w.apply(
      aPlan([computeEnvAction('create'), pipelineAction('create')], { ...w.liveIds, [CRED]: w.credId }),
      {
        signal: interrupt.signal,
        // Ctrl+C during the third poll's sleep; the sleep itself never ends.
        sleep: (ms) => {
          polls++;
          if (polls === 3) interrupt.abort();
          return polls >= 3 ? new Promise<void>(() => undefined) : w.clock.sleep(ms);
        },
      },
    );
    expect(report.failed.map((f) => f.error)).toEqual(['interrupted while waiting']);
    expect(report.applied).toEqual([]);
    expect(report.skipped.map((s) => [s.address, s.because])).toEqual([
      [address.pipeline(ORG, WS, 'rnaseq'), 'interrupted before it started'],
    ]);
    expect(w.entries('POST /pipelines')).toHaveLength(0);
  });

  it('gives up after the wait timeout (test clock) and says so', async () => {
    const w = await withCredentials({ ceCreateDelayMs: 1e9 });
    const report = await w.apply(aPlan([computeEnvAction('create')], { ...w.liveIds, [CRED]: w.credId }), {
      waitTimeoutMs: 5_000,
      pollIntervalMs: 2_000,
    });
    expect(report.failed.map((f) => f.error)).toEqual([
      'compute environment aws-sydney was still CREATING after 5s (--wait-timeout)',
    ]);
    // Polls at 0, 2, 4 and 5 s (the last sleep is shortened to the deadline).
    expect(w.entries(LIST)).toHaveLength(4);
  });

  it('adopts a CREATING CE after a lost response instead of creating a second one', async () => {
    const w = await withCredentials({ ceCreateDelayMs: 1_000 });
    w.emu.scriptFault({ method: 'POST', path: '/compute-envs', fault: { kind: 'lost-response' } });
    const report = await w.apply(aPlan([computeEnvAction('create')], { ...w.liveIds, [CRED]: w.credId }));
    expect(report.failed).toEqual([]);
    expect(w.entries('POST /compute-envs')).toHaveLength(1);
    expect(w.workspace().computeEnvironments?.map((ce) => [ce.name, ce.status])).toEqual([
      ['aws-sydney', 'AVAILABLE'],
    ]);
  });
});

describe('compute environment update and delete', () => {
  it('updates description and credentials in place', async () => {
    const w = await withCredentials({
      workspace: {
        credentials: [AWS_CREDENTIAL, { ...AWS_CREDENTIAL, name: 'old-cred' }],
        computeEnvironments: [seededComputeEnv('aws-sydney', { credentials: 'old-cred' })],
      },
    });
    const ceId = w.ids.computeEnv('aws-sydney');
    const report = await w.apply(
      aPlan(
        [
          computeEnvAction('update', {
            desired: aDesiredComputeEnv({ description: 'Spot queue' }),
            current: anActualComputeEnv({ id: ceId, credentialsId: w.ids.credential('old-cred') }),
          }),
        ],
        { ...w.liveIds, [CRED]: w.credId },
      ),
    );
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual(['PUT /compute-envs/{id}']);
    expect(w.entries('PUT /compute-envs/{id}')[0]?.body).toEqual({
      description: 'Spot queue',
      credentialsId: w.credId,
    });
    expect(ceNamed(w, 'aws-sydney')).toMatchObject({ description: 'Spot queue', credentials: 'aws-main' });
  });

  it('deletes and waits until the CE is gone', async () => {
    const w = await withCredentials({
      ceDeleteDelayMs: 2_000,
      workspace: { computeEnvironments: [seededComputeEnv()] },
    });
    const report = await w.apply(
      aPlan(
        [computeEnvAction('delete', { current: anActualComputeEnv({ id: w.ids.computeEnv('aws-sydney') }) })],
        w.liveIds,
      ),
    );
    expect(report.applied).toHaveLength(1);
    expect(w.entries(LIST)).toHaveLength(3);
    expect(w.workspace().computeEnvironments ?? []).toEqual([]);
  });

  it('a delete refused with 409 (jobs running) fails with that reason and keeps the credentials', async () => {
    const w = await withCredentials({ workspace: { computeEnvironments: [seededComputeEnv()] } });
    const ceId = w.ids.computeEnv('aws-sydney');
    w.emu.scriptFault({ method: 'DELETE', path: `/compute-envs/${ceId}`, fault: JOBS_RUNNING });
    const report = await w.apply(
      aPlan(
        [
          computeEnvAction('delete', { current: anActualComputeEnv({ id: ceId, credentialsId: w.credId }) }),
          {
            ...credentialAction('delete'),
            current: { id: w.credId, name: 'aws-main', provider: 'aws', keys: {} },
          },
        ],
        w.liveIds,
      ),
    );
    expect(report.failed.map((f) => f.error)).toEqual([
      'the platform refused to delete compute environment aws-sydney because jobs are running on it (409: Conflicting deletion: active jobs)',
    ]);
    expect(report.skipped.map((s) => s.address)).toEqual([CRED]);
    expect(w.workspace().credentials?.map((c) => c.name)).toEqual(['aws-main']);
  });
});

describe('compute environment replace (create-before-destroy)', () => {
  async function replaceWorld(options: WorldOptions = {}) {
    const temporary = temporaryComputeEnvName(aDesiredComputeEnv());
    const w = await withCredentials({
      ...options,
      workspace: {
        credentials: [AWS_CREDENTIAL],
        labels: [
          { name: 'team', value: 'ausgen', resource: true },
          { name: 'cost', value: 'genomics', resource: true },
          { name: 'rna' },
        ],
        computeEnvironments: [
          seededComputeEnv('aws-sydney', { primary: true, labels: ['team', 'cost'] }),
          seededComputeEnv('other-ce'),
          ...(options.workspace?.computeEnvironments ?? []),
        ],
        pipelines: [seededPipeline('rnaseq', {}, { labels: ['rna'] }), seededPipeline('sarek')],
      },
    });
    const oldId = w.ids.computeEnv('aws-sydney');
    const labelIds = (
      (await w.client.use(computeEnvReads).describeComputeEnv(w.wsId, oldId)).labels ?? []
    ).map((l) => l.id);
    w.emu.clearRequestLog();
    const action: ComputeEnvAction = computeEnvAction('replace', {
      current: anActualComputeEnv({
        id: oldId,
        primary: true,
        labelIds,
        config: { region: 'ap-southeast-2', workDir: 's3://ausgen-work/scratch' },
      }),
      forcedBy: ['config.forge'],
      repoint: [
        { pipelineId: w.ids.pipeline('rnaseq'), name: 'rnaseq' },
        { pipelineId: w.ids.pipeline('sarek'), name: 'sarek' },
      ],
      movesPrimary: true,
    });
    const plan = aPlan([action], { ...w.liveIds, [CRED]: w.credId, [CE]: oldId });
    return { w, oldId, labelIds, plan, temporary };
  }

  it('temporary name: declared name, -next-, a digest; at most 100 characters', () => {
    const name = temporaryComputeEnvName(aDesiredComputeEnv());
    expect(name).toMatch(/^aws-sydney-next-[0-9a-f]{8}$/);
    expect(temporaryComputeEnvName(aDesiredComputeEnv())).toBe(name);
    expect(temporaryComputeEnvName(aDesiredComputeEnv({ config: { region: 'x' } }))).not.toBe(name);
    expect(temporaryComputeEnvName(aDesiredComputeEnv({ name: 'n'.repeat(100) }))).toHaveLength(100);
  });

  it('creates the new CE with the old labels, waits, re-points, moves primary, deletes the old, renames', async () => {
    const { w, oldId, labelIds, plan, temporary } = await replaceWorld({
      ceCreateDelayMs: 1_000,
      ceDeleteDelayMs: 1_000,
    });
    const report = await w.apply(plan);
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual([
      'POST /compute-envs',
      'PUT /pipelines/{id}',
      'PUT /pipelines/{id}/versions/{id}/manage',
      'PUT /pipelines/{id}',
      'PUT /pipelines/{id}/versions/{id}/manage',
      'POST /compute-envs/{id}/primary',
      'DELETE /compute-envs/{id}',
      'PUT /compute-envs/{id}',
    ]);
    const create = w.entries('POST /compute-envs')[0]?.body as {
      computeEnv: { name: string };
      labelIds: number[];
    };
    expect(create.computeEnv.name).toBe(temporary);
    expect(create.labelIds).toEqual(labelIds);
    // The wait happened before anything was re-pointed, and the old CE was gone before the rename.
    const requests = w.requests();
    expect(requests.indexOf(LIST)).toBeLessThan(requests.indexOf('PUT /pipelines/{id}'));
    expect(requests.lastIndexOf(LIST)).toBeLessThan(requests.indexOf('PUT /compute-envs/{id}'));
    const ws = w.workspace();
    expect(ws.computeEnvironments?.map((ce) => ce.name).sort()).toEqual(['aws-sydney', 'other-ce']);
    const renamed = ws.computeEnvironments?.find((ce) => ce.name === 'aws-sydney');
    expect(renamed).toMatchObject({ primary: true, labels: ['team', 'cost'] });
    expect(renamed?.config).toMatchObject({ region: 'ap-southeast-2', forge: { maxCpus: 500 } });
    const live = await w.client.use(computeEnvReads).listComputeEnvs(w.wsId);
    expect(live.find((ce) => ce.name === 'aws-sydney')?.id).not.toBe(oldId);
    for (const p of ws.pipelines ?? []) {
      expect(p.launch.computeEnv).toBe('aws-sydney');
      expect(p.versionName).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(ws.pipelines?.find((p) => p.name === 'rnaseq')?.labels).toEqual(['rna']);
  });

  it('a new CE that ends ERRORED is deleted, the old one is untouched, the action fails', async () => {
    const { w, oldId, plan, temporary } = await replaceWorld({
      failComputeEnvs: (name) => name.startsWith('aws-sydney-next'),
    });
    const report = await w.apply(plan);
    expect(report.failed[0]?.error).toMatch(
      new RegExp(
        `^compute environment ${temporary} ended ERRORED: .+; the failed compute environment ${temporary} was deleted; the old compute environment aws-sydney is untouched$`,
      ),
    );
    expect(ceNamed(w, 'aws-sydney')).toMatchObject({ status: 'AVAILABLE', primary: true });
    expect(ceNamed(w, temporary)).toBeUndefined();
    expect(w.entries('PUT /pipelines/{id}')).toHaveLength(0);
    const rnaseq = await w.client.use(pipelineReads).describePipelineLaunch(w.wsId, w.ids.pipeline('rnaseq'));
    expect(rnaseq.computeEnv?.id).toBe(oldId);
  });

  it('a re-point failure keeps both CEs and says so', async () => {
    const { w, plan, temporary } = await replaceWorld();
    w.emu.scriptFault({
      method: 'PUT',
      path: `/pipelines/${String(w.ids.pipeline('sarek'))}`,
      fault: { kind: 'refuse', status: 400, message: 'Missing launching work directory' },
    });
    const report = await w.apply(plan);
    expect(report.failed[0]?.error).toContain('re-pointing pipeline sarek failed');
    expect(report.failed[0]?.error).toContain('(already re-pointed: rnaseq)');
    expect(report.failed[0]?.error).toContain(
      `both compute environments are in place (the old aws-sydney and the new ${temporary})`,
    );
    expect(ceNamed(w, 'aws-sydney')?.status).toBe('AVAILABLE');
    expect(ceNamed(w, temporary)?.status).toBe('AVAILABLE');
    expect(w.entries('DELETE /compute-envs/{id}')).toHaveLength(0);
  });

  it('an old CE that cannot be deleted (jobs running) leaves the new one working under its temporary name', async () => {
    const { w, oldId, plan, temporary } = await replaceWorld();
    w.emu.scriptFault({ method: 'DELETE', path: `/compute-envs/${oldId}`, fault: JOBS_RUNNING });
    const report = await w.apply(plan);
    expect(report.failed[0]?.error).toContain('jobs are running');
    expect(report.failed[0]?.error).toContain(`works under the temporary name ${temporary}`);
    expect(ceNamed(w, temporary)?.primary).toBe(true);
    expect(w.entries('PUT /compute-envs/{id}')).toHaveLength(0);
  });

  it('a failed rename is reported with the temporary name, the new CE stays', async () => {
    const { w, plan, temporary } = await replaceWorld();
    w.emu.scriptFault({
      method: 'PUT',
      path: /^\/compute-envs\/[^/]+$/,
      fault: { kind: 'refuse', status: 409, message: 'Duplicate element' },
    });
    const report = await w.apply(plan);
    expect(report.failed[0]?.error).toContain(`renaming ${temporary} to aws-sydney failed`);
    expect(w.workspace().computeEnvironments?.filter((ce) => ce.name === temporary)).toHaveLength(1);
  });

  it('a rerun after an interrupted replace adopts the temporary CE instead of creating another', async () => {
    const temporary = temporaryComputeEnvName(aDesiredComputeEnv());
    const { w, oldId, plan } = await replaceWorld({
      workspace: { computeEnvironments: [seededComputeEnv(temporary)] },
    });
    const report = await w.apply(plan);
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes?.[0]).toContain('adopted the existing object after a 409');
    const live = await w.client.use(computeEnvReads).listComputeEnvs(w.wsId);
    expect(live.some((ce) => ce.id === oldId)).toBe(false);
    expect(live.filter((ce) => ce.name === 'aws-sydney')).toHaveLength(1);
    expect(live.some((ce) => ce.name === temporary)).toBe(false);
  });
});
