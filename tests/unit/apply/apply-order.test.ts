import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { applySucceeded, type ApplyEvent } from '../../../src/apply/types.js';
import { PlanBlockedError } from '../../../src/errors.js';
import { address } from '../../../src/model/address.js';
import type { Plan } from '../../../src/model/plan.js';
import { anActualComputeEnv, anActualCredential } from '../../helpers/builders.js';
import { apiError } from '../../helpers/fake-client.js';
import {
  ORG,
  WS,
  aPlan,
  aWorld,
  computeEnvAction,
  credentialAction,
  memberCreate,
  options,
  participantCreate,
  pipelineAction,
  primaryAction,
  secretAction,
  teamCreate,
  teamMemberAction,
  workspaceAction,
} from './plan-fixtures.js';

describe('applyPlan ordering (SPEC 4.5)', () => {
  it('runs org-level creates, then the workspace in kind order, then its deletes in reverse, then org-level deletes', async () => {
    const { fake, orgId, wsId, liveIds } = aWorld();
    const old = fake.seedMember(orgId, 'old@example.org');
    const team = await fake.createTeam(orgId, { name: 'old-team' });
    const oldParticipant = await fake.addParticipant(orgId, wsId, { memberId: old.memberId });
    const oldCredential = await fake.createCredentials(wsId, { name: 'old-cred', provider: 'aws' });
    const oldCe = fake.seedComputeEnv(wsId, 'old-ce', { credentialsId: oldCredential });
    const oldPipeline = fake.seedPipeline(wsId, 'old-pipe', { pipeline: 'https://x' });
    const oldSecret = await fake.createPipelineSecret(wsId, 'OLD', 'v');
    fake.calls.length = 0;

    const deletes = [
      secretAction('delete', 'OLD', { current: { id: oldSecret, name: 'OLD' } }),
      pipelineAction('delete', {
        address: address.pipeline(ORG, WS, 'old-pipe'),
        name: 'old-pipe',
        current: { pipelineId: oldPipeline.pipelineId, name: 'old-pipe', labelIds: [], launch: {} },
      }),
      computeEnvAction('delete', {
        address: address.computeEnv(ORG, WS, 'old-ce'),
        name: 'old-ce',
        current: anActualComputeEnv({ id: oldCe.id, name: 'old-ce', credentialsId: oldCredential }),
      }),
      credentialAction('delete', {
        address: address.credential(ORG, WS, 'old-cred'),
        name: 'old-cred',
        current: anActualCredential({ id: oldCredential, name: 'old-cred' }),
      }),
      {
        ...participantCreate('old@example.org'),
        type: 'delete' as const,
        current: {
          type: 'member' as const,
          participantId: oldParticipant.participantId,
          memberId: old.memberId,
          userName: 'old',
          email: 'old@example.org',
          role: 'launch',
        },
      },
      teamMemberAction('old-team', 'old@example.org', 'delete', old.memberId),
      {
        ...teamCreate('old-team'),
        type: 'delete' as const,
        current: { teamId: team.teamId, name: 'old-team' },
      },
      {
        ...memberCreate('old@example.org'),
        type: 'delete' as const,
        current: {
          memberId: old.memberId,
          userName: 'old',
          email: 'old@example.org',
          role: 'member',
        },
      },
    ];
    await fake.addTeamMember(orgId, team.teamId, 'old@example.org');
    fake.calls.length = 0;
    const creates = [
      memberCreate('new@example.org'),
      teamCreate('admins'),
      teamMemberAction('admins', 'new@example.org', 'create'),
      workspaceAction('update', WS, { current: { id: wsId, name: WS, fullName: WS, visibility: 'private' } }),
      participantCreate('new@example.org'),
      credentialAction('create'),
      computeEnvAction('create'),
      primaryAction(),
      pipelineAction('create'),
      secretAction('create'),
    ];
    // Plan order must not matter: shuffle deletes before creates.
    const plan = aPlan([...deletes, ...creates].reverse(), {
      ...liveIds,
      [address.team(ORG, 'old-team')]: team.teamId,
    });
    const report = await applyPlan(plan, fake, options());

    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(fake.writeCalls().map((c) => c.method)).toEqual([
      'addMember',
      'createTeam',
      'addTeamMember',
      'updateWorkspace',
      'addParticipant',
      'updateParticipantRole',
      'createCredentials',
      'createComputeEnv',
      'makePrimaryComputeEnv',
      'createPipeline',
      'createPipelineSecret',
      'deletePipelineSecret',
      'deletePipeline',
      'deleteComputeEnv',
      'deleteCredentials',
      'deleteParticipant',
      'deleteTeamMember',
      'deleteTeam',
      'deleteMember',
    ]);
    expect(report.applied.map((a) => a.address)).toEqual(plan.actions.map((a) => a.address));
    expect(report.requests.writes).toBe(19);
    expect(report.requests.total).toBe(fake.calls.length);
  });

  it('moves an action after a dependency its kind normally precedes (pipeline naming a new secret)', async () => {
    const { fake, liveIds } = aWorld();
    const ce = fake.seedComputeEnv(liveIds[`${ORG}/${WS}`] as number, 'aws-sydney');
    const secret = secretAction('create');
    const pipeline = pipelineAction('create', { dependsOn: [secret.address] });
    const report = await applyPlan(
      aPlan([pipeline, secret], { ...liveIds, [address.computeEnv(ORG, WS, 'aws-sydney')]: ce.id }),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.writeCalls().map((c) => c.method)).toEqual(['createPipelineSecret', 'createPipeline']);
    expect(report.warnings).toEqual([]);
  });
});

