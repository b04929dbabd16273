import { describe, expect, it } from 'vitest';
import type { ActualComputeEnv, DesiredComputeEnv } from '../../../src/kinds/compute-environments/model.js';
import type { ActualCredential, DesiredCredential } from '../../../src/kinds/credentials/model.js';
import type { PlannerContext } from '../../../src/model/planner-context.js';
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
  anActualState,
  anActualWorkspace,
  ignoreLists,
  pruneSetting,
  variablesSetIn,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, rules, summary } from './plan-kit.js';

const A = 'biocommons/ausgen/credentials/aws-main';
const SET = aPlannerContext({
  setVariables: variablesSetIn(['AWS_SECRET_KEY']),
  keysMatch: new Map([[A, true]]),
});

function state(
  credentials: DesiredCredential[] | undefined,
  live: ActualCredential[] | undefined,
  more: { prune?: boolean; ignore?: string[]; ces?: DesiredComputeEnv[]; liveCes?: ActualComputeEnv[] } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(credentials === undefined ? {} : { credentials }),
          ...(more.ces === undefined ? {} : { computeEnvironments: more.ces }),
          prune: pruneSetting(more.prune ?? false),
          ignore: ignoreLists({ credentials: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          ...(live === undefined ? {} : { credentials: live }),
          ...(more.liveCes === undefined ? {} : { computeEnvironments: more.liveCes }),
        }),
      ],
    }),
  );
  return [desired, actual] as const;
}

describe('credentials: create (SPEC 3.4)', () => {
  it('creates a missing credential; secret keys are sensitive, never a value', () => {
    const [desired, actual] = state([aDesiredCredential({ description: 'Main' })], []);
    const p = plan(desired, actual, SET);
    expect(actionAt(p, A)).toMatchObject({
      type: 'create',
      changes: [
        { field: 'description', to: 'Main' },
        { field: 'keys.accessKey', to: 'AKIAEXAMPLE' },
        { field: 'keys.secretKey', sensitive: true, to: { secretRef: 'AWS_SECRET_KEY' } },
        { field: 'provider', to: 'aws' },
      ],
    });
    // The change names the variable (a SecretRef), never a value.
    expect(JSON.stringify(p)).toContain('"to":{"secretRef":"AWS_SECRET_KEY"}');
    expect(p.blocked).toEqual([]);
  });

  it('blocks a create whose secret variable is unset, naming the variable and file:line', () => {
    const [desired, actual] = state([aDesiredCredential()], []);
    const p = plan(desired, actual, aPlannerContext());
    expect(rules(p)).toEqual(['missingVariable']);
    expect(p.blocked[0]?.message).toContain('AWS_SECRET_KEY');
    expect(p.blocked[0]?.message).toContain('workspaces/biocommons/ausgen.yaml:12');
    expect(summary(p)).toEqual([`create ${A}`]);
  });
});

