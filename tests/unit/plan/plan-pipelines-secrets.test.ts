import { describe, expect, it } from 'vitest';
import type { ActualComputeEnv, DesiredComputeEnv } from '../../../src/kinds/compute-environments/model.js';
import type { ActualPipeline, DesiredPipeline } from '../../../src/kinds/pipelines/model.js';
import type { ActualSecret, DesiredSecret } from '../../../src/kinds/secrets/model.js';
import type { PlannerContext } from '../../../src/model/planner-context.js';
import { launchFieldsOf } from '../../../src/kinds/pipelines/launch-fields.js';
import {
  aDesiredComputeEnv,
  aDesiredOrg,
  aDesiredPipeline,
  aDesiredSecret,
  aDesiredState,
  aDesiredWorkspace,
  aPlannerContext,
  anActualComputeEnv,
  anActualOrg,
  anActualPipeline,
  anActualSecret,
  anActualState,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
  serverFilledConfig,
  variablesSetIn,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, plan, rules, summary } from './plan-kit.js';

const PL = 'biocommons/ausgen/pipelines/rnaseq';
const CE = 'biocommons/ausgen/computeEnvironments/aws-sydney';
const ce = aDesiredComputeEnv({ credentials: undefined });
const liveCe = anActualComputeEnv({
  id: 'ce-1',
  credentialsId: undefined,
  config: serverFilledConfig(ce.config, 'aws-sydney'),
});
const base = aDesiredPipeline({
  profiles: ['test', 'docker'],
  params: { outdir: 's3://out', n: 2 },
  description: 'RNA',
  launch: { headJobCpus: 2 },
});
const liveOf = (
  p: DesiredPipeline,
  overrides: Partial<ActualPipeline> = {},
  launch: Record<string, unknown> = {},
): ActualPipeline =>
  anActualPipeline({
    pipelineId: 77,
    description: p.description,
    launch: { ...launchFieldsOf(p), computeEnvId: 'ce-1', ...launch },
    ...overrides,
  });

