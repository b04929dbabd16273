/** The pipeline actions planner with pure data: desired + live actions → actions, drift, blocks and re-points. */
import { describe, expect, it } from 'vitest';
import type { ActualAction, DesiredAction } from '../../../src/kinds/actions/model.js';
import type { ActualComputeEnv, ComputeEnvAction } from '../../../src/kinds/compute-environments/model.js';
import type { ActualLabel, DesiredLabel } from '../../../src/kinds/labels/model.js';
import {
  aDesiredComputeEnv,
  aPlannerContext,
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aSource,
  anActualComputeEnv,
  anActualOrg,
  anActualState,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, plan, rules, summary } from './plan-kit.js';

const A = (name: string): string => `biocommons/ausgen/actions/${name}`;
const CE = anActualComputeEnv({ config: {} });

function nightly(overrides: Partial<DesiredAction> = {}, withCron = true): DesiredAction {
  const action: DesiredAction = {
    name: 'nightly',
    trigger: 'cron',
    cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
    url: 'https://github.com/nf-core/rnaseq',
    revision: '3.14.0',
    computeEnvironment: 'aws-sydney',
    workDir: 's3://work',
    params: { outdir: 's3://out' },
    source: aSource(undefined, 50),
    ...overrides,
  };
  if (withCron) return action;
  const { cron: _cron, ...rest } = action;
  return rest;
}

/** The live action that `nightly()` leaves on the platform. */
function liveNightly(overrides: Partial<ActualAction> = {}): ActualAction {
  return {
    id: 'act-1',
    name: 'nightly',
    trigger: 'cron',
    cron: { expression: '0 2 * * *', timezone: 'Australia/Sydney' },
    labels: [],
    launch: {
      pipeline: 'https://github.com/nf-core/rnaseq',
      revision: '3.14.0',
      computeEnvId: CE.id,
      computeEnvName: CE.name,
      workDir: 's3://work/',
      paramsText: '{"outdir":"s3://out"}',
    },
    ...overrides,
  };
}

function label(name: string, resource = false): ActualLabel {
  return { id: name.length * 11, name, resource, isDefault: false, ...(resource ? { value: 'v1' } : {}) };
}

