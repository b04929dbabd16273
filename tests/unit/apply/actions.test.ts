/**
 * Applying pipeline-action plan actions against the emulator: the requests
 * sent and the actions the workspace then has. A create sends the launch
 * with the resolved compute environment, then the labels; a GitHub action's
 * hook URL is reported; a compute-environment replace re-points the actions
 * on the old CE, keeping their schedule and labels.
 */
import { describe, expect, it } from 'vitest';
import { labelReads } from '../../../src/kinds/labels/api.js';
import { address } from '../../../src/model/address.js';
import type { DesiredAction, PipelineActionAction } from '../../../src/kinds/actions/model.js';
import type { ComputeEnvAction } from '../../../src/kinds/compute-environments/model.js';
import { aSource, anActualComputeEnv } from '../../helpers/builders.js';
import {
  AWS_CREDENTIAL,
  ORG,
  WS,
  aPlan,
  aWorld,
  computeEnvAction,
  seededComputeEnv,
} from './plan-fixtures.js';
import { actionReads } from '../../../src/kinds/actions/api.js';

const CE = address.computeEnv(ORG, WS, 'aws-sydney');

function createAction(desired: Omit<DesiredAction, 'source'>): PipelineActionAction {
  return {
    kind: 'pipelineAction',
    type: 'create',
    address: address.action(ORG, WS, desired.name),
    org: ORG,
    workspace: WS,
    name: desired.name,
    reason: 'test',
    changes: [],
    dependsOn: [],
    desired: { ...desired, source: aSource() },
  };
}

const LAUNCH = {
  url: 'https://github.com/nf-core/rnaseq',
  computeEnvironment: 'aws-sydney',
  workDir: 's3://ausgen-work/scratch',
} as const;

describe('pipeline actions', () => {
  it('creates a scheduled action with its launch on the named CE, then applies its labels', async () => {
    const w = await aWorld({
      workspace: {
        credentials: [AWS_CREDENTIAL],
        computeEnvironments: [seededComputeEnv()],
        labels: [{ name: 'rnaseq' }],
      },
    });
    const [label] = await w.client.use(labelReads).listLabels(w.wsId);
    const plan = aPlan(
      [
        createAction({
          name: 'nightly',
          trigger: 'cron',
          cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
          labels: ['rnaseq'],
          ...LAUNCH,
        }),
      ],
      {
        ...w.liveIds,
        [CE]: w.ids.computeEnv('aws-sydney'),
        [address.label(ORG, WS, 'rnaseq')]: label?.id ?? 0,
      },
    );
    const report = await w.apply(plan);
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual(['POST /actions', 'POST /actions/labels/apply']);
    expect(w.entries('POST /actions')[0]?.body).toEqual({
      name: 'nightly',
      source: 'cron',
      cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
      launch: {
        pipeline: LAUNCH.url,
        workDir: LAUNCH.workDir,
        computeEnvId: w.ids.computeEnv('aws-sydney'),
      },
    });
    expect(w.workspace().actions).toEqual([
      {
        name: 'nightly',
        source: 'cron',
        cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
        launch: { pipeline: LAUNCH.url, workDir: LAUNCH.workDir, computeEnv: 'aws-sydney' },
        labels: ['rnaseq'],
      },
    ]);
  });

  it("reports a GitHub action's hook URL", async () => {
    const w = await aWorld({
      workspace: { credentials: [AWS_CREDENTIAL], computeEnvironments: [seededComputeEnv()] },
    });
    const report = await w.apply(
      aPlan([createAction({ name: 'on-push', trigger: 'github', ...LAUNCH })], {
        ...w.liveIds,
        [CE]: w.ids.computeEnv('aws-sydney'),
      }),
    );
    expect(report.failed).toEqual([]);
    expect(report.applied[0]?.notes).toEqual([
      expect.stringMatching(/^GitHub hook: https:\/\/api\.github\.com\/repos\/nf-core\/rnaseq\/hooks\/\d+$/),
    ]);
  });

  it('a compute-environment replace re-points the actions on the old CE, keeping their schedule and labels', async () => {
    const w = await aWorld({
      ceCreateDelayMs: 1_000,
      ceDeleteDelayMs: 1_000,
      workspace: {
        credentials: [AWS_CREDENTIAL],
        labels: [{ name: 'rnaseq' }],
        computeEnvironments: [seededComputeEnv()],
        actions: [
          {
            name: 'nightly',
            source: 'cron',
            cron: { expression: '0 2 * * *', timezone: 'UTC' },
            labels: ['rnaseq'],
            launch: { pipeline: LAUNCH.url, computeEnv: 'aws-sydney', workDir: LAUNCH.workDir },
          },
        ],
      },
    });
    const oldId = w.ids.computeEnv('aws-sydney');
    const [listed] = await w.client.use(actionReads).listActions(w.wsId);
    const action: ComputeEnvAction = computeEnvAction('replace', {
      current: anActualComputeEnv({ id: oldId, config: { region: 'ap-southeast-2' } }),
      forcedBy: ['config.forge'],
      repoint: [],
      repointActions: [{ actionId: listed?.id ?? '', name: 'nightly' }],
    });
    const report = await w.apply(
      aPlan([action], {
        ...w.liveIds,
        [address.credential(ORG, WS, 'aws-main')]: w.ids.credential('aws-main'),
        [CE]: oldId,
      }),
    );
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual([
      'POST /compute-envs',
      'PUT /actions/{id}',
      'POST /actions/labels/apply',
      'DELETE /compute-envs/{id}',
      'PUT /compute-envs/{id}',
    ]);
    const [after] = w.workspace().actions ?? [];
    expect(after).toMatchObject({
      name: 'nightly',
      cron: { expression: '0 2 * * *', timezone: 'UTC' },
      labels: ['rnaseq'],
      launch: { computeEnv: 'aws-sydney' },
    });
    const described = await w.client.use(actionReads).describeAction(w.wsId, listed?.id ?? '');
    expect(described.launch?.computeEnv?.id).not.toBe(oldId);
  });
});
