/**
 * Labels carried by compute environments and pipelines, with pure data
 * (desired + live → actions): a CE's labels are set at creation and a change
 * replaces it; a pipeline's labels update in place; undeclared labels are
 * kept; a reference to a label that exists nowhere blocks the plan.
 */
import { describe, expect, it } from 'vitest';
import type { ActualComputeEnv, DesiredComputeEnv } from '../../../src/kinds/compute-environments/model.js';
import type { ActualLabel, DesiredLabel } from '../../../src/kinds/labels/model.js';
import type { ActualPipeline, DesiredPipeline } from '../../../src/kinds/pipelines/model.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredOrg,
  aDesiredPipeline,
  aDesiredState,
  aDesiredWorkspace,
  aPlannerContext,
  aSource,
  anActualComputeEnv,
  anActualCredential,
  anActualOrg,
  anActualPipeline,
  anActualState,
  anActualWorkspace,
  serverFilledConfig,
  variablesSetIn,
} from '../../helpers/builders.js';
import { actionAt, plan, rules, summary } from './plan-kit.js';

const CE = 'biocommons/ausgen/computeEnvironments/aws-sydney';
const PIPELINE = 'biocommons/ausgen/pipelines/rnaseq';
const LABEL = (name: string): string => `biocommons/ausgen/labels/${name}`;
const CRED = 'biocommons/ausgen/credentials/aws-main';
const ctx = aPlannerContext({
  setVariables: variablesSetIn(['AWS_SECRET_KEY']),
  keysMatch: new Map([[CRED, true]]),
});

const PROJECT: ActualLabel = { id: 501, name: 'project', value: 'ausgen', resource: true, isDefault: false };
const OTHER: ActualLabel = { id: 502, name: 'cost', value: 'genomics', resource: true, isDefault: false };
const RNASEQ: ActualLabel = { id: 503, name: 'rnaseq', resource: false, isDefault: false };

const declaredCe = (labels?: string[]): DesiredComputeEnv =>
  aDesiredComputeEnv(labels === undefined ? {} : { labels });
const liveCe = (labelIds: number[]): ActualComputeEnv =>
  anActualComputeEnv({
    id: 'ce-old',
    config: serverFilledConfig(declaredCe().config, 'aws-sydney'),
    labelIds,
  });
const declaredPipeline = (labels?: string[]): DesiredPipeline =>
  aDesiredPipeline(labels === undefined ? {} : { labels });
const livePipeline = (labelIds: number[]): ActualPipeline =>
  anActualPipeline({
    labelIds,
    launch: {
      pipeline: 'https://github.com/nf-core/rnaseq',
      revision: '3.14.0',
      computeEnvId: 'ce-old',
      workDir: 's3://ausgen-work/scratch',
    },
  });

function state(parts: {
  ces?: DesiredComputeEnv[];
  liveCes?: ActualComputeEnv[];
  pipelines?: DesiredPipeline[];
  livePipelines?: ActualPipeline[];
  labels?: DesiredLabel[];
  liveLabels?: ActualLabel[];
}) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          credentials: [aDesiredCredential()],
          computeEnvironments: parts.ces ?? [declaredCe()],
          ...(parts.pipelines === undefined ? {} : { pipelines: parts.pipelines }),
          ...(parts.labels === undefined ? {} : { labels: parts.labels }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          credentials: [anActualCredential()],
          computeEnvironments: parts.liveCes ?? [liveCe([])],
          pipelines: parts.livePipelines ?? [],
          ...(parts.liveLabels === undefined ? {} : { labels: parts.liveLabels }),
        }),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('compute environment labels', () => {
  it('a new compute environment shows its labels and waits for a label the plan creates', () => {
    const [desired, actual] = state({
      ces: [declaredCe(['project=ausgen'])],
      liveCes: [],
      labels: [{ name: 'project', value: 'ausgen', resource: true, isDefault: false, source: aSource() }],
      liveLabels: [],
    });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`create ${LABEL('project')}`, `create ${CE}`]);
    const create = actionAt(p, CE);
    expect(create.changes).toContainEqual({ field: 'labels', to: ['project=ausgen'] });
    expect(create.dependsOn).toContain(LABEL('project'));
  });

  it('the same labels on the platform plan nothing, in any order', () => {
    const [desired, actual] = state({
      ces: [declaredCe(['project=ausgen', 'cost=genomics'])],
      liveCes: [liveCe([502, 501])],
      liveLabels: [PROJECT, OTHER],
    });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([]);
    expect(p.blocked).toEqual([]);
  });

  it('a change of labels replaces the compute environment, forced by labels', () => {
    const [desired, actual] = state({
      ces: [declaredCe(['project=ausgen'])],
      liveCes: [liveCe([501, 502])],
      liveLabels: [PROJECT, OTHER],
    });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`replace ${CE}`]);
    const replace = actionAt(p, CE);
    expect(
      replace.type === 'replace' && replace.kind === 'computeEnvironment' ? replace.forcedBy : [],
    ).toEqual(['labels']);
    expect(replace.changes).toEqual([
      { field: 'labels', from: ['cost=genomics', 'project=ausgen'], to: ['project=ausgen'] },
    ]);
  });

  it('undeclared labels are not managed: the live ones are neither compared nor read', () => {
    const [desired, actual] = state({ ces: [declaredCe()], liveCes: [liveCe([501])] });
    expect(summary(plan(desired, actual, ctx))).toEqual([]);
  });

  it('a label that exists nowhere blocks the plan, naming the file and the label', () => {
    const [desired, actual] = state({
      ces: [declaredCe(['projekt=ausgen'])],
      liveCes: [],
      liveLabels: [PROJECT],
    });
    const p = plan(desired, actual, ctx);
    expect(rules(p)).toEqual(['unknownLabel']);
    expect(p.blocked[0]?.message).toMatch(/compute environment aws-sydney names label projekt=ausgen/);
    expect(p.blocked[0]?.message).toMatch(/no label projekt exists in workspace ausgen on the platform/);
    expect(p.blocked[0]?.addresses).toEqual([CE]);
  });

  it('a label on the platform with another value blocks the plan, saying its value', () => {
    const [desired, actual] = state({
      ces: [declaredCe(['project=other'])],
      liveCes: [],
      liveLabels: [PROJECT],
    });
    const p = plan(desired, actual, ctx);
    expect(rules(p)).toEqual(['unknownLabel']);
    expect(p.blocked[0]?.message).toMatch(/its value is ausgen, not other/);
  });
});

