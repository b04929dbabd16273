import { describe, expect, it } from 'vitest';
import type { Plan, PlanAction } from '../../../src/model/plan.js';
import { renderJson } from '../../../src/render/json.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { parsePlanDocument } from '../../../src/saved-plan/parse-document.js';
import { checkPreconditions, computePreconditions } from '../../../src/saved-plan/preconditions.js';
import type { MutableActual, Org, Ws } from '../../fixtures/plans/actual-from-plan.js';
import { actualFromPlan } from '../../fixtures/plans/actual-from-plan.js';
import { richMeta } from '../../fixtures/plans/rich-document.js';
import { emptyPlan, richAddresses as a, richPlan } from '../../fixtures/plans/rich-plan.js';

function org(state: MutableActual): Org {
  return state.orgs[0]!;
}

function ws(state: MutableActual, name: string): Ws {
  const found = org(state).workspaces.find((w) => w.name === name);
  if (found === undefined) throw new Error(`no workspace ${name}`);
  return found;
}

function staleAddresses(plan: Plan, fresh: MutableActual): string[] {
  return checkPreconditions(plan, fresh).stale.map((s) => s.address);
}

describe('computePreconditions', () => {
  it('records "absent" for creates and a sha256 digest for everything else', () => {
    const plan = richPlan();
    const pre = computePreconditions(plan);
    expect(Object.keys(pre).sort()).toEqual(plan.actions.map((x) => x.address).sort());
    for (const action of plan.actions) {
      if (action.type === 'create') expect(pre[action.address]).toBe('absent');
      else if (action.kind !== 'primaryComputeEnvironment')
        expect(pre[action.address]).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    // a new CE's primary flag is part of its create: no step of its own
    expect(Object.keys(pre).filter((key) => key.endsWith('/primary'))).toEqual([]);
  });
});

describe('checkPreconditions', () => {
  it('finds nothing stale when the platform is as planned', () => {
    expect(checkPreconditions(richPlan(), actualFromPlan(richPlan())).stale).toEqual([]);
  });

  it('detects a role changed by hand', () => {
    const fresh = actualFromPlan(richPlan());
    const sam = ws(fresh, 'ausgen').participants.findIndex(
      (p) => p.type !== 'team' && p.email.startsWith('sam.'),
    );
    const current = ws(fresh, 'ausgen').participants[sam]!;
    ws(fresh, 'ausgen').participants[sam] = { ...current, role: 'admin' };
    expect(checkPreconditions(richPlan(), fresh).stale).toEqual([
      { address: a.ausgenSam, reason: 'changed on the platform since the plan was made' },
    ]);
  });

  it('detects an object that appeared where the plan creates one', () => {
    const fresh = actualFromPlan(richPlan());
    ws(fresh, 'ausgen').participants.push({
      type: 'member',
      participantId: 999,
      memberId: 998,
      userName: 'np',
      email: 'new.person@example.edu.au',
      role: 'launch',
    });
    ws(fresh, 'ausgen').participants.push({
      type: 'team',
      participantId: 1000,
      teamId: 5,
      teamName: 'ausgen-admins',
      role: 'admin',
    });
    expect(checkPreconditions(richPlan(), fresh).stale).toEqual([
      { address: a.ausgenNewPerson, reason: 'now exists on the platform; the plan would create it' },
      { address: a.ausgenAdmins, reason: 'now exists on the platform; the plan would create it' },
    ]);
  });

  it('detects an object deleted by hand', () => {
    const fresh = actualFromPlan(richPlan());
    ws(fresh, 'ausgen').secrets = ws(fresh, 'ausgen').secrets.filter((s) => s.name !== 'OLD_TOKEN');
    const usersTeam = org(fresh).teams.find((t) => t.name === 'ausgen-users')!;
    usersTeam.members = [];
    expect(checkPreconditions(richPlan(), fresh).stale).toEqual([
      { address: a.usersBob, reason: 'no longer exists on the platform' },
      { address: a.oldToken, reason: 'no longer exists on the platform' },
    ]);
  });

  it('treats a deleted workspace as the absence of everything in it', () => {
    const fresh = actualFromPlan(richPlan());
    org(fresh).workspaces = org(fresh).workspaces.filter((w) => w.name !== 'genomics');
    expect(staleAddresses(richPlan(), fresh)).toEqual([a.oldSlurm]);
  });

  it('ignores a compute environment status change but not a config change', () => {
    const fresh = actualFromPlan(richPlan());
    const ces = ws(fresh, 'ausgen').computeEnvironments;
    const ce = ces[0]!;
    ces[0] = { ...ce, status: 'CREATING', message: 'refreshing' };
    expect(staleAddresses(richPlan(), fresh)).toEqual([]);
    ces[0] = { ...ce, config: { ...ce.config, region: 'us-east-1' } };
    expect(staleAddresses(richPlan(), fresh)).toEqual([a.awsSydney]);
  });

  it('ignores a secret key value the reader failed to redact, not a non-secret key', () => {
    const fresh = actualFromPlan(richPlan());
    const creds = ws(fresh, 'ausgen').credentials;
    const i = creds.findIndex((c) => c.name === 'github-token');
    const cred = creds[i]!;
    creds[i] = { ...cred, keys: { username: 'ausgen-bot', token: 'ghp_leaked' } };
    expect(staleAddresses(richPlan(), fresh)).toEqual([]);
    creds[i] = { ...cred, keys: { username: 'someone-else', token: '(sensitive)' } };
    expect(staleAddresses(richPlan(), fresh)).toEqual([a.githubToken]);
  });

  it('checks a "make primary" step against the CE\'s primary flag', () => {
    const primary: PlanAction = {
      kind: 'primaryComputeEnvironment',
      type: 'update',
      address: 'biocommons/ausgen/computeEnvironments/hpc-gadi/primary',
      org: 'biocommons',
      workspace: 'ausgen',
      name: 'hpc-gadi',
      computeEnvironment: 'hpc-gadi',
      reason: 'primary: true in ausgen.yaml',
      changes: [{ field: 'primary', from: false, to: true }],
      dependsOn: [],
    };
    const plan: Plan = {
      ...richPlan(),
      actions: [...richPlan().actions.filter((x) => x.address !== a.awsSydney), primary],
    };
    const fresh = actualFromPlan(richPlan());
    expect(staleAddresses(plan, fresh)).toEqual([]);
    const ces = ws(fresh, 'ausgen').computeEnvironments;
    const gadi = ces.findIndex((c) => c.name === 'hpc-gadi');
    ces[gadi] = { ...ces[gadi]!, primary: true };
    // the CE's own update was computed from a non-primary CE too
    expect(staleAddresses(plan, fresh)).toEqual([a.hpcGadi, primary.address]);
  });

  it('flags a CE created by hand for both its create and its primary step', () => {
    const fresh = actualFromPlan(richPlan());
    org(fresh).workspaces.push({
      id: 77,
      name: 'newcomm',
      fullName: 'New Community',
      visibility: 'private',
      participants: [],
      credentials: [],
      computeEnvironments: [
        {
          id: 'x',
          name: 'local-slurm',
          platform: 'slurm-platform',
          status: 'AVAILABLE',
          primary: false,
          config: {},
          labelIds: [],
        },
      ],
      pipelines: [],
      secrets: [],
    });
    expect(staleAddresses(richPlan(), fresh)).toEqual([a.newcomm, a.localSlurm]);
  });

  it('cannot verify an action whose collection was not read', () => {
    const fresh = actualFromPlan(richPlan());
    const ausgen = ws(fresh, 'ausgen') as unknown as Record<string, unknown>;
    delete ausgen['secrets'];
    const stale = checkPreconditions(richPlan(), fresh).stale;
    expect(stale.map((s) => s.address)).toEqual([a.ncbi, a.sentieon, a.oldToken]);
    expect(stale[0]?.reason).toBe('cannot be verified: its collection was not read');
  });

  it('uses the preconditions recorded in a saved plan', async () => {
    const plan = richPlan();
    const saved = parsePlanDocument(renderJson(buildPlanDocument(plan, await richMeta(plan))), 'plan.json');
    expect(checkPreconditions(saved, actualFromPlan(plan)).stale).toEqual([]);
    const tampered = { ...saved, preconditions: { ...saved.preconditions, [a.jane]: 'absent' } };
    expect(checkPreconditions(tampered, actualFromPlan(plan)).stale).toEqual([
      { address: a.jane, reason: 'now exists on the platform; the plan would create it' },
    ]);
    const { [a.jane]: _dropped, ...missing } = saved.preconditions;
    expect(checkPreconditions({ ...saved, preconditions: missing }, actualFromPlan(plan)).stale).toEqual([
      { address: a.jane, reason: 'the saved plan records no precondition for it' },
    ]);
  });

  it('an empty plan is never stale', () => {
    expect(
      checkPreconditions(emptyPlan(), { user: { id: 1, userName: 'u', email: 'u@x' }, orgs: [] }).stale,
    ).toEqual([]);
  });
});
