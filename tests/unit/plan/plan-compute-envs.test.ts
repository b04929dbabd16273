import { describe, expect, it } from 'vitest';
import type {
  ActualComputeEnv,
  ComputeEnvAction,
  DesiredComputeEnv,
} from '../../../src/kinds/compute-environments/model.js';
import type { ActualCredential, DesiredCredential } from '../../../src/kinds/credentials/model.js';
import type { ActualPipeline } from '../../../src/kinds/pipelines/model.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aPlannerContext,
  anActualComputeEnv,
  anActualCredential,
  anActualOrg,
  anActualPipeline,
  anActualState,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
  serverFilledConfig,
  variablesSetIn,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, summary } from './plan-kit.js';

const CE = 'biocommons/ausgen/computeEnvironments/aws-sydney';
const CRED = 'biocommons/ausgen/credentials/aws-main';
const ctx = aPlannerContext({
  setVariables: variablesSetIn(['AWS_SECRET_KEY']),
  keysMatch: new Map([[CRED, true]]),
});
const declared = aDesiredComputeEnv();
const matching = (overrides: Partial<ActualComputeEnv> = {}): ActualComputeEnv =>
  anActualComputeEnv({
    id: 'ce-old',
    config: serverFilledConfig(declared.config, 'aws-sydney'),
    ...overrides,
  });

function state(
  ces: DesiredComputeEnv[] | undefined,
  live: ActualComputeEnv[] | undefined,
  more: {
    credentials?: DesiredCredential[];
    liveCredentials?: ActualCredential[];
    pipelines?: ActualPipeline[];
    prune?: boolean;
    ignore?: string[];
  } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(ces === undefined ? {} : { computeEnvironments: ces }),
          credentials: more.credentials ?? [aDesiredCredential()],
          prune: pruneSetting(more.prune ?? false),
          ignore: ignoreLists({ computeEnvironments: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          ...(live === undefined ? {} : { computeEnvironments: live }),
          credentials: more.liveCredentials ?? [anActualCredential()],
          ...(more.pipelines === undefined ? {} : { pipelines: more.pipelines }),
        }),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('compute environments: in place vs replace (SPEC 4.4)', () => {
  it('plans nothing for the server-filled config of a matching CE', () => {
    const [desired, actual] = state([declared], [matching()]);
    expect(plan(desired, actual, ctx).actions).toEqual([]);
  });

  it('creates a missing CE after its credential create and the workspace', () => {
    const [desired, actual] = state([declared], [], { liveCredentials: [] });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`create ${CRED}`, `create ${CE}`]);
    expect(actionAt(p, CE).dependsOn).toEqual([CRED]);
  });

  it.each([
    [
      'description',
      { description: 'New' },
      { description: 'Old' },
      [{ field: 'description', from: 'Old', to: 'New' }],
    ],
    [
      'credentials, by name',
      { credentials: 'other' },
      {},
      [{ field: 'credentials', from: 'aws-main', to: 'other' }],
    ],
  ])('updates %s in place', (_name, desiredOverrides, liveOverrides, changes) => {
    const [desired, actual] = state([aDesiredComputeEnv(desiredOverrides)], [matching(liveOverrides)], {
      liveCredentials: [anActualCredential(), anActualCredential({ name: 'other' })],
      credentials: [aDesiredCredential(), aDesiredCredential({ name: 'other' })],
    });
    const p = plan(
      desired,
      actual,
      aPlannerContext({
        setVariables: variablesSetIn(['AWS_SECRET_KEY']),
        keysMatch: new Map([
          [CRED, true],
          ['biocommons/ausgen/credentials/other', true],
        ]),
      }),
    );
    expect(summary(p)).toEqual([`update ${CE}`]);
    expect(actionAt(p, CE).changes).toEqual(changes);
  });

  it('an in-place credentials change waits for a new credential', () => {
    const [desired, actual] = state([aDesiredComputeEnv({ credentials: 'fresh' })], [matching()], {
      credentials: [
        aDesiredCredential(),
        aDesiredCredential({ name: 'fresh', keys: { accessKey: 'A', secretKey: { secretRef: 'FRESH' } } }),
      ],
    });
    const p = plan(
      desired,
      actual,
      aPlannerContext({
        setVariables: variablesSetIn(['AWS_SECRET_KEY', 'FRESH']),
        keysMatch: new Map([[CRED, true]]),
      }),
    );
    expect(actionAt(p, CE).dependsOn).toEqual(['biocommons/ausgen/credentials/fresh']);
  });

  it('a credential replace re-points the CE that keeps it', () => {
    const [desired, actual] = state([declared], [matching()], {
      liveCredentials: [anActualCredential({ provider: 'google' })],
    });
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`replace ${CRED}`, `update ${CE}`]);
    expect(actionAt(p, CE).dependsOn).toEqual([CRED]);
  });

  it.each([
    ['platform', { platform: 'google-batch' }, ['platform']],
    ['a config key', { config: { ...declared.config, region: 'us-east-1' } }, ['config.region']],
    [
      'a nested config key',
      { config: { ...declared.config, forge: { type: 'EC2', maxCpus: 500 } } },
      ['config.forge.type'],
    ],
  ])('replaces on %s, listing the forcing fields', (_name, overrides, forcedBy) => {
    const [desired, actual] = state([aDesiredComputeEnv(overrides)], [matching()]);
    const action = actionAt(plan(desired, actual, ctx), CE) as ComputeEnvAction;
    expect(action.type).toBe('replace');
    expect(action.forcedBy).toEqual(forcedBy);
    expect(action.current?.id).toBe('ce-old');
  });

  it('a replace lists every pipeline using the old CE, managed or not, and whether primary moves', () => {
    const pipelines = [
      anActualPipeline({ name: 'b', launch: { computeEnvId: 'ce-old' } }),
      anActualPipeline({ name: 'a', launch: { computeEnvId: 'ce-old' } }),
      anActualPipeline({ name: 'c', launch: { computeEnvId: 'ce-else' } }),
    ];
    const [desired, actual] = state([aDesiredComputeEnv({ platform: 'x' })], [matching({ primary: true })], {
      pipelines,
    });
    const p = plan(desired, actual, ctx);
    expect(actionAt(p, CE)).toMatchObject({ repoint: [{ name: 'a' }, { name: 'b' }], movesPrimary: true });
    expect(summary(p)).toEqual([`replace ${CE}`]);
  });

  it('a replace also carries in-place differences in its changes', () => {
    const [desired, actual] = state(
      [aDesiredComputeEnv({ platform: 'x', description: 'New' })],
      [matching()],
    );
    expect(actionAt(plan(desired, actual, ctx), CE).changes.map((c) => c.field)).toEqual([
      'description',
      'platform',
    ]);
  });

  it('keeps an ERRORED CE whose config matches, with a note', () => {
    const [desired, actual] = state([declared], [matching({ status: 'ERRORED', message: 'quota' })]);
    const p = plan(desired, actual, ctx);
    expect(p.actions).toEqual([]);
    expect(noteMessages(p)).toEqual([expect.stringContaining('ERRORED (quota)')]);
  });
});

