import { describe, expect, it } from 'vitest';
import { RESOURCE_ORDER } from '../../../src/kinds/graph.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredMember,
  aDesiredOrg,
  aDesiredPipeline,
  aDesiredSecret,
  aDesiredState,
  aDesiredTeam,
  aDesiredWorkspace,
  anActualComputeEnv,
  anActualCredential,
  anActualMember,
  anActualOrg,
  anActualPipeline,
  anActualSecret,
  anActualState,
  anActualTeam,
  anActualUserParticipant,
  anActualWorkspace,
  aTeamParticipant,
  aUserParticipant,
  aPolicy,
  contextFromDesired,
  pruneSetting,
  teamMembersOf,
  TOKEN_USER,
} from '../../helpers/builders.js';
import { plan, summary } from './plan-kit.js';

/** Two orgs, one brand new, one with creates, updates and prunes of every kind. */
function richState() {
  const ws = aDesiredWorkspace({
    prune: pruneSetting(true),
    participants: [
      aUserParticipant('new@x.org', 'admin'),
      aTeamParticipant('t-new', 'view'),
      aUserParticipant(TOKEN_USER.email, 'owner'),
    ],
    credentials: [aDesiredCredential(), aDesiredCredential({ name: 'c-new' })],
    computeEnvironments: [
      aDesiredComputeEnv({ primary: true }),
      aDesiredComputeEnv({ name: 'ce-new', credentials: 'c-new' }),
    ],
    pipelines: [aDesiredPipeline({ computeEnvironment: 'ce-new', launch: { workspaceSecrets: ['S_NEW'] } })],
    secrets: [aDesiredSecret('S_NEW')],
  });
  const desired = aDesiredState(
    aDesiredOrg({ name: 'zeta', workspaces: [aDesiredWorkspace({ name: 'z1' })] }),
    aDesiredOrg({
      members: [aDesiredMember(TOKEN_USER.email, 'owner'), aDesiredMember('new@x.org')],
      teams: [aDesiredTeam({ name: 't-new', members: ['new@x.org'] })],
      policy: aPolicy({ prune: pruneSetting(true), maxDeletions: 100 }),
      workspaces: [ws],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      members: [anActualMember(TOKEN_USER.email, 'owner'), anActualMember('old@x.org')],
      teams: [anActualTeam({ name: 't-old', members: teamMembersOf(TOKEN_USER.email) })],
      workspaces: [
        anActualWorkspace({
          participants: [
            anActualUserParticipant(TOKEN_USER.email, 'owner'),
            anActualUserParticipant('c@y.org', 'view', 'collaborator'),
          ],
          credentials: [anActualCredential(), anActualCredential({ name: 'c-old', id: 'c-old' })],
          computeEnvironments: [
            anActualComputeEnv({ config: { region: 'old' } }),
            anActualComputeEnv({ name: 'ce-old', id: 'ce-old', credentialsId: 'c-old' }),
          ],
          pipelines: [
            anActualPipeline({ launch: { computeEnvId: 'ce-old' } }),
            anActualPipeline({ name: 'p-old' }),
          ],
          secrets: [anActualSecret('S_OLD')],
        }),
      ],
    }),
  );
  return {
    desired,
    actual,
    context: contextFromDesired(desired, { options: { allowDeletions: true, allowOrgCreation: true } }),
  };
}

