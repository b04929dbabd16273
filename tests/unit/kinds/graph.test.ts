/**
 * The one dependency graph (src/kinds/graph.ts), from the kinds'
 * declarations: the order creates run in, what each action waits for, and
 * the refusal of declarations that cannot be ordered.
 */
import { describe, expect, it } from 'vitest';
import { dependenciesOf } from '../../../src/apply/dependencies.js';
import { scheduleOf } from '../../../src/apply/schedule.js';
import { PLANNING_ORDER, RESOURCE_ORDER, removedWith, resourceOrder } from '../../../src/kinds/graph.js';
import { KINDS, type Kind } from '../../../src/kinds/index.js';
import type { PlanAction } from '../../../src/model/plan.js';
import {
  anActualOrg,
  anActualTeam,
  anActualTeamParticipant,
  anActualUserParticipant,
  anActualWorkspace,
  teamMembersOf,
} from '../../helpers/builders.js';

function action(fields: Partial<PlanAction> & Pick<PlanAction, 'kind' | 'type' | 'address'>): PlanAction {
  return { org: 'bio', name: 'x', reason: 'r', changes: [], dependsOn: [], ...fields } as PlanAction;
}

const noop = (): Promise<never> => Promise.reject(new Error('not run'));

function fakeKind(id: string, resources: readonly [string, readonly string[]][]): Kind {
  return {
    id,
    resources: resources.map(([kind, after]) => ({
      kind: kind as PlanAction['kind'],
      scope: 'workspace',
      after: after as PlanAction['kind'][],
      execute: noop,
      view: { label: kind },
      savedPlan: { locate: () => undefined },
    })),
  };
}

describe('the dependency graph', () => {
  it('orders creates as the kinds declare: containers, then what depends on them', () => {
    expect(RESOURCE_ORDER).toEqual([
      'organization',
      'member',
      'role',
      'team',
      'teamMember',
      'workspace',
      'label',
      'participant',
      'credential',
      'dataLink',
      'dataset',
      'computeEnvironment',
      'primaryComputeEnvironment',
      'pipeline',
      'pipelineAction',
      'secret',
      'studiosSettings',
    ]);
  });

  it('puts every resource after each one it declares in `after`, for every registered kind', () => {
    for (const spec of KINDS.flatMap((kind) => kind.resources)) {
      for (const dep of spec.after)
        expect(RESOURCE_ORDER.indexOf(dep)).toBeLessThan(RESOURCE_ORDER.indexOf(spec.kind));
    }
  });

  it('plans each kind after the kinds it depends on', () => {
    const ids = PLANNING_ORDER.map((kind) => kind.id);
    expect(ids.indexOf('credentials')).toBeLessThan(ids.indexOf('compute-environments'));
    expect(ids.indexOf('compute-environments')).toBeLessThan(ids.indexOf('pipelines'));
    expect(ids.indexOf('members')).toBeLessThan(ids.indexOf('participants'));
  });

  it('refuses a cycle and names the resources in it', () => {
    const kinds = [
      fakeKind('a', [['credential', ['pipeline']]]),
      fakeKind('b', [['pipeline', ['credential']]]),
    ];
    expect(() => resourceOrder(kinds)).toThrow(/cycle among credential, pipeline/);
  });

  it('refuses a dependency on a resource no kind declares', () => {
    expect(() => resourceOrder([fakeKind('a', [['pipeline', ['computeEnvironment']]])])).toThrow(
      /pipeline depends on computeEnvironment, which no kind declares/,
    );
  });

  it('breaks ties by the registry order, whatever the declarations', () => {
    const order = resourceOrder([fakeKind('a', [['secret', []]]), fakeKind('b', [['pipeline', []]])]);
    expect(order.map((spec) => spec.kind)).toEqual(['secret', 'pipeline']);
  });
});

