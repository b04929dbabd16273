import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../src/emulator/request-log.js';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import type { ComputeEnvAction } from '../../../src/kinds/compute-environments/model.js';
import { aDesiredComputeEnv } from '../../helpers/builders.js';
import { actionsOf, startHarness, type Harness } from './harness.js';
import { ausgen, emptyOrgSeed, estate, other } from './estate.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { workspaceReads } from '../../../src/kinds/workspace/api.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const changedConfig = aDesiredComputeEnv({
  primary: true,
  description: 'Spot queue',
  config: {
    region: 'ap-southeast-2',
    workDir: 's3://ausgen-work/scratch',
    forge: {
      type: 'SPOT',
      maxCpus: 800,
      instanceTypes: ['c6id', 'm6id'],
      allowBuckets: ['s3://ausgen-data'],
    },
  },
});
const replaced = () => estate([ausgen({ computeEnvironments: [changedConfig] }), other()]);

function ausgenOf(seed: EmulatorSeed) {
  const ws = seed.orgs?.[0]?.workspaces?.find((w) => w.name === 'ausgen');
  if (ws === undefined) throw new Error('no ausgen in the snapshot');
  return ws;
}

function computeEnvWrites(log: readonly RequestLogEntry[]): string[] {
  return log
    .filter((e) => e.write && e.path.startsWith('/compute-envs') && e.status < 300)
    .map((e) => `${e.method} ${e.path}`);
}

describe('compute-environment replace against the emulator', () => {
  it('creates the new CE before deleting the old; ends with one CE of that name, new config, primary, pipelines on it', async () => {
    harness = await startHarness({ seed: emptyOrgSeed() });
    await harness.apply(await harness.plan(estate()));
    const oldId = (
      await harness.client
        .use(computeEnvReads)
        .listComputeEnvs(
          wsIdOf(
            await harness.client
              .use(workspaceReads)
              .listWorkspaces(orgIdOf(await harness.client.use(organizationReads).listOrganizations())),
          ),
        )
    )[0]?.id;

    const plan = await harness.plan(replaced());
    const replace = plan.actions.find((a): a is ComputeEnvAction => a.kind === 'computeEnvironment');
    expect(replace?.type).toBe('replace');
    expect(replace?.movesPrimary).toBe(true);
    expect(replace?.repoint?.map((p) => p.name)).toEqual(['rnaseq']);

    harness.emulator.clearRequestLog();
    const report = await harness.apply(plan);
    expect(report.failed).toEqual([]);
    expect(actionsOf(await harness.plan(replaced()))).toEqual([]);

    const writes = computeEnvWrites(harness.emulator.requestLog());
    const create = writes.indexOf('POST /compute-envs');
    const remove = writes.findIndex((w) => w === `DELETE /compute-envs/${oldId}`);
    const rename = writes.findIndex((w, i) => i > remove && w.startsWith('PUT /compute-envs/'));
    expect(create).toBeGreaterThanOrEqual(0);
    expect(remove).toBeGreaterThan(create);
    expect(rename).toBeGreaterThan(remove);

    const ws = ausgenOf(harness.emulator.snapshot());
    expect(ws.computeEnvironments?.map((ce) => [ce.name, ce.primary, ce.status])).toEqual([
      ['aws-sydney', true, 'AVAILABLE'],
    ]);
    expect(ws.computeEnvironments?.[0]?.config).toMatchObject({ forge: { maxCpus: 800 } });
    expect(ws.pipelines?.map((p) => [p.name, p.launch.computeEnv])).toEqual([['rnaseq', 'aws-sydney']]);
  });

  it('a replacement whose new CE ends ERRORED leaves the old CE untouched and reports the failure', async () => {
    harness = await startHarness({
      seed: emptyOrgSeed(),
      failComputeEnvs: (name) => name.includes('-next-'),
    });
    await harness.apply(await harness.plan(estate()));
    const before = ausgenOf(harness.emulator.snapshot());

    const report = await harness.apply(await harness.plan(replaced()));
    expect(report.failed.map((f) => f.address)).toEqual(['biocommons/ausgen/computeEnvironments/aws-sydney']);
    expect(report.failed[0]?.error).toContain('ERRORED');
    expect(report.failed[0]?.error).toContain('the old compute environment aws-sydney is untouched');

    const after = ausgenOf(harness.emulator.snapshot());
    expect(after.computeEnvironments).toEqual(before.computeEnvironments);
    expect(after.pipelines).toEqual(before.pipelines);
  });
});

function orgIdOf(orgs: readonly { orgId: number; name: string }[]): number {
  const org = orgs.find((o) => o.name === 'biocommons');
  if (org === undefined) throw new Error('no org');
  return org.orgId;
}

function wsIdOf(workspaces: readonly { id: number; name: string }[]): number {
  const ws = workspaces.find((w) => w.name === 'ausgen');
  if (ws === undefined) throw new Error('no workspace');
  return ws.id;
}
