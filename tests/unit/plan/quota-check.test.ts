/**
 * The quota check with pure data: a plan and the live state → which
 * organisations' quotas are read, and the warnings for the limits the plan
 * would exceed (live + creates − deletes > limit), or a note when they
 * could not be read.
 */
import { describe, expect, it } from 'vitest';
import type { ActualState, OrgQuotas } from '../../../src/model/actual.js';
import type { ActualLabel, DesiredLabel } from '../../../src/kinds/labels/model.js';
import type { Plan } from '../../../src/model/plan.js';
import { orgsToCheck, withQuotaWarnings } from '../../../src/plan/quota-check.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aSource,
  anActualOrg,
  anActualState,
  anActualUserParticipant,
  anActualWorkspace,
  aPlannerContext,
  pruneSetting,
} from '../../helpers/builders.js';
import { plan } from './plan-kit.js';

const simple = (name: string): DesiredLabel => ({
  name,
  resource: false,
  isDefault: false,
  source: aSource(),
});
const liveLabel = (name: string, id: number): ActualLabel => ({
  id,
  name,
  resource: false,
  isDefault: false,
});

/** A workspace `ausgen` that declares `declared` labels over `live` ones, and a new workspace when asked. */
function scenario(
  declared: readonly string[],
  live: readonly string[],
  options: { prune?: boolean; newWorkspace?: boolean } = {},
): { readonly plan: Plan; readonly actual: ActualState } {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          labels: declared.map(simple),
          prune: pruneSetting({ labels: options.prune ?? false }),
        }),
        ...(options.newWorkspace === true ? [aDesiredWorkspace({ name: 'fresh' })] : []),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces: [anActualWorkspace({ labels: live.map((name, i) => liveLabel(name, i + 1)) })],
    }),
  );
  return { plan: plan(desired, actual), actual };
}

const limits = (values: Readonly<Record<string, number>>): ReadonlyMap<string, OrgQuotas> =>
  new Map([['biocommons', { limits: values }]]);

describe('which organisations have their quotas read', () => {
  it('those whose plan creates something a quota counts, once each', () => {
    const { plan: p, actual } = scenario(['a', 'b'], ['a']);
    expect(orgsToCheck(p, actual)).toEqual(['biocommons']);
  });

  it('none when the plan creates nothing counted (no changes, or only updates and deletes)', () => {
    expect(orgsToCheck(...pair(scenario(['a'], ['a'])))).toEqual([]);
    expect(orgsToCheck(...pair(scenario(['a'], ['a', 'b'], { prune: true })))).toEqual([]);
  });

  it('none for an organisation the plan creates (it has no quotas to read yet)', () => {
    const desired = aDesiredState(
      aDesiredOrg({ workspaces: [aDesiredWorkspace({ labels: [simple('a')] })] }),
    );
    const actual = anActualState();
    const p = plan(desired, actual, aPlannerContext({ options: { allowOrgCreation: true } }));
    expect(p.actions.some((a) => a.type === 'create')).toBe(true);
    expect(orgsToCheck(p, actual)).toEqual([]);
  });
});

function pair(s: { readonly plan: Plan; readonly actual: ActualState }): [Plan, ActualState] {
  return [s.plan, s.actual];
}