describe('applyPlan under failure', () => {
  it('skips the dependents of a failed action (transitively) and runs everything independent', async () => {
    const { fake, liveIds } = aWorld();
    fake.fail('createCredentials', apiError(400, 'Invalid credentials', 'POST'));
    const plan = aPlan(
      [
        participantCreate('jane@example.org'),
        credentialAction('create'),
        computeEnvAction('create'),
        primaryAction(),
        pipelineAction('create'),
        secretAction('create'),
      ],
      liveIds,
    );
    const report = await applyPlan(plan, fake, options());
    expect(report.failed.map((f) => [f.address, f.error])).toEqual([
      [address.credential(ORG, WS, 'aws-main'), 'POST /x failed: 400 — "Invalid credentials"'],
    ]);
    expect(report.skipped.map((s) => [s.address, s.because])).toEqual([
      [address.computeEnv(ORG, WS, 'aws-sydney'), `${address.credential(ORG, WS, 'aws-main')} failed`],
      [address.primary(ORG, WS, 'aws-sydney'), `${address.computeEnv(ORG, WS, 'aws-sydney')} was skipped`],
      [address.pipeline(ORG, WS, 'rnaseq'), `${address.computeEnv(ORG, WS, 'aws-sydney')} was skipped`],
    ]);
    expect(report.applied.map((a) => a.kind)).toEqual(['participant', 'secret']);
    expect(fake.callsTo('createComputeEnv')).toHaveLength(0);
    expect(applySucceeded(report)).toBe(false);
  });

  it('a failure in one workspace does not stop another', async () => {
    const { fake, liveIds } = aWorld();
    fake.fail('createWorkspace', apiError(400, 'Invalid name', 'POST'));
    const plan = aPlan(
      [
        workspaceAction('create', 'broken'),
        participantCreate('jane@example.org', 'admin', 'broken'),
        participantCreate('jane@example.org', 'admin', WS),
        secretAction('create', 'S1', {}, WS),
      ],
      liveIds,
    );
    const report = await applyPlan(plan, fake, options());
    expect(report.failed.map((f) => f.address)).toEqual([`${ORG}/broken`]);
    expect(report.skipped.map((s) => s.address)).toEqual([
      address.userParticipant(ORG, 'broken', 'jane@example.org'),
    ]);
    expect(report.applied.map((a) => a.address).sort()).toEqual(
      [address.userParticipant(ORG, WS, 'jane@example.org'), address.secret(ORG, WS, 'S1')].sort(),
    );
  });

  it('an id that nothing provides fails the action instead of guessing', async () => {
    const { fake, liveIds } = aWorld();
    const report = await applyPlan(aPlan([primaryAction('nowhere')], liveIds), fake, options());
    expect(report.failed[0]?.error).toContain(
      'no id is known for biocommons/ausgen/computeEnvironments/nowhere',
    );
    expect(fake.writeCalls()).toHaveLength(0);
  });

  it('refuses a blocked plan before any request', async () => {
    const { fake, liveIds } = aWorld();
    const plan: Plan = {
      ...aPlan([secretAction('create')], liveIds),
      blocked: [{ rule: 'maxDeletions', message: 'too many', addresses: [] }],
    };
    await expect(applyPlan(plan, fake, options())).rejects.toBeInstanceOf(PlanBlockedError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('applyPlan concurrency and events', () => {
  const twoWorkspaces = (liveIds: Record<string, string | number>, otherWs: number): Plan =>
    aPlan(
      [WS, 'other'].flatMap((ws) => [
        participantCreate('jane@example.org', 'launch', ws),
        secretAction('create', 'S1', {}, ws),
      ]),
      { ...liveIds, [`${ORG}/other`]: otherWs },
    );
  const trace = (
    calls: readonly { method: string; args: readonly unknown[] }[],
    wsIds: Map<number, string>,
  ) =>
    calls.map(
      (c) =>
        `${c.method}:${wsIds.get(c.method === 'addParticipant' ? (c.args[1] as number) : (c.args[0] as number)) ?? '?'}`,
    );

  it('runs workspaces one at a time with concurrency 1 and side by side with more', async () => {
    const serial = aWorld();
    const other = serial.fake.seedWorkspace(serial.orgId, 'other');
    await applyPlan(twoWorkspaces(serial.liveIds, other.id), serial.fake, options({ concurrency: 1 }));
    const names = new Map([
      [serial.wsId, 'A'],
      [other.id, 'B'],
    ]);
    expect(trace(serial.fake.writeCalls(), names)).toEqual([
      'addParticipant:A',
      'createPipelineSecret:A',
      'addParticipant:B',
      'createPipelineSecret:B',
    ]);

    const parallel = aWorld();
    const other2 = parallel.fake.seedWorkspace(parallel.orgId, 'other');
    await applyPlan(twoWorkspaces(parallel.liveIds, other2.id), parallel.fake, options({ concurrency: 4 }));
    const names2 = new Map([
      [parallel.wsId, 'A'],
      [other2.id, 'B'],
    ]);
    expect(trace(parallel.fake.writeCalls(), names2)).toEqual([
      'addParticipant:A',
      'addParticipant:B',
      'createPipelineSecret:A',
      'createPipelineSecret:B',
    ]);
  });

  it('emits started/finished/failed/skipped events and survives a throwing listener', async () => {
    const { fake, liveIds } = aWorld();
    fake.fail('createCredentials', apiError(400, 'bad', 'POST'));
    const events: ApplyEvent[] = [];
    const report = await applyPlan(
      aPlan([credentialAction('create'), computeEnvAction('create'), secretAction('create')], liveIds),
      fake,
      options({
        onEvent: (event) => {
          events.push(event);
          throw new Error('listener bug');
        },
      }),
    );
    expect(report.applied).toHaveLength(1);
    expect(events.map((e) => `${e.type} ${e.kind}`)).toEqual([
      'started credential',
      'failed credential',
      'skipped computeEnvironment',
      'started secret',
      'finished secret',
    ]);
  });
});