describe('credentials: updates in place (SPEC 4.4)', () => {
  const ctx = (keysMatch: boolean | undefined, vars = ['AWS_SECRET_KEY']): PlannerContext =>
    aPlannerContext({
      setVariables: variablesSetIn(vars),
      keysMatch: new Map(keysMatch === undefined ? [] : [[A, keysMatch]]),
    });

  it.each([
    ['no change when keys match', {}, {}, ctx(true), []],
    ['description in place', { description: 'New' }, { description: 'Old' }, ctx(true), ['description']],
    [
      'a non-secret key in place',
      { keys: { accessKey: 'AKIANEW', secretKey: { secretRef: 'AWS_SECRET_KEY' } } },
      {},
      ctx(true),
      ['keys.accessKey'],
    ],
    ['baseUrl in place', { baseUrl: 'https://git.example.org' }, {}, ctx(true), ['baseUrl']],
    ['rotated secret keys as a sensitive change', {}, {}, ctx(false), ['keys']],
    [
      'live keys the file does not declare are not drift',
      {},
      { keys: { accessKey: 'AKIAEXAMPLE', mode: 'keys', secretKey: '(sensitive)' } },
      ctx(true),
      [],
    ],
    [
      'declared keys are not compared when the platform returned none',
      { keys: { accessKey: 'AKIANEW', secretKey: { secretRef: 'AWS_SECRET_KEY' } } },
      { keys: {}, keysUnknown: true as const },
      ctx(true),
      [],
    ],
  ])('%s', (_name, desiredOverrides, liveOverrides, context, fields) => {
    const [desired, actual] = state(
      [aDesiredCredential(desiredOverrides)],
      [anActualCredential(liveOverrides)],
    );
    const p = plan(desired, actual, context);
    const action = p.actions.find((a) => a.address === A);
    expect(action?.changes.map((c) => c.field) ?? []).toEqual(fields);
    if (action !== undefined) expect(action.type).toBe('update');
  });

  it('never exposes secret material in a keys change', () => {
    const [desired, actual] = state([aDesiredCredential()], [anActualCredential()]);
    expect(actionAt(plan(desired, actual, ctx(false)), A).changes).toEqual([
      { field: 'keys', sensitive: true },
    ]);
  });

  it('records a fingerprint once when the live credential has none and its variables are set', () => {
    const [desired, actual] = state([aDesiredCredential()], [anActualCredential({ fingerprint: undefined })]);
    const p = plan(desired, actual, ctx(undefined));
    expect(actionAt(p, A)).toMatchObject({ type: 'update', changes: [{ field: 'keys', sensitive: true }] });
    expect(actionAt(p, A).reason).toContain('record keys fingerprint');
  });

  it('does not record a fingerprint for a credential without secret keys', () => {
    const agent = aDesiredCredential({ provider: 'tw-agent', keys: { connectionId: 'abc' } });
    const [desired, actual] = state(
      [agent],
      [anActualCredential({ provider: 'tw-agent', keys: { connectionId: 'abc' }, fingerprint: undefined })],
    );
    expect(plan(desired, actual, ctx(undefined, [])).actions).toEqual([]);
  });

  it('leaves a credential alone with a note when a secret variable is unset', () => {
    const [desired, actual] = state(
      [aDesiredCredential({ description: 'New' })],
      [anActualCredential({ description: 'Old' })],
    );
    const p = plan(desired, actual, ctx(undefined, []));
    expect(p.actions).toEqual([]);
    expect(p.blocked).toEqual([]);
    expect(noteMessages(p)).toEqual([expect.stringContaining('keys not compared (AWS_SECRET_KEY not set)')]);
  });

  it('replaces on a provider change (forced by provider)', () => {
    const [desired, actual] = state([aDesiredCredential({ provider: 's3' })], [anActualCredential()]);
    const p = plan(desired, actual, ctx(undefined));
    expect(actionAt(p, A)).toMatchObject({
      type: 'replace',
      changes: [{ field: 'provider', from: 'aws', to: 's3' }],
    });
  });

  it('records the credential id in liveIds, managed or not', () => {
    const [desired, actual] = state(undefined, [anActualCredential({ id: 'abc' })]);
    expect(plan(desired, actual).liveIds[A]).toBe('abc');
  });
});

describe('credentials: extras', () => {
  const other = anActualCredential({ name: 'old', id: 'old-id' });
  const O = 'biocommons/ausgen/credentials/old';

  it('reports, prunes or ignores', () => {
    const [d1, a1] = state([], [other]);
    expect(driftAddresses(plan(d1, a1))).toEqual([O]);
    const [d2, a2] = state([], [other], { prune: true });
    expect(summary(plan(d2, a2))).toEqual([`delete ${O}`]);
    const [d3, a3] = state([], [other], { prune: true, ignore: ['old'] });
    expect(plan(d3, a3).actions).toEqual([]);
  });

  it('a credential delete waits for the delete of the CEs that use it', () => {
    const [desired, actual] = state([], [other], {
      prune: true,
      ces: [],
      liveCes: [anActualComputeEnv({ name: 'ce1', credentialsId: 'old-id' })],
    });
    const p = plan(desired, actual);
    expect(actionAt(p, O).dependsOn).toEqual(['biocommons/ausgen/computeEnvironments/ce1']);
    expect(p.notes).toEqual([]);
  });

  it('notes a credential deleted while a CE that stays uses it', () => {
    const [desired, actual] = state([], [other], {
      prune: true,
      liveCes: [anActualComputeEnv({ name: 'ce1', credentialsId: 'old-id' })],
    });
    const p = plan(desired, actual);
    expect(actionAt(p, O).dependsOn).toEqual([]);
    expect(noteMessages(p)).toEqual([expect.stringContaining('compute environment ce1 still uses it')]);
  });

  it('a CE moving to another credential does not strand the old one', () => {
    const [desired, actual] = state([aDesiredCredential()], [anActualCredential(), other], {
      prune: true,
      ces: [aDesiredComputeEnv({ name: 'ce1', config: {} })],
      liveCes: [anActualComputeEnv({ name: 'ce1', credentialsId: 'old-id' })],
    });
    const p = plan(desired, actual, SET);
    expect(summary(p)).toEqual([`update biocommons/ausgen/computeEnvironments/ce1`, `delete ${O}`]);
    expect(actionAt(p, O).dependsOn).toEqual(['biocommons/ausgen/computeEnvironments/ce1']);
    expect(p.notes).toEqual([]);
  });
});
