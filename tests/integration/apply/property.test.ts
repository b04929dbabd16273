import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed, ParticipantSeed } from '../../../src/emulator/seed.js';
import type { DesiredParticipant } from '../../../src/kinds/participants/model.js';
import type { Plan } from '../../../src/model/plan.js';
import type { OrgRole, WorkspaceRole } from '../../../src/model/resources.js';
import {
  aDesiredMember,
  aDesiredOrg,
  aDesiredPipeline,
  aDesiredSecret,
  aDesiredState,
  aDesiredWorkspace,
  aUserParticipant,
} from '../../helpers/builders.js';
import { actionsOf, startHarness, usersSeed } from './harness.js';

const PEOPLE = ['ann@example.org', 'ben@example.org', 'cat@example.org'];
const SECRETS = ['S_ONE', 'S_TWO'];
const PIPELINES = ['alpha', 'beta'];
const ORG_ROLES: readonly OrgRole[] = ['owner', 'member'];
const WS_ROLES: readonly WorkspaceRole[] = ['admin', 'maintain', 'launch', 'view'];

/** A subset of `items`, each with a value from `values`. */
const assignments = <T>(items: readonly string[], values: readonly T[]) =>
  fc
    .subarray([...items])
    .chain((chosen) =>
      fc.tuple(...chosen.map((item) => fc.constantFrom(...values).map((v) => [item, v] as const))),
    );

const world = fc.record({
  desiredMembers: fc.option(assignments(PEOPLE, ORG_ROLES), { nil: undefined }),
  desiredParticipants: assignments(PEOPLE, WS_ROLES),
  desiredSecrets: fc.subarray(SECRETS),
  desiredPipelines: assignments(PIPELINES, ['1.0.0', '2.0.0']),
  liveMembers: assignments(PEOPLE, ORG_ROLES),
  liveParticipants: fc.option(assignments(PEOPLE, WS_ROLES), { nil: undefined }),
  liveSecrets: fc.subarray(SECRETS),
  livePipelines: assignments(PIPELINES, ['1.0.0', '2.0.0', '3.0.0']),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function desiredOf(w: World) {
  return aDesiredState(
    aDesiredOrg({
      fullName: 'biocommons',
      ...(w.desiredMembers === undefined
        ? {}
        : { members: w.desiredMembers.map(([e, r]) => aDesiredMember(e, r)) }),
      workspaces: [
        aDesiredWorkspace({
          name: 'ausgen',
          fullName: 'ausgen',
          visibility: 'shared',
          participants: w.desiredParticipants.map(([e, r]): DesiredParticipant => aUserParticipant(e, r)),
          secrets: w.desiredSecrets.map((name) => aDesiredSecret(name, 'OTHER_VAR')),
          pipelines: w.desiredPipelines.map(([name, revision]) => {
            // A shared workspace takes pipelines without a compute environment or work dir.
            const {
              computeEnvironment: _ce,
              workDir: _wd,
              ...pipeline
            } = aDesiredPipeline({
              name,
              revision,
              url: `https://github.com/nf-core/${name}`,
            });
            return pipeline;
          }),
        }),
      ],
    }),
  );
}

function seedOf(w: World): EmulatorSeed {
  const participants: ParticipantSeed[] = [
    { email: 'sync-bot@example.org', role: 'owner' },
    ...(w.liveParticipants ?? []).map(([email, role]) => ({ email, role })),
  ];
  return {
    users: usersSeed(...PEOPLE),
    orgs: [
      {
        name: 'biocommons',
        members: [
          { email: 'sync-bot@example.org', role: 'owner' },
          ...w.liveMembers.map(([email, role]) => ({ email, role })),
        ],
        workspaces: [
          {
            name: 'ausgen',
            visibility: 'shared',
            participants: w.liveParticipants === undefined ? [participants[0]!] : participants,
            secrets: w.liveSecrets.map((name) => ({ name, value: `live-${name}` })),
            pipelines: w.livePipelines.map(([name, revision]) => ({
              name,
              launch: { pipeline: `https://github.com/nf-core/${name}`, revision },
            })),
          },
        ],
      },
    ],
  };
}

/** Live objects by plan address (values included), to see what an apply touched. */
function objects(seed: EmulatorSeed): Map<string, string> {
  const out = new Map<string, string>();
  for (const org of seed.orgs ?? []) {
    // Collaborators follow from participation (never managed as members): they belong to the participant's address.
    for (const m of org.members ?? []) {
      if (m.role !== 'collaborator')
        out.set(`${org.name}/members/${m.email.toLowerCase()}`, JSON.stringify(m));
    }
    for (const ws of org.workspaces ?? []) {
      const {
        participants,
        secrets,
        pipelines,
        credentials,
        computeEnvironments,
        labels: _l,
        ...fields
      } = ws;
      out.set(`${org.name}/${ws.name}`, JSON.stringify(fields));
      for (const p of participants ?? []) {
        out.set(
          `${org.name}/${ws.name}/participants/${p.email?.toLowerCase() ?? `team:${p.team ?? ''}`}`,
          JSON.stringify(p),
        );
      }
      for (const s of secrets ?? []) out.set(`${org.name}/${ws.name}/secrets/${s.name}`, JSON.stringify(s));
      for (const p of pipelines ?? [])
        out.set(`${org.name}/${ws.name}/pipelines/${p.name}`, JSON.stringify(p));
      for (const c of credentials ?? [])
        out.set(`${org.name}/${ws.name}/credentials/${c.name}`, JSON.stringify(c));
      for (const c of computeEnvironments ?? [])
        out.set(`${org.name}/${ws.name}/computeEnvironments/${c.name}`, JSON.stringify(c));
    }
  }
  return out;
}

function untouchedOutsidePlan(plan: Plan, before: Map<string, string>, after: Map<string, string>): string[] {
  const planned = new Set(plan.actions.map((a) => a.address));
  const covered = (addr: string): boolean => {
    const parts = addr.split('/');
    return parts.some((_, i) => planned.has(parts.slice(0, i + 1).join('/')));
  };
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (addr) => !covered(addr) && before.get(addr) !== after.get(addr),
  );
}

describe('property: apply then plan is empty, and nothing outside the plan is written', () => {
  it('holds for small random desired and live states', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const harness = await startHarness({ seed: seedOf(w) });
        try {
          const desired = desiredOf(w);
          const plan = await harness.plan(desired);
          fc.pre(plan.blocked.length === 0);
          const before = objects(harness.emulator.snapshot());
          const report = await harness.apply(plan);
          expect(report.failed).toEqual([]);
          expect(report.pending).toEqual([]);
          const after = objects(harness.emulator.snapshot());
          expect(untouchedOutsidePlan(plan, before, after)).toEqual([]);
          expect(actionsOf(await harness.plan(desired))).toEqual([]);
        } finally {
          await harness.stop();
        }
      }),
      { numRuns: 25, seed: 20240611, endOnFailure: true },
    );
  });
});
