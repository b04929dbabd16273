import { describe, expect, it } from 'vitest';
import { applySucceeded, type ApplyEvent } from '../../../src/apply/index.js';
import { dependenciesOf } from '../../../src/apply/dependencies.js';
import { scheduleOf } from '../../../src/apply/schedule.js';
import { PlanBlockedError } from '../../../src/errors.js';
import { address } from '../../../src/model/address.js';
import type { Plan } from '../../../src/model/plan.js';
import { anActualComputeEnv, anActualCredential } from '../../helpers/builders.js';
import type { RequestLogEntry } from '../../../src/emulator/index.js';
import { operationOf } from '../../helpers/emulated-platform.js';
import {
  AWS_CREDENTIAL,
  ORG,
  WS,
  aPlan,
  aWorld,
  computeEnvAction,
  credentialAction,
  memberCreate,
  participantCreate,
  pipelineAction,
  primaryAction,
  secretAction,
  seededComputeEnv,
  seededPipeline,
  teamCreate,
  teamMemberAction,
  workspaceAction,
} from './plan-fixtures.js';

describe('applyPlan ordering', () => {
  it('runs org-level creates, then the workspace in kind order, then its deletes in reverse, then org-level deletes', async () => {
    const w = await aWorld({
      org: {
        members: [{ email: 'old@example.org', role: 'member' }],
        teams: [{ name: 'old-team', members: ['old@example.org'] }],
      },
      workspace: {
        participants: [{ email: 'old@example.org', role: 'launch' }],
        credentials: [{ ...AWS_CREDENTIAL, name: 'old-cred' }],
        computeEnvironments: [seededComputeEnv('old-ce', { credentials: 'old-cred' })],
        pipelines: [seededPipeline('old-pipe', { computeEnv: 'old-ce' })],
        secrets: [{ name: 'OLD', value: 'v' }],
      },
    });
    const oldMember = w.ids.member('old@example.org');
    const oldCredential = w.ids.credential('old-cred');
    const deletes = [
      secretAction('delete', 'OLD', { current: { id: w.ids.secret('OLD'), name: 'OLD' } }),
      pipelineAction('delete', {
        address: address.pipeline(ORG, WS, 'old-pipe'),
        name: 'old-pipe',
        current: { pipelineId: w.ids.pipeline('old-pipe'), name: 'old-pipe', labelIds: [], launch: {} },
      }),
      computeEnvAction('delete', {
        address: address.computeEnv(ORG, WS, 'old-ce'),
        name: 'old-ce',
        current: anActualComputeEnv({
          id: w.ids.computeEnv('old-ce'),
          name: 'old-ce',
          credentialsId: oldCredential,
        }),
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
          participantId: w.ids.participant('old@example.org'),
          memberId: oldMember,
          userName: 'old',
          email: 'old@example.org',
          role: 'launch',
        },
      },
      teamMemberAction('old-team', 'old@example.org', 'delete', oldMember),
      {
        ...teamCreate('old-team'),
        type: 'delete' as const,
        current: { teamId: w.ids.team('old-team'), name: 'old-team' },
      },
      {
        ...memberCreate('old@example.org'),
        type: 'delete' as const,
        current: { memberId: oldMember, userName: 'old', email: 'old@example.org', role: 'member' },
      },
    ];
    const creates = [
      memberCreate('new@example.org'),
      teamCreate('admins'),
      teamMemberAction('admins', 'new@example.org', 'create'),
      workspaceAction('update', WS, {
        current: { id: w.wsId, name: WS, fullName: WS, visibility: 'private' },
      }),
      participantCreate('new@example.org'),
      credentialAction('create'),
      computeEnvAction('create'),
      primaryAction(),
      pipelineAction('create'),
      secretAction('create'),
    ];
    // Plan order must not matter: deletes come first, reversed.
    const plan = aPlan([...deletes, ...creates].reverse(), {
      ...w.liveIds,
      [address.team(ORG, 'old-team')]: w.ids.team('old-team'),
    });
    const report = await w.apply(plan);

    expect(report.failed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(w.writes()).toEqual([
      'PUT /orgs/{id}/members/add',
      'POST /orgs/{id}/teams',
      'POST /orgs/{id}/teams/{id}/members',
      'PUT /orgs/{id}/workspaces/{id}',
      'PUT /orgs/{id}/workspaces/{id}/participants/add',
      'PUT /orgs/{id}/workspaces/{id}/participants/{id}/role',
      'POST /credentials',
      'POST /compute-envs',
      'POST /compute-envs/{id}/primary',
      'POST /pipelines',
      'POST /pipeline-secrets',
      'DELETE /pipeline-secrets/{id}',
      'DELETE /pipelines/{id}',
      'DELETE /compute-envs/{id}',
      'DELETE /credentials/{id}',
      'DELETE /orgs/{id}/workspaces/{id}/participants/{id}',
      'DELETE /orgs/{id}/teams/{id}/members/{id}/delete',
      'DELETE /orgs/{id}/teams/{id}',
      'DELETE /orgs/{id}/members/{id}',
    ]);
    expect(report.applied.map((a) => a.address)).toEqual(plan.actions.map((a) => a.address));
    expect(report.requests.writes).toBe(w.writes().length);
    expect(report.requests.total).toBe(w.emu.requestLog().length);
    const org = w.org();
    expect(org.members?.map((m) => m.email).sort()).toEqual(['new@example.org', 'sync-bot@example.org']);
    expect(org.teams?.map((t) => [t.name, t.members])).toEqual([['admins', ['new@example.org']]]);
    const ws = w.workspace();
    expect(ws.computeEnvironments?.map((ce) => [ce.name, ce.primary])).toEqual([['aws-sydney', true]]);
    expect(ws.pipelines?.map((p) => p.name)).toEqual(['rnaseq']);
    expect(ws.secrets?.map((s) => s.name)).toEqual(['SENTIEON_LICENSE']);
    expect(ws.credentials?.map((c) => c.name)).toEqual(['aws-main']);
  });

  it('moves an action after a dependency its kind normally precedes (pipeline naming a new secret)', () => {
    const secret = secretAction('create');
    const pipeline = pipelineAction('create', { dependsOn: [secret.address] });
    const plan = aPlan([pipeline, secret]);
    const schedule = scheduleOf(plan, dependenciesOf(plan));
    expect(schedule.orgBefore).toEqual([]);
    expect(schedule.orgAfter).toEqual([]);
    expect(
      schedule.workspaces.map((ws) => [ws.workspace, ws.steps.map((s) => s.actions.map((a) => a.kind))]),
    ).toEqual([[`${ORG}/${WS}`, [['secret'], ['pipeline']]]]);
    // Without the dependency the kind order holds: pipelines before secrets.
    const independent = aPlan([pipelineAction('create'), secretAction('create')]);
    expect(
      scheduleOf(independent, dependenciesOf(independent)).workspaces[0]?.steps.map((s) =>
        s.actions.map((a) => a.kind),
      ),
    ).toEqual([['pipeline'], ['secret']]);
  });

  it('a pipeline naming a new secret is created after it on the platform', async () => {
    const w = await aWorld({
      workspace: { credentials: [AWS_CREDENTIAL], computeEnvironments: [seededComputeEnv()] },
    });
    const secret = secretAction('create');
    const pipeline = pipelineAction('create', { dependsOn: [secret.address] });
    const report = await w.apply(
      aPlan([pipeline, secret], {
        ...w.liveIds,
        [address.computeEnv(ORG, WS, 'aws-sydney')]: w.ids.computeEnv('aws-sydney'),
      }),
    );
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual(['POST /pipeline-secrets', 'POST /pipelines']);
    expect(report.warnings).toEqual([]);
  });
});

describe('applyPlan dependencies', () => {
  it('a compute environment needs its new credentials, its primary flag and pipelines need it', () => {
    const plan = aPlan([
      participantCreate('jane@example.org'),
      credentialAction('create'),
      computeEnvAction('create'),
      primaryAction(),
      pipelineAction('create'),
      secretAction('create'),
    ]);
    const ce = address.computeEnv(ORG, WS, 'aws-sydney');
    expect(Object.fromEntries(dependenciesOf(plan))).toEqual({
      [address.userParticipant(ORG, WS, 'jane@example.org')]: [],
      [address.credential(ORG, WS, 'aws-main')]: [],
      [ce]: [address.credential(ORG, WS, 'aws-main')],
      [address.primary(ORG, WS, 'aws-sydney')]: [ce],
      [address.pipeline(ORG, WS, 'rnaseq')]: [ce],
      [address.secret(ORG, WS, 'SENTIEON_LICENSE')]: [],
    });
  });
});

describe('applyPlan under failure', () => {
  it('skips the dependents of a failed action (transitively) and runs everything independent', async () => {
    const w = await aWorld();
    w.emu.scriptFault({
      method: 'POST',
      path: '/credentials',
      fault: { kind: 'refuse', status: 400, message: 'Invalid credentials' },
    });
    const plan = aPlan(
      [
        participantCreate('jane@example.org'),
        credentialAction('create'),
        computeEnvAction('create'),
        primaryAction(),
        pipelineAction('create'),
        secretAction('create'),
      ],
      w.liveIds,
    );
    const report = await w.apply(plan);
    expect(report.failed.map((f) => [f.address, f.error])).toEqual([
      [
        address.credential(ORG, WS, 'aws-main'),
        `POST /credentials?workspaceId=${w.wsId} failed: 400 Bad Request — "Invalid credentials"`,
      ],
    ]);
    expect(report.skipped.map((s) => [s.address, s.because])).toEqual([
      [address.computeEnv(ORG, WS, 'aws-sydney'), `${address.credential(ORG, WS, 'aws-main')} failed`],
      [address.primary(ORG, WS, 'aws-sydney'), `${address.computeEnv(ORG, WS, 'aws-sydney')} was skipped`],
      [address.pipeline(ORG, WS, 'rnaseq'), `${address.computeEnv(ORG, WS, 'aws-sydney')} was skipped`],
    ]);
    expect(report.applied.map((a) => a.kind)).toEqual(['participant', 'secret']);
    expect(w.entries('POST /compute-envs')).toHaveLength(0);
    expect(applySucceeded(report)).toBe(false);
  });

  it('a failure in one workspace does not stop another', async () => {
    const w = await aWorld();
    // The platform refuses workspace names shorter than two characters.
    const plan = aPlan(
      [
        workspaceAction('create', 'x'),
        participantCreate('jane@example.org', 'admin', 'x'),
        participantCreate('jane@example.org', 'admin', WS),
        secretAction('create', 'S1', {}, WS),
      ],
      w.liveIds,
    );
    const report = await w.apply(plan);
    expect(report.failed.map((f) => [f.address, f.error])).toEqual([
      [`${ORG}/x`, expect.stringContaining('POST /orgs/') as unknown],
    ]);
    expect(report.skipped.map((s) => s.address)).toEqual([
      address.userParticipant(ORG, 'x', 'jane@example.org'),
    ]);
    expect(report.applied.map((a) => a.address).sort()).toEqual(
      [address.userParticipant(ORG, WS, 'jane@example.org'), address.secret(ORG, WS, 'S1')].sort(),
    );
  });

  it('an id that nothing provides fails the action instead of guessing', async () => {
    const w = await aWorld();
    const report = await w.apply(aPlan([primaryAction('nowhere')], w.liveIds));
    expect(report.failed[0]?.error).toContain(
      'no id is known for biocommons/ausgen/computeEnvironments/nowhere',
    );
    expect(w.writes()).toEqual([]);
  });

  it('refuses a blocked plan before any request', async () => {
    const w = await aWorld();
    const plan: Plan = {
      ...aPlan([secretAction('create')], w.liveIds),
      blocked: [{ rule: 'maxDeletions', message: 'too many', addresses: [] }],
    };
    await expect(w.apply(plan)).rejects.toBeInstanceOf(PlanBlockedError);
    expect(w.emu.requestLog()).toEqual([]);
  });
});

describe('applyPlan concurrency and events', () => {
  async function twoWorkspaces() {
    const w = await aWorld({ otherWorkspaces: [{ name: 'other' }] });
    const plan = aPlan(
      [WS, 'other'].flatMap((ws) => [
        participantCreate('jane@example.org', 'launch', ws),
        secretAction('create', 'S1', {}, ws),
      ]),
      w.liveIds,
    );
    const names = new Map([
      [String(w.wsId), 'A'],
      [String(w.ids.workspace('other')), 'B'],
    ]);
    /** `operation:A|B`, the workspace taken from the path or the `workspaceId` query. */
    const trace = (): string[] =>
      w.emu
        .requestLog()
        .filter((e: RequestLogEntry) => e.write)
        .map((e) => {
          const id = e.query['workspaceId'] ?? /\/workspaces\/(\d+)/.exec(e.path)?.[1] ?? '';
          return `${operationOf(e)}:${names.get(id) ?? '?'}`;
        });
    return { w, plan, trace };
  }
  const ADD = 'PUT /orgs/{id}/workspaces/{id}/participants/add';
  const SECRET = 'POST /pipeline-secrets';

  it('runs workspaces one at a time with concurrency 1', async () => {
    const { w, plan, trace } = await twoWorkspaces();
    await w.apply(plan, { concurrency: 1 });
    expect(trace()).toEqual([`${ADD}:A`, `${SECRET}:A`, `${ADD}:B`, `${SECRET}:B`]);
  });

  it('runs workspaces side by side with more', async () => {
    const { w, plan, trace } = await twoWorkspaces();
    // Each workspace's participant add is answered only once both adds have arrived. Run one
    // workspace at a time and the first add waits for a second that never comes: the guard
    // answers it after 2 s, and the order below fails.
    let arrived = 0;
    let bothArrived: () => void = () => undefined;
    const both = new Promise<void>((resolve) => {
      bothArrived = resolve;
    });
    w.emu.scriptFault({
      method: 'PUT',
      path: /^\/orgs\/\d+\/workspaces\/\d+\/participants\/add$/,
      times: 2,
      fault: {
        kind: 'slow',
        ms: 0,
        until: () => {
          arrived++;
          if (arrived === 2) bothArrived();
          return Promise.race([both, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        },
      },
    });
    await w.apply(plan, { concurrency: 4 });
    expect(arrived).toBe(2);
    const writes = trace();
    expect(writes.slice(0, 2).sort()).toEqual([`${ADD}:A`, `${ADD}:B`]);
    expect(writes.slice(2).sort()).toEqual([`${SECRET}:A`, `${SECRET}:B`]);
  });

  it('emits started/finished/failed/skipped events and survives a throwing listener', async () => {
    const w = await aWorld();
    w.emu.scriptFault({
      method: 'POST',
      path: '/credentials',
      fault: { kind: 'refuse', status: 400, message: 'bad' },
    });
    const events: ApplyEvent[] = [];
    const report = await w.apply(
      aPlan([credentialAction('create'), computeEnvAction('create'), secretAction('create')], w.liveIds),
      {
        onEvent: (event) => {
          events.push(event);
          throw new Error('listener bug');
        },
      },
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