function state(
  pipelines: DesiredPipeline[] | undefined,
  live: ActualPipeline[] | undefined,
  more: {
    ces?: DesiredComputeEnv[];
    liveCes?: ActualComputeEnv[];
    secrets?: DesiredSecret[];
    liveSecrets?: ActualSecret[];
    prune?: boolean;
    ignore?: string[];
  } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(pipelines === undefined ? {} : { pipelines }),
          computeEnvironments: more.ces ?? [ce],
          ...(more.secrets === undefined ? {} : { secrets: more.secrets }),
          prune: pruneSetting(more.prune ?? false),
          ignore: ignoreLists({ pipelines: more.ignore ?? [], secrets: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          ...(live === undefined ? {} : { pipelines: live }),
          computeEnvironments: more.liveCes ?? [liveCe],
          ...(more.liveSecrets === undefined ? {} : { secrets: more.liveSecrets }),
        }),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('pipelines: launch comparison (SPEC 4.4)', () => {
  it('plans nothing for an identical launch', () => {
    const [desired, actual] = state([base], [liveOf(base)]);
    expect(plan(desired, actual).actions).toEqual([]);
  });

  it.each([
    ['profiles in another order', {}, { configProfiles: ['docker', 'test'] }],
    ['params written as YAML', {}, { paramsText: 'outdir: s3://out\nn: 2\n' }],
    ['params as JSON in another key order', {}, { paramsText: '{"n":2,"outdir":"s3://out"}' }],
    ['a work dir with a trailing slash', {}, { workDir: 's3://ausgen-work/scratch/' }],
    ['a url with a trailing slash', {}, { pipeline: 'https://github.com/nf-core/rnaseq/' }],
    ['launch fields the file does not declare', {}, { pullLatest: false, configText: 'x', resume: true }],
    ['the CE named by the reader', {}, { computeEnvId: 'unknown', computeEnvName: 'aws-sydney' }],
  ])('no change: %s', (_name, overrides, launch) => {
    const [desired, actual] = state([base], [liveOf(base, overrides, launch)]);
    expect(plan(desired, actual).actions).toEqual([]);
  });

  it.each([
    ['url', { url: 'https://github.com/nf-core/sarek' }, 'launch.pipeline'],
    ['revision', { revision: '3.15.0' }, 'launch.revision'],
    ['work dir', { workDir: 's3://other' }, 'launch.workDir'],
    ['profiles', { profiles: ['test'] }, 'launch.configProfiles'],
    ['params', { params: { outdir: 's3://elsewhere', n: 2 } }, 'launch.params'],
    ['a passthrough launch key', { launch: { headJobCpus: 4 } }, 'launch.headJobCpus'],
    ['the compute environment', { computeEnvironment: 'other-ce' }, 'launch.computeEnvironment'],
  ])('updates on a changed %s, with a new default version', (_name, overrides, field) => {
    const other = aDesiredComputeEnv({ name: 'other-ce', credentials: undefined });
    const [desired, actual] = state([{ ...base, ...overrides }], [liveOf(base)], {
      ces: [ce, other],
      liveCes: [
        liveCe,
        anActualComputeEnv({
          name: 'other-ce',
          id: 'ce-2',
          credentialsId: undefined,
          config: serverFilledConfig(other.config, 'other-ce'),
        }),
      ],
    });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`update ${PL}`]);
    expect(actionAt(p, PL).changes.map((c) => c.field)).toEqual([field]);
    expect(actionAt(p, PL).reason).toContain('a new default version will be created');
    expect(actionAt(p, PL)).toMatchObject({ current: { pipelineId: 77 } });
  });

  it('shows the CE change by name, from the live id', () => {
    const [desired, actual] = state(
      [{ ...base, computeEnvironment: 'aws-sydney' }],
      [liveOf(base, {}, { computeEnvId: 'ce-2' })],
      {
        liveCes: [liveCe, anActualComputeEnv({ name: 'old-ce', id: 'ce-2' })],
      },
    );
    expect(actionAt(plan(desired, actual), PL).changes).toEqual([
      { field: 'launch.computeEnvironment', from: 'old-ce', to: 'aws-sydney' },
    ]);
  });

  it('updates the description without a version note', () => {
    const [desired, actual] = state([{ ...base, description: 'New' }], [liveOf(base)]);
    const action = actionAt(plan(desired, actual), PL);
    expect(action.changes).toEqual([{ field: 'description', from: 'RNA', to: 'New' }]);
    expect(action.reason).not.toContain('version');
  });

  it('a pipeline whose CE is replaced is re-pointed by the replace, not updated', () => {
    const changed = aDesiredComputeEnv({
      credentials: undefined,
      config: { ...ce.config, region: 'us-east-1' },
    });
    const [desired, actual] = state([base], [liveOf(base)], { ces: [changed] });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`replace ${CE}`]);
    expect(actionAt(p, CE)).toMatchObject({ repoint: [{ pipelineId: 77, name: 'rnaseq' }] });
  });

  it('a pipeline with other changes waits for its CE replace', () => {
    const changed = aDesiredComputeEnv({
      credentials: undefined,
      config: { ...ce.config, region: 'us-east-1' },
    });
    const [desired, actual] = state([{ ...base, revision: '9' }], [liveOf(base)], { ces: [changed] });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`replace ${CE}`, `update ${PL}`]);
    expect(actionAt(p, PL).dependsOn).toEqual([CE]);
  });
});