describe('ordering contract (src/model/plan.ts, SPEC 4.5)', () => {
  const { desired, actual, context } = richState();
  const p = plan(desired, actual, context);

  it('orders by org, org-level before workspaces, RESOURCE_ORDER, then deletes in reverse', () => {
    expect(summary(p)).toEqual([
      'create biocommons/members/new@x.org',
      'create biocommons/teams/t-new',
      'create biocommons/teams/t-new/members/new@x.org',
      'delete biocommons/teams/t-old',
      'delete biocommons/members/old@x.org',
      'create biocommons/ausgen/participants/new@x.org',
      'create biocommons/ausgen/participants/team:t-new',
      'create biocommons/ausgen/credentials/c-new',
      'replace biocommons/ausgen/computeEnvironments/aws-sydney',
      'create biocommons/ausgen/computeEnvironments/ce-new',
      'update biocommons/ausgen/computeEnvironments/aws-sydney/primary',
      'update biocommons/ausgen/pipelines/rnaseq',
      'create biocommons/ausgen/secrets/S_NEW',
      'delete biocommons/ausgen/secrets/S_OLD',
      'delete biocommons/ausgen/pipelines/p-old',
      'delete biocommons/ausgen/computeEnvironments/ce-old',
      'delete biocommons/ausgen/credentials/c-old',
      'delete biocommons/ausgen/participants/c@y.org',
      'create zeta',
      'create zeta/z1',
    ]);
    const rank = (kind: (typeof RESOURCE_ORDER)[number]) => RESOURCE_ORDER.indexOf(kind);
    expect(rank('member')).toBeLessThan(rank('secret'));
  });

  it('wires dependencies across kinds', () => {
    const deps = Object.fromEntries(p.actions.map((a) => [a.address, a.dependsOn]));
    expect(deps['biocommons/ausgen/computeEnvironments/ce-new']).toEqual([
      'biocommons/ausgen/credentials/c-new',
    ]);
    expect(deps['biocommons/ausgen/computeEnvironments/aws-sydney/primary']).toEqual([
      'biocommons/ausgen/computeEnvironments/aws-sydney',
    ]);
    expect(deps['biocommons/ausgen/pipelines/rnaseq']).toEqual([
      'biocommons/ausgen/computeEnvironments/ce-new',
      'biocommons/ausgen/secrets/S_NEW',
    ]);
    expect(deps['biocommons/ausgen/credentials/c-old']).toEqual([
      'biocommons/ausgen/computeEnvironments/ce-old',
    ]);
    expect(deps['biocommons/members/old@x.org']).toEqual([]);
    expect(deps['zeta/z1']).toEqual(['zeta']);
  });

  it('sorts every action’s changes by field and its dependencies', () => {
    for (const action of p.actions) {
      expect(action.changes.map((c) => c.field)).toEqual(action.changes.map((c) => c.field).sort());
      expect(action.dependsOn).toEqual([...action.dependsOn].sort());
    }
  });

  it('fills liveIds for everything in scope, keys sorted', () => {
    expect(p.liveIds).toMatchObject({
      biocommons: expect.any(Number),
      'biocommons/ausgen': expect.any(Number),
      'biocommons/members/old@x.org': expect.any(Number),
      'biocommons/teams/t-old': expect.any(Number),
      'biocommons/ausgen/credentials/c-old': 'c-old',
      'biocommons/ausgen/computeEnvironments/ce-old': 'ce-old',
      'biocommons/ausgen/pipelines/p-old': expect.any(Number),
      'biocommons/ausgen/secrets/S_OLD': expect.any(Number),
    });
    expect(Object.keys(p.liveIds)).toEqual(Object.keys(p.liveIds).sort());
    expect(p.scope).toEqual({ orgs: ['biocommons', 'zeta'], workspaces: ['biocommons/ausgen', 'zeta/z1'] });
  });

  it('gives unique addresses', () => {
    const addresses = p.actions.map((a) => a.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });
});

describe('purity', () => {
  it('does not mutate its inputs (frozen inputs, and a structural snapshot)', () => {
    const { desired, actual, context } = richState();
    const before = JSON.stringify([desired, actual]);
    expect(() => plan(desired, actual, context)).not.toThrow();
    expect(JSON.stringify([desired, actual])).toBe(before);
  });

  it('gives the same plan twice', () => {
    const { desired, actual, context } = richState();
    expect(computePlan(desired, actual, context)).toEqual(computePlan(desired, actual, context));
  });
});
