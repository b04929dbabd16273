import { afterEach, describe, expect, it } from 'vitest';
import { applySucceeded } from '../../../src/apply/types.js';
import {
  aDesiredMember,
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aUserParticipant,
} from '../../helpers/builders.js';
import { renderApplyReport } from '../../../src/apply/render-report.js';
import { PlanBlockedError } from '../../../src/errors.js';
import type { DesiredState } from '../../../src/model/desired.js';
import { aPolicy, pruneSetting } from '../../helpers/builders.js';
import { VARIABLES, actionsOf, calls, startHarness, usersSeed, type Harness } from './harness.js';
import { ausgen, driftedSeed, emptyOrgSeed, estate, other } from './estate.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function convergeFrom(h: Harness): Promise<void> {
  const desired = estate();
  const first = await h.plan(desired);
  expect(first.blocked).toEqual([]);
  expect(first.actions.length).toBeGreaterThan(0);
  const report = await h.apply(first);
  for (const format of ['text', 'json'] as const) {
    const out = renderApplyReport(report, { format, color: false });
    for (const secret of [...VARIABLES.values(), h.emulator.token]) expect(out).not.toContain(secret);
  }
  expect(report.failed).toEqual([]);
  expect(report.skipped).toEqual([]);
  expect(report.pending).toEqual([]);
  expect(applySucceeded(report)).toBe(true);

  const second = await h.plan(desired);
  expect(actionsOf(second)).toEqual([]);

  h.emulator.clearRequestLog();
  const again = await h.apply(second);
  expect(again.applied).toEqual([]);
  expect(again.requests.writes).toBe(0);
  expect(calls(h.writes())).toEqual([]);
  // Measured numbers, for the issue note.
  console.info(
    `converged: ${first.actions.length} actions in ${report.requests.total} requests (${report.requests.writes} writes); replan: 0 actions; second apply: ${again.requests.total} requests`,
  );
}

describe('apply converges (emulator over HTTP)', () => {
  it('from an empty org: apply, then plan is empty and a second apply writes nothing', async () => {
    harness = await startHarness({ seed: emptyOrgSeed() });
    await convergeFrom(harness);
  });

  it('from a drifted org: apply, then plan is empty and a second apply writes nothing', async () => {
    harness = await startHarness({ seed: driftedSeed() });
    await convergeFrom(harness);
  });

  it('prune off: extras are reported, never deleted', async () => {
    harness = await startHarness({ seed: driftedSeed() });
    const plan = await harness.plan(estate());
    expect(plan.actions.filter((a) => a.type === 'delete')).toEqual([]);
    expect(plan.unmanaged.map((u) => u.address)).toEqual(
      expect.arrayContaining([
        'biocommons/members/extra@example.org',
        'biocommons/ausgen/participants/extra@example.org',
      ]),
    );
    harness.emulator.clearRequestLog();
    await harness.apply(plan);
    expect(harness.writes().filter((w) => w.method === 'DELETE')).toEqual([]);
  });

  it('a role change is exactly one role request', async () => {
    harness = await startHarness({ seed: emptyOrgSeed() });
    await harness.apply(await harness.plan(estate()));
    const changed = estate([
      ausgen({
        participants: [
          aUserParticipant('jane@example.edu.au', 'maintain'),
          ...(ausgen().participants ?? []).slice(1),
        ],
      }),
      other(),
    ]);
    const plan = await harness.plan(changed);
    expect(actionsOf(plan)).toEqual(['update biocommons/ausgen/participants/jane@example.edu.au']);
    harness.emulator.clearRequestLog();
    const report = await harness.apply(plan);
    expect(report.failed).toEqual([]);
    expect(calls(harness.writes())).toEqual([
      expect.stringMatching(
        /^PUT \/orgs\/\d+\/workspaces\/\d+\/participants\/\d+\/role$/,
      ) as unknown as string,
    ]);
    expect(actionsOf(await harness.plan(changed))).toEqual([]);
  });

  it('email case differences between the platform and the files are nothing', async () => {
    harness = await startHarness({
      seed: {
        users: usersSeed('Jane.Citizen@Example.EDU.au'),
        orgs: [
          {
            name: 'biocommons',
            members: [
              { email: 'sync-bot@example.org', role: 'owner' },
              { email: 'Jane.Citizen@Example.EDU.au', role: 'member' },
            ],
            workspaces: [
              {
                name: 'ausgen',
                participants: [
                  { email: 'sync-bot@example.org', role: 'owner' },
                  { email: 'Jane.Citizen@Example.EDU.au', role: 'admin' },
                ],
              },
            ],
          },
        ],
      },
    });
    const desired = aDesiredState(
      aDesiredOrg({
        fullName: 'biocommons',
        members: [aDesiredMember('jane.citizen@example.edu.au', 'member')],
        workspaces: [
          aDesiredWorkspace({
            name: 'ausgen',
            fullName: 'ausgen',
            participants: [aUserParticipant('jane.citizen@example.edu.au', 'admin')],
          }),
        ],
      }),
    );
    const plan = await harness.plan(desired);
    expect(actionsOf(plan)).toEqual([]);
    harness.emulator.clearRequestLog();
    await harness.apply(plan);
    expect(harness.writes()).toEqual([]);
  });

  it('prune on within the caps deletes exactly the extras; over the caps the plan is refused and nothing is written', async () => {
    harness = await startHarness({ seed: driftedSeed() });
    const pruning = (maxDeletions: number): DesiredState => {
      const base = estate([ausgen({ prune: pruneSetting({ participants: true }) }), other()]);
      const org = base.orgs[0]!;
      return { orgs: [{ ...org, policy: aPolicy({ maxDeletions }) }] };
    };
    const blocked = await harness.plan(pruning(0));
    expect(blocked.blocked.map((b) => b.rule)).toEqual(['maxDeletions']);
    harness.emulator.clearRequestLog();
    await expect(harness.apply(blocked)).rejects.toBeInstanceOf(PlanBlockedError);
    expect(harness.emulator.requestLog()).toEqual([]);

    const plan = await harness.plan(pruning(10));
    expect(actionsOf(plan).filter((a) => a.startsWith('delete'))).toEqual([
      'delete biocommons/ausgen/participants/extra@example.org',
    ]);
    harness.emulator.clearRequestLog();
    const report = await harness.apply(plan);
    expect(report.failed).toEqual([]);
    expect(calls(harness.writes().filter((w) => w.method === 'DELETE'))).toEqual([
      expect.stringMatching(/^DELETE \/orgs\/\d+\/workspaces\/\d+\/participants\/\d+$/) as unknown as string,
    ]);
    expect(actionsOf(await harness.plan(pruning(10)))).toEqual([]);
  });
});