describe('compute environments: primary', () => {
  const P = `${CE}/primary`;

  it.each([
    ['declared primary, live not', true, false, [`update ${P}`]],
    ['declared primary, live primary', true, true, []],
    ['not declared primary, live primary (cannot unset)', false, true, []],
  ])('%s', (_name, wanted, live, expected) => {
    const [desired, actual] = state([aDesiredComputeEnv({ primary: wanted })], [matching({ primary: live })]);
    expect(summary(plan(desired, actual, ctx))).toEqual(expected);
  });

  it('a new primary CE: the primary flag is part of its create (one action, one count)', () => {
    const [desired, actual] = state([aDesiredComputeEnv({ primary: true })], []);
    const p = plan(desired, actual, ctx);
    expect(summary(p)).toEqual([`create ${CE}`]);
    expect(actionAt(p, CE).changes).toContainEqual({ field: 'primary', to: true });
  });

  it('a replace of a non-primary CE declared primary makes the new one primary afterwards', () => {
    const [desired, actual] = state([aDesiredComputeEnv({ primary: true, platform: 'x' })], [matching()]);
    const p = plan(desired, actual, ctx);
    expect(actionAt(p, P).dependsOn).toEqual([CE]);
    expect(actionAt(p, CE)).toMatchObject({ movesPrimary: false });
  });

  it('a replace of the primary CE moves primary itself (no separate action)', () => {
    const [desired, actual] = state(
      [aDesiredComputeEnv({ primary: true, platform: 'x' })],
      [matching({ primary: true })],
    );
    expect(summary(plan(desired, actual, ctx))).toEqual([`replace ${CE}`]);
  });
});

describe('compute environments: extras and liveIds', () => {
  const extra = anActualComputeEnv({ name: 'old', id: 'ce-x' });

  it('reports, prunes and ignores', () => {
    const [d1, a1] = state([], [extra]);
    expect(driftAddresses(plan(d1, a1, ctx))).toEqual(['biocommons/ausgen/computeEnvironments/old']);
    const [d2, a2] = state([], [extra], { prune: true });
    expect(summary(plan(d2, a2, ctx))).toEqual(['delete biocommons/ausgen/computeEnvironments/old']);
    const [d3, a3] = state([], [extra], { prune: true, ignore: ['old'] });
    expect(plan(d3, a3, ctx).actions).toEqual([]);
  });

  it('notes a pipeline left on a deleted CE', () => {
    const [desired, actual] = state([], [extra], {
      prune: true,
      pipelines: [anActualPipeline({ launch: { computeEnvId: 'ce-x' } })],
    });
    expect(noteMessages(plan(desired, actual, ctx))).toEqual([
      expect.stringContaining('pipeline rnaseq launches on compute environment old'),
    ]);
  });

  it('fills liveIds even when CEs are unmanaged', () => {
    const [desired, actual] = state(undefined, [extra]);
    expect(plan(desired, actual, ctx).liveIds['biocommons/ausgen/computeEnvironments/old']).toBe('ce-x');
  });
});

describe('compute environments: reader hints', () => {
  it('names the live credential from credentialsName when credentials were not read', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [
          aDesiredWorkspace({ computeEnvironments: [aDesiredComputeEnv({ credentials: 'other' })] }),
        ],
      }),
    );
    const live = (extra: Partial<ActualComputeEnv>) =>
      anActualState(
        anActualOrg({ workspaces: [anActualWorkspace({ computeEnvironments: [matching(extra)] })] }),
      );
    expect(actionAt(plan(desired, live({ credentialsName: 'aws-main' }), ctx), CE).changes).toEqual([
      { field: 'credentials', from: 'aws-main', to: 'other' },
    ]);
    expect(plan(desired, live({ credentialsName: 'other' }), ctx).actions).toEqual([]);
    expect(plan(desired, live({}), ctx).actions).toEqual([]);
  });

  it('never replaces a CE that was only listed (no config to compare)', () => {
    const [desired, actual] = state([declared], [matching({ config: {}, listedOnly: true })]);
    expect(plan(desired, actual, ctx).actions).toEqual([]);
  });
});