describe('pipelines: create, dependencies, extras', () => {
  it('creates after its CE create and the secrets it references', () => {
    const pipeline = { ...base, launch: { workspaceSecrets: ['LIC', 'OLD'] } };
    const [desired, actual] = state([pipeline], [], {
      liveCes: [],
      secrets: [aDesiredSecret('LIC'), aDesiredSecret('OLD')],
      liveSecrets: [anActualSecret('OLD')],
    });
    const p = plan(
      desired,
      actual,
      aPlannerContext({ setVariables: variablesSetIn(['LIC_VAR', 'OLD_VAR']) }),
    );
    expect(actionAt(p, PL)).toMatchObject({
      type: 'create',
      dependsOn: [CE, 'biocommons/ausgen/secrets/LIC'],
    });
    expect(summary(p)).toEqual([`create ${CE}`, `create ${PL}`, 'create biocommons/ausgen/secrets/LIC']);
  });

  it('reports, prunes and ignores extras', () => {
    const extra = anActualPipeline({ name: 'old', launch: { pipeline: 'https://x' } });
    const [d1, a1] = state([], [extra]);
    expect(driftAddresses(plan(d1, a1))).toEqual(['biocommons/ausgen/pipelines/old']);
    const [d2, a2] = state([], [extra], { prune: true });
    expect(summary(plan(d2, a2))).toEqual(['delete biocommons/ausgen/pipelines/old']);
    const [d3, a3] = state([], [extra], { prune: true, ignore: ['old'] });
    expect(plan(d3, a3).actions).toEqual([]);
  });

  it('does not diff pipelines the file does not manage, but still records their ids', () => {
    const [desired, actual] = state(undefined, [anActualPipeline({ name: 'x', pipelineId: 5 })]);
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
    expect(p.liveIds['biocommons/ausgen/pipelines/x']).toBe(5);
  });
});

describe('secrets (SPEC 4.4)', () => {
  const S = 'biocommons/ausgen/secrets/LIC';
  const withVar: PlannerContext = aPlannerContext({ setVariables: variablesSetIn(['LIC_VAR']) });

  it.each([
    ['creates a missing secret (sensitive)', [], withVar, [`create ${S}`], []],
    ['blocks a create whose variable is unset', [], aPlannerContext(), [`create ${S}`], ['missingVariable']],
    ['never rewrites an existing secret', [anActualSecret('LIC')], withVar, [], []],
    [
      'rewrites it with --rotate-secrets',
      [anActualSecret('LIC')],
      aPlannerContext({ setVariables: variablesSetIn(['LIC_VAR']), options: { rotateSecrets: true } }),
      [`update ${S}`],
      [],
    ],
    [
      'blocks a rotation whose variable is unset',
      [anActualSecret('LIC')],
      aPlannerContext({ options: { rotateSecrets: true } }),
      [`update ${S}`],
      ['missingVariable'],
    ],
  ])('%s', (_name, live, context, expected, blocks) => {
    const [desired, actual] = state(undefined, undefined, {
      secrets: [aDesiredSecret('LIC')],
      liveSecrets: live,
    });
    const p = plan(desired, actual, context);
    expect(summary(p)).toEqual(expected);
    expect(rules(p)).toEqual(blocks);
    for (const action of p.actions) {
      expect(action.changes).toEqual([{ field: 'value', sensitive: true, to: { secretRef: 'LIC_VAR' } }]);
    }
  });

  it('names the variable, the key it was looked up under, file:line:col and how to set it', () => {
    const [desired, actual] = state(undefined, undefined, {
      secrets: [aDesiredSecret('LIC')],
      liveSecrets: [],
    });
    expect(plan(desired, actual).blocked[0]?.message).toMatch(
      /^\$\{LIC_VAR\} \(workspaces\/biocommons\/ausgen\.yaml:40:\d+\) is not set for "biocommons\/ausgen": needed to create secret LIC\. Add "LIC_VAR" to the "biocommons\/ausgen" object of SEQERA_SYNC_VARS/,
    );
  });

  it('deletes a pruned secret and records ids', () => {
    const [desired, actual] = state(undefined, undefined, {
      secrets: [],
      liveSecrets: [{ id: 3, name: 'OLD' }],
      prune: true,
    });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual(['delete biocommons/ausgen/secrets/OLD']);
    expect(p.liveIds['biocommons/ausgen/secrets/OLD']).toBe(3);
  });
});

describe('pipelines: reader hints', () => {
  it('does not diff the launch of a pipeline that was only listed', () => {
    const [desired, actual] = state(
      [base],
      [
        anActualPipeline({
          pipelineId: 77,
          description: 'RNA',
          launch: { computeEnvId: 'ce-1' },
          listedOnly: true,
        }),
      ],
    );
    expect(plan(desired, actual).actions).toEqual([]);
  });
});
