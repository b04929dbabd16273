import { describe, expect, it } from 'vitest';
import {
  aDesiredComputeEnv,
  aDesiredMember,
  aDesiredOrg,
  aDesiredSecret,
  aDesiredState,
  aDesiredWorkspace,
  aPlannerContext,
  aPolicy,
  anActualComputeEnv,
  anActualMember,
  anActualOrg,
  anActualSecret,
  anActualState,
  anActualUserParticipant,
  anActualWorkspace,
  aUserParticipant,
  pruneSetting,
  TOKEN_USER,
} from '../../helpers/builders.js';
import { ratioCap } from '../../../src/plan/deletion-caps.js';
import { plan, rules, summary } from './plan-kit.js';

const secrets = (n: number) =>
  Array.from({ length: n }, (_, i) => anActualSecret(`S${String(i).padStart(2, '0')}`));

/** A workspace managing secrets with prune on: `live` live secrets, of which `keep` are declared. */
function secretsState(live: number, keep: number, policy = aPolicy()) {
  const all = secrets(live);
  const desired = aDesiredState(
    aDesiredOrg({
      policy,
      workspaces: [
        aDesiredWorkspace({
          prune: pruneSetting(true),
          secrets: all.slice(0, keep).map((s) => aDesiredSecret(s.name)),
        }),
      ],
    }),
  );
  const actual = anActualState(anActualOrg({ workspaces: [anActualWorkspace({ secrets: all })] }));
  return [desired, actual] as const;
}

describe('ratioCap', () => {
  it.each([
    [3, 0.25, undefined],
    [4, 0.25, 1],
    [7, 0.25, 1],
    [8, 0.25, 2],
    [100, 0.29, 29],
    [10, 0.7, 7],
    [4, 0, 1],
  ])('size %i at ratio %f allows %s', (size, ratio, cap) => {
    expect(ratioCap(size, ratio)).toBe(cap);
  });
});

describe('deletion caps (SPEC 4.3)', () => {
  it.each([
    ['under both caps', 8, 6, []],
    ['a small collection (< 4 items) has no ratio cap', 3, 0, []],
    ['over the ratio cap', 8, 5, ['maxDeletionRatio']],
    ['over maxDeletions but under the ratio', 60, 49, ['maxDeletions']],
    ['over both', 12, 0, ['maxDeletionRatio', 'maxDeletions']],
  ])('%s', (_name, live, keep, expected) => {
    const [desired, actual] = secretsState(live, keep);
    const p = plan(desired, actual);
    expect(rules(p)).toEqual(expected);
    expect(p.actions).toHaveLength(live - keep);
    for (const block of p.blocked) expect(block.override).toBe('--allow-deletions');
  });

  it('--allow-deletions lifts both caps and keeps the actions', () => {
    const [desired, actual] = secretsState(12, 0);
    const p = plan(desired, actual, aPlannerContext({ options: { allowDeletions: true } }));
    expect(p.blocked).toEqual([]);
    expect(p.actions).toHaveLength(12);
  });

  it('uses the org policy values', () => {
    const [desired, actual] = secretsState(8, 5, aPolicy({ maxDeletions: 2, maxDeletionRatio: 0.5 }));
    expect(rules(plan(desired, actual))).toEqual(['maxDeletions']);
  });

  it('does not count a replace as a deletion', () => {
    const ces = Array.from({ length: 12 }, (_, i) => `ce${i}`);
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [
          aDesiredWorkspace({
            computeEnvironments: ces.map((name) =>
              aDesiredComputeEnv({ name, credentials: undefined, config: { region: 'new' } }),
            ),
          }),
        ],
      }),
    );
    const actual = anActualState(
      anActualOrg({
        workspaces: [
          anActualWorkspace({
            computeEnvironments: ces.map((name) =>
              anActualComputeEnv({ name, credentialsId: undefined, config: { region: 'old' } }),
            ),
          }),
        ],
      }),
    );
    const p = plan(desired, actual);
    expect(p.actions.every((a) => a.type === 'replace')).toBe(true);
    expect(p.blocked).toEqual([]);
  });

  it('counts an org-member cascade towards maxDeletions and the collections it empties', () => {
    const workspaces = Array.from({ length: 10 }, (_, i) => `w${i}`);
    const desired = aDesiredState(
      aDesiredOrg({
        members: [aDesiredMember(TOKEN_USER.email, 'owner')],
        policy: aPolicy({ prune: pruneSetting({ members: true }) }),
      }),
    );
    const actual = anActualState(
      anActualOrg({
        members: [anActualMember(TOKEN_USER.email, 'owner'), anActualMember('gone@x.org')],
        workspaces: workspaces.map((name) =>
          anActualWorkspace({
            name,
            participants: [
              anActualUserParticipant('gone@x.org', 'view'),
              anActualUserParticipant(TOKEN_USER.email, 'owner'),
            ],
          }),
        ),
      }),
    );
    const p = plan(desired, actual);
    expect(summary(p)).toEqual(['delete biocommons/members/gone@x.org']);
    expect(rules(p)).toEqual(['maxDeletions']);
    expect(p.blocked[0]?.addresses).toHaveLength(11);
  });

  it('a cascade into a collection of >= 4 counts against its ratio', () => {
    const people = ['a', 'b', 'c'].map((n) => `${n}@x.org`);
    const desired = aDesiredState(
      aDesiredOrg({
        members: [aDesiredMember(TOKEN_USER.email, 'owner'), aDesiredMember('a@x.org')],
        policy: aPolicy({ prune: pruneSetting({ members: true }) }),
        workspaces: [aDesiredWorkspace({ name: 'other' })],
      }),
    );
    const actual = anActualState(
      anActualOrg({
        members: [anActualMember(TOKEN_USER.email, 'owner'), ...people.map((e) => anActualMember(e))],
        workspaces: [
          anActualWorkspace({
            participants: [
              ...people.map((e) => anActualUserParticipant(e)),
              anActualUserParticipant(TOKEN_USER.email, 'owner'),
            ],
          }),
        ],
      }),
    );
    // members: 2 of 4 deleted (cap 1); participants of ausgen: 2 of 4 (cap 1)
    const p = plan(desired, actual);
    expect(p.blocked.map((b) => [b.rule, b.addresses[0]])).toEqual([
      ['maxDeletionRatio', 'biocommons/ausgen/participants/b@x.org'],
      ['maxDeletionRatio', 'biocommons/members/b@x.org'],
    ]);
  });

  it('does not count a workspace deletion (it has its own gate)', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        policy: aPolicy({ maxDeletions: 0 }),
        workspaces: [aDesiredWorkspace({ state: 'absent' })],
      }),
    );
    const actual = anActualState(anActualOrg({ workspaces: [anActualWorkspace()] }));
    expect(
      rules(plan(desired, actual, aPlannerContext({ options: { allowWorkspaceDeletion: true } }))),
    ).toEqual([]);
  });

  it('never prunes with prune off, whatever the caps', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [
          aDesiredWorkspace({ participants: [aUserParticipant(TOKEN_USER.email, 'owner')], secrets: [] }),
        ],
      }),
    );
    const actual = anActualState(
      anActualOrg({
        workspaces: [
          anActualWorkspace({
            secrets: secrets(20),
            participants: [
              anActualUserParticipant(TOKEN_USER.email, 'owner'),
              anActualUserParticipant('x@x.org'),
            ],
          }),
        ],
      }),
    );
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toHaveLength(21);
  });
});