describe('what an action waits for', () => {
  const ws = 'bio/ausgen';
  it('waits for the creation of its workspace and of the resources it references', () => {
    const plan = {
      actions: [
        action({ kind: 'workspace', type: 'create', address: ws, workspace: 'ausgen' }),
        action({ kind: 'credential', type: 'create', address: `${ws}/credentials/aws`, workspace: 'ausgen' }),
        action({
          kind: 'computeEnvironment',
          type: 'create',
          address: `${ws}/computeEnvironments/ce`,
          workspace: 'ausgen',
          desired: { credentials: 'aws' },
        } as Partial<PlanAction> as PlanAction),
        action({
          kind: 'pipeline',
          type: 'update',
          address: `${ws}/pipelines/rnaseq`,
          workspace: 'ausgen',
          desired: { computeEnvironment: 'ce' },
        } as Partial<PlanAction> as PlanAction),
      ],
    };
    const deps = dependenciesOf(plan);
    expect(deps.get(`${ws}/computeEnvironments/ce`)).toEqual([ws, `${ws}/credentials/aws`]);
    expect(deps.get(`${ws}/pipelines/rnaseq`)).toEqual([ws, `${ws}/computeEnvironments/ce`]);
  });

  it('waits for the creation of each label it names, by the name of a name=value reference', () => {
    const plan = {
      actions: [
        action({ kind: 'label', type: 'create', address: `${ws}/labels/project`, workspace: 'ausgen' }),
        action({ kind: 'label', type: 'create', address: `${ws}/labels/rnaseq`, workspace: 'ausgen' }),
        action({
          kind: 'computeEnvironment',
          type: 'create',
          address: `${ws}/computeEnvironments/ce`,
          workspace: 'ausgen',
          desired: { labels: ['project=ausgen', 'cost=lab'] },
        } as unknown as PlanAction),
        action({
          kind: 'pipeline',
          type: 'update',
          address: `${ws}/pipelines/rnaseq`,
          workspace: 'ausgen',
          desired: { labels: ['rnaseq'] },
        } as unknown as PlanAction),
      ],
    };
    const deps = dependenciesOf(plan);
    expect(deps.get(`${ws}/computeEnvironments/ce`)).toEqual([`${ws}/labels/project`]);
    expect(deps.get(`${ws}/pipelines/rnaseq`)).toEqual([`${ws}/labels/rnaseq`]);
  });

  it('does not wait for a referenced resource that is only updated', () => {
    const plan = {
      actions: [
        action({ kind: 'credential', type: 'update', address: `${ws}/credentials/aws`, workspace: 'ausgen' }),
        action({
          kind: 'computeEnvironment',
          type: 'create',
          address: `${ws}/computeEnvironments/ce`,
          workspace: 'ausgen',
          desired: { credentials: 'aws' },
        } as Partial<PlanAction> as PlanAction),
      ],
    };
    expect(dependenciesOf(plan).get(`${ws}/computeEnvironments/ce`)).toEqual([]);
  });

  it('adds a user participant after the org member it names, a team participant after its team', () => {
    const plan = {
      actions: [
        action({ kind: 'member', type: 'create', address: 'bio/members/jo@x.org' }),
        action({ kind: 'team', type: 'create', address: 'bio/teams/admins' }),
        action({
          kind: 'participant',
          type: 'create',
          address: `${ws}/participants/jo@x.org`,
          workspace: 'ausgen',
          desired: { type: 'user', email: 'jo@x.org' },
        } as Partial<PlanAction> as PlanAction),
        action({
          kind: 'participant',
          type: 'create',
          address: `${ws}/participants/team:admins`,
          workspace: 'ausgen',
          desired: { type: 'team', team: 'admins' },
        } as Partial<PlanAction> as PlanAction),
      ],
    };
    const deps = dependenciesOf(plan);
    expect(deps.get(`${ws}/participants/jo@x.org`)).toEqual(['bio/members/jo@x.org']);
    expect(deps.get(`${ws}/participants/team:admins`)).toEqual(['bio/teams/admins']);
  });

  it('deletes a credential only after the compute environments that hold it are deleted or replaced', () => {
    const plan = {
      actions: [
        action({
          kind: 'credential',
          type: 'delete',
          address: `${ws}/credentials/aws`,
          workspace: 'ausgen',
          current: { id: 'c1' },
        } as Partial<PlanAction> as PlanAction),
        action({
          kind: 'computeEnvironment',
          type: 'delete',
          address: `${ws}/computeEnvironments/old`,
          workspace: 'ausgen',
          current: { credentialsId: 'c1' },
        } as Partial<PlanAction> as PlanAction),
        action({
          kind: 'computeEnvironment',
          type: 'delete',
          address: `${ws}/computeEnvironments/other`,
          workspace: 'ausgen',
          current: { credentialsId: 'c2' },
        } as Partial<PlanAction> as PlanAction),
      ],
    };
    const deps = dependenciesOf(plan);
    expect(deps.get(`${ws}/credentials/aws`)).toEqual([`${ws}/computeEnvironments/old`]);
    const schedule = scheduleOf(plan, deps);
    const steps = schedule.workspaces[0]?.steps.map((step) => step.actions.map((a) => a.address)) ?? [];
    const ceStep = steps.findIndex((s) => s.includes(`${ws}/computeEnvironments/old`));
    const credentialStep = steps.findIndex((s) => s.includes(`${ws}/credentials/aws`));
    expect(ceStep).toBeLessThan(credentialStep);
  });
});

describe('what a delete takes with it, as the resources declare it', () => {
  const actual = anActualOrg({
    name: 'bio',
    teams: [
      anActualTeam({ name: 'admins', members: teamMembersOf('jo@x.org', 'al@x.org') }),
      anActualTeam({ name: 'readers', members: teamMembersOf('al@x.org') }),
    ],
    workspaces: [
      anActualWorkspace({
        name: 'ausgen',
        participants: [anActualUserParticipant('jo@x.org'), anActualTeamParticipant('readers')],
      }),
      anActualWorkspace({ name: 'other', participants: [anActualUserParticipant('al@x.org')] }),
    ],
  });

  it('a member: their team memberships and user participations, with each collection and its size, by address', () => {
    expect(removedWith(actual, 'member', 'jo@x.org')).toEqual([
      { address: 'bio/ausgen/participants/jo@x.org', collection: 'bio/ausgen/participants', size: 2 },
      { address: 'bio/teams/admins/members/jo@x.org', collection: 'bio/teams/admins/members', size: 2 },
    ]);
    expect(removedWith(actual, 'member', 'al@x.org').map((e) => e.address)).toEqual([
      'bio/other/participants/al@x.org',
      'bio/teams/admins/members/al@x.org',
      'bio/teams/readers/members/al@x.org',
    ]);
  });

  it('a team: its participations; nothing for what no resource declares, or an organisation not read', () => {
    expect(removedWith(actual, 'team', 'readers')).toEqual([
      { address: 'bio/ausgen/participants/team:readers', collection: 'bio/ausgen/participants', size: 2 },
    ]);
    expect(removedWith(actual, 'team', 'admins')).toEqual([]);
    expect(removedWith(actual, 'credential', 'aws')).toEqual([]);
    expect(removedWith(undefined, 'member', 'jo@x.org')).toEqual([]);
  });
});