describe('a resource label in use', () => {
  it('a change of its value blocks the plan, naming what carries it', () => {
    const [desired, actual] = state({
      ces: [declaredCe(['project=other'])],
      liveCes: [liveCe([501])],
      pipelines: [declaredPipeline(['project=other'])],
      livePipelines: [livePipeline([501])],
      labels: [{ name: 'project', value: 'other', resource: true, isDefault: false, source: aSource() }],
      liveLabels: [PROJECT],
    });
    const p = plan(desired, actual, ctx);
    expect(rules(p)).toEqual(['immutableLabel']);
    expect(p.blocked[0]?.message).toMatch(
      /resource label project would change \(value\), but the platform refuses to edit a resource label in use, and compute environment aws-sydney, pipeline rnaseq carries it/,
    );
    expect(p.blocked[0]?.addresses).toEqual([LABEL('project')]);
  });

  it('a change of a label nothing carries is an update', () => {
    const [desired, actual] = state({
      ces: [declaredCe()],
      liveCes: [liveCe([])],
      labels: [{ name: 'project', value: 'other', resource: true, isDefault: false, source: aSource() }],
      liveLabels: [PROJECT],
    });
    const p = plan(desired, actual, ctx);
    expect(p.blocked).toEqual([]);
    expect(summary(p)).toEqual([`update ${LABEL('project')}`]);
  });
});

describe('pipeline labels', () => {
  it('a new pipeline shows its labels', () => {
    const [desired, actual] = state({
      pipelines: [declaredPipeline(['rnaseq', 'project=ausgen'])],
      liveLabels: [PROJECT, RNASEQ],
    });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`create ${PIPELINE}`]);
    expect(actionAt(p, PIPELINE).changes).toContainEqual({
      field: 'labels',
      to: ['project=ausgen', 'rnaseq'],
    });
  });

  it('a change of labels is an update in place with the labels field alone', () => {
    const [desired, actual] = state({
      pipelines: [declaredPipeline(['rnaseq'])],
      livePipelines: [livePipeline([501])],
      liveLabels: [PROJECT, RNASEQ],
    });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`update ${PIPELINE}`]);
    const update = actionAt(p, PIPELINE);
    expect(update.changes).toEqual([{ field: 'labels', from: ['project=ausgen'], to: ['rnaseq'] }]);
    expect(update.reason).toBe('labels differs from the platform');
  });

  it('an empty list clears the labels; an absent one leaves them alone', () => {
    const [cleared, actual] = state({
      pipelines: [declaredPipeline([])],
      livePipelines: [livePipeline([503])],
      liveLabels: [RNASEQ],
    });
    expect(actionAt(plan(cleared, actual, ctx), PIPELINE).changes).toEqual([
      { field: 'labels', from: ['rnaseq'], to: [] },
    ]);
    const [kept, actual2] = state({
      pipelines: [declaredPipeline()],
      livePipelines: [livePipeline([503])],
      liveLabels: [RNASEQ],
    });
    expect(summary(plan(kept, actual2, ctx))).toEqual([]);
  });

  it('a bare name of a resource label blocks the plan, saying how to name it', () => {
    const [desired, actual] = state({
      pipelines: [declaredPipeline(['project'])],
      livePipelines: [livePipeline([])],
      liveLabels: [PROJECT],
    });
    const p = plan(desired, actual, ctx);
    expect(rules(p)).toEqual(['unknownLabel']);
    expect(p.blocked[0]?.message).toMatch(/it is a resource label: name it as project=ausgen/);
  });
});