describe('quota warnings', () => {
  it('warns when live + creates exceeds a per-workspace limit, naming the workspace, the limit and the count', () => {
    const { plan: p, actual } = scenario(['a', 'b', 'c'], ['a']);
    const checked = withQuotaWarnings(p, actual, limits({ maxLabelsPerWorkspace: 2 }));
    expect(checked.warnings).toEqual([
      {
        quota: 'maxLabelsPerWorkspace',
        org: 'biocommons',
        workspace: 'ausgen',
        limit: 2,
        count: 3,
        message:
          'workspace biocommons/ausgen: 3 labels after this plan (1 now, 2 created), over the maxLabelsPerWorkspace ' +
          'quota of 2: the platform refuses the creates beyond it',
      },
    ]);
    expect(checked.actions).toEqual(p.actions);
    expect(checked.blocked).toEqual([]);
  });

  it('does not warn at the limit itself', () => {
    const { plan: p, actual } = scenario(['a', 'b'], ['a']);
    expect(withQuotaWarnings(p, actual, limits({ maxLabelsPerWorkspace: 2 })).warnings).toBeUndefined();
  });

  it('subtracts the plan’s deletes', () => {
    const { plan: p, actual } = scenario(['b', 'c'], ['a', 'x'], { prune: true });
    expect(p.actions.filter((a) => a.type === 'delete')).toHaveLength(2);
    expect(withQuotaWarnings(p, actual, limits({ maxLabelsPerWorkspace: 2 })).warnings).toBeUndefined();
    expect(withQuotaWarnings(p, actual, limits({ maxLabelsPerWorkspace: 1 })).warnings?.[0]?.count).toBe(2);
  });

  it('warns for an organisation-wide quota without a workspace (workspaces of the org)', () => {
    const { plan: p, actual } = scenario(['a'], ['a'], { newWorkspace: true });
    const checked = withQuotaWarnings(p, actual, limits({ maxWorkspaces: 1, maxLabelsPerWorkspace: 0 }));
    expect(checked.warnings?.map((w) => [w.quota, w.workspace, w.count, w.limit])).toEqual([
      ['maxWorkspaces', undefined, 2, 1],
    ]);
  });

  it('ignores quotas the platform does not report (no limit)', () => {
    const { plan: p, actual } = scenario(['a', 'b', 'c'], []);
    expect(withQuotaWarnings(p, actual, limits({ maxPipelinesPerWorkspace: 0 }))).toBe(p);
  });

  it('notes an organisation whose quotas could not be read, and warns about nothing there', () => {
    const { plan: p, actual } = scenario(['a', 'b', 'c'], []);
    const checked = withQuotaWarnings(
      p,
      actual,
      new Map([['biocommons', { unavailable: 'the platform answered 403 to GET /orgs/1/quotas' }]]),
    );
    expect(checked.warnings).toBeUndefined();
    expect(checked.notes).toContainEqual({
      message:
        'quotas of organisation biocommons not checked: the platform answered 403 to GET /orgs/1/quotas',
    });
  });
});

describe('what a delete takes with it', () => {
  // ausgen has two participants; the plan adds a third, and removes a member who is one of the two.
  const actual = anActualState(
    anActualOrg({
      workspaces: [
        anActualWorkspace({
          participants: [
            anActualUserParticipant('leaving@example.org', 'view'),
            anActualUserParticipant('staying@example.org', 'view'),
          ],
        }),
      ],
    }),
  );
  const base = scenario([], []).plan;
  const add = {
    kind: 'participant',
    type: 'create',
    address: 'biocommons/ausgen/participants/new@example.org',
    org: 'biocommons',
    workspace: 'ausgen',
    name: 'new@example.org',
    reason: 'declared',
    dependsOn: [],
  } as unknown as Plan['actions'][number];
  const removeMember = (cascade: string[]) =>
    ({
      kind: 'member',
      type: 'delete',
      address: 'biocommons/members/leaving@example.org',
      org: 'biocommons',
      name: 'leaving@example.org',
      reason: 'pruned',
      dependsOn: [],
      cascade,
    }) as unknown as Plan['actions'][number];

  it('counts a removed member’s participations as deleted: at the limit, no warning', () => {
    const p: Plan = {
      ...base,
      actions: [removeMember(['biocommons/ausgen/participants/leaving@example.org']), add],
    };
    expect(withQuotaWarnings(p, actual, limits({ maxParticipantsPerWorkspace: 2 })).warnings).toBeUndefined();
  });

  it('warns when nothing goes with the delete, and counts one address once', () => {
    const alone: Plan = { ...base, actions: [removeMember([]), add] };
    expect(
      withQuotaWarnings(alone, actual, limits({ maxParticipantsPerWorkspace: 2 })).warnings?.[0]?.message,
    ).toContain('3 participants after this plan (2 now, 1 created)');
    const twice: Plan = {
      ...base,
      actions: [
        removeMember(['biocommons/ausgen/participants/leaving@example.org']),
        removeMember(['biocommons/ausgen/participants/leaving@example.org']),
        add,
        { ...add, address: 'biocommons/ausgen/participants/other@example.org' },
      ],
    };
    expect(
      withQuotaWarnings(twice, actual, limits({ maxParticipantsPerWorkspace: 2 })).warnings?.[0]?.message,
    ).toContain('3 participants after this plan (2 now, 2 created, 1 deleted)');
  });
});