function state(
  actions: DesiredAction[] | undefined,
  liveActions: ActualAction[] | undefined,
  more: {
    prune?: boolean;
    ignore?: string[];
    labels?: DesiredLabel[];
    liveLabels?: ActualLabel[];
    computeEnvs?: ActualComputeEnv[];
    desiredCes?: ReturnType<typeof aDesiredComputeEnv>[];
  } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(actions === undefined ? {} : { actions }),
          ...(more.labels === undefined ? {} : { labels: more.labels }),
          ...(more.desiredCes === undefined ? {} : { computeEnvironments: more.desiredCes }),
          prune: pruneSetting({ actions: more.prune ?? false }),
          ignore: ignoreLists({ actions: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          computeEnvironments: more.computeEnvs ?? [CE],
          ...(liveActions === undefined ? {} : { actions: liveActions }),
          ...(more.liveLabels === undefined ? {} : { labels: more.liveLabels }),
        }),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('pipeline actions', () => {
  it('creates a declared action with its source, schedule, launch fields and labels', () => {
    const [desired, actual] = state([nightly({ labels: ['rnaseq'] })], [], { liveLabels: [label('rnaseq')] });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`create ${A('nightly')}`]);
    expect(actionAt(p, A('nightly')).changes).toEqual([
      { field: 'cron.expression', to: '0 2 * * *' },
      { field: 'cron.timezone', to: 'Australia/Sydney' },
      { field: 'labels', to: ['rnaseq'] },
      { field: 'launch.computeEnvironment', to: 'aws-sydney' },
      { field: 'launch.params', to: { outdir: 's3://out' } },
      { field: 'launch.pipeline', to: 'https://github.com/nf-core/rnaseq' },
      { field: 'launch.revision', to: '3.14.0' },
      { field: 'launch.workDir', to: 's3://work' },
      { field: 'source', to: 'cron' },
    ]);
  });

  it('plans nothing when the live action matches (paths without a trailing slash, params parsed)', () => {
    const [desired, actual] = state([nightly()], [liveNightly()]);
    expect(summary(plan(desired, actual))).toEqual([]);
  });

  it('updates the schedule, launch fields and labels in place, field by field', () => {
    const [desired, actual] = state(
      [nightly({ cron: { expression: '30 3 * * 1' }, revision: '3.15.0', labels: ['rnaseq'] })],
      [liveNightly({ labels: [{ id: 7, name: 'old', resource: false }] })],
      { liveLabels: [label('rnaseq'), label('old')] },
    );
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`update ${A('nightly')}`]);
    expect(actionAt(p, A('nightly')).changes).toEqual([
      { field: 'cron.expression', from: '0 2 * * *', to: '30 3 * * 1' },
      { field: 'labels', from: ['old'], to: ['rnaseq'] },
      { field: 'launch.revision', from: '3.14.0', to: '3.15.0' },
    ]);
  });

  it('carries resource labels as name=value, compared with the value', () => {
    const cost = { id: 9, name: 'cost', value: 'v1', resource: true };
    const [same, sameLive] = state([nightly({ labels: ['cost=v1'] })], [liveNightly({ labels: [cost] })], {
      liveLabels: [label('cost', true)],
    });
    expect(summary(plan(same, sameLive))).toEqual([]);

    const [bare, bareLive] = state([nightly({ labels: ['cost'] })], [liveNightly({ labels: [cost] })], {
      liveLabels: [label('cost', true)],
    });
    expect(plan(bare, bareLive).blocked[0]?.message).toContain(
      'names label cost, but it is a resource label: name it as cost=v1',
    );

    const [added, addedLive] = state(
      [nightly({ labels: ['cost=v1', 'rnaseq'] })],
      [liveNightly({ labels: [] })],
      { liveLabels: [label('cost', true), label('rnaseq')] },
    );
    expect(actionAt(plan(added, addedLive), A('nightly')).changes).toEqual([
      { field: 'labels', from: [], to: ['cost=v1', 'rnaseq'] },
    ]);
  });

  it('leaves undeclared labels and time zone alone (not drift, no update)', () => {
    const [desired, actual] = state(
      [nightly({ cron: { expression: '0 2 * * *' } })],
      [
        liveNightly({
          labels: [{ id: 7, name: 'kept', resource: false }],
          cron: { expression: '0 2 * * *', timezone: 'UTC' },
        }),
      ],
    );
    expect(summary(plan(desired, actual))).toEqual([]);
  });

  it('replaces an action whose source changes (it cannot change in place)', () => {
    const [desired, actual] = state([nightly({ trigger: 'tower' }, false)], [liveNightly()]);
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`replace ${A('nightly')}`]);
    const replace = actionAt(p, A('nightly'));
    expect(replace.reason).toContain('source cannot change in place');
    expect(replace.changes).toContainEqual({ field: 'source', from: 'cron', to: 'tower' });
  });

  it('reports an undeclared live action as drift, ignores it when listed, deletes it with prune', () => {
    const extra = liveNightly({ id: 'act-2', name: 'by-hand', trigger: 'tower' });
    const [d1, a1] = state([nightly()], [liveNightly(), extra]);
    const drift = plan(d1, a1);
    expect(summary(drift)).toEqual([]);
    expect(driftAddresses(drift)).toEqual([A('by-hand')]);

    const [d2, a2] = state([nightly()], [liveNightly(), extra], { ignore: ['by-hand'] });
    expect(driftAddresses(plan(d2, a2))).toEqual([]);

    const [d3, a3] = state([nightly()], [liveNightly(), extra], { prune: true });
    const pruned = plan(d3, a3, aPlannerContext({ options: { allowDeletions: true } }));
    expect(summary(pruned)).toEqual([`delete ${A('by-hand')}`]);
    expect(actionAt(pruned, A('by-hand')).changes).toEqual([
      { field: 'launch.pipeline', from: 'https://github.com/nf-core/rnaseq' },
      { field: 'source', from: 'tower' },
    ]);
  });

  it('is not managed without the key: nothing planned, nothing reported', () => {
    const [desired, actual] = state(undefined, [liveNightly()]);
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([]);
    expect(driftAddresses(p)).toEqual([]);
  });

  it('blocks a label that is neither declared nor on the platform, and a resource label of another value', () => {
    const [d1, a1] = state([nightly({ labels: ['missing'] })], [], { liveLabels: [] });
    const p1 = plan(d1, a1);
    expect(rules(p1)).toEqual(['unknownLabel']);
    expect(p1.blocked[0]?.message).toContain('workspaces/biocommons/ausgen.yaml:50');
    expect(p1.blocked[0]?.message).toContain(
      'pipeline action nightly names label missing, but no label missing exists in workspace ausgen on the platform',
    );

    const [d2, a2] = state([nightly({ labels: ['cost=v2'] })], [], { liveLabels: [label('cost', true)] });
    expect(plan(d2, a2).blocked[0]?.message).toContain('names label cost=v2, but its value is v1, not v2');
  });

  it('waits for the labels and the compute environment this plan creates', () => {
    const [desired, actual] = state([nightly({ labels: ['rnaseq'] })], [], {
      labels: [{ name: 'rnaseq', resource: false, isDefault: false, source: aSource(undefined, 5) }],
      liveLabels: [],
      computeEnvs: [],
      desiredCes: [aDesiredComputeEnv()],
    });
    const p = plan(desired, actual);
    expect(actionAt(p, A('nightly')).dependsOn).toEqual([
      'biocommons/ausgen/computeEnvironments/aws-sydney',
      'biocommons/ausgen/labels/rnaseq',
    ]);
    const order = p.actions.map((a) => a.kind);
    expect(order.indexOf('pipelineAction')).toBeGreaterThan(order.indexOf('computeEnvironment'));
    expect(order.indexOf('pipelineAction')).toBeGreaterThan(order.indexOf('label'));
  });

  it('a compute-environment replace names the actions it re-points, managed or not', () => {
    const old = anActualComputeEnv({ config: { region: 'eu-west-1' } });
    const other = liveNightly({ id: 'act-9', name: 'elsewhere', launch: { computeEnvId: 'ce-other' } });
    const [desired, actual] = state(undefined, [liveNightly(), other], {
      computeEnvs: [old],
      desiredCes: [aDesiredComputeEnv({ credentials: undefined, config: { region: 'ap-southeast-2' } })],
    });
    const p = plan(desired, actual);
    const replace = actionAt(p, 'biocommons/ausgen/computeEnvironments/aws-sydney') as ComputeEnvAction;
    expect(replace.type).toBe('replace');
    expect(replace.repointActions).toEqual([{ actionId: 'act-1', name: 'nightly' }]);
  });
});
