/**
 * Planner invariants over generated states (fast-check, bounded runs):
 * a perfect apply replans to nothing; prune off never deletes; input order
 * does not matter; an unblocked plan respects the deletion caps; inputs are
 * never mutated; dependencies point at actions of the same plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActualState } from '../../../src/model/actual.js';
import type { DesiredState } from '../../../src/model/desired.js';
import type { Plan } from '../../../src/model/plan.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { ratioCap } from '../../../src/plan/deletion-caps.js';
import { actualFromDesired, contextFromDesired } from '../../helpers/builders.js';
import { desiredStateArb } from './arbitraries.js';
import { plan } from './plan-kit.js';

const RUNS = { numRuns: 200 };

/** A pair of independent states over the same name pools: desired, and the live state of another desired. */
const pairArb = (prune?: boolean) =>
  fc
    .tuple(desiredStateArb(prune), desiredStateArb())
    .map(([desired, other]) => ({ desired, actual: actualFromDesired(other) }));

// ------------------------------------------------------------------ shuffling

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Collections whose order carries no meaning (set-like lists stay as declared elsewhere). */
const UNORDERED = new Set([
  'orgs',
  'workspaces',
  'members',
  'teams',
  'participants',
  'credentials',
  'computeEnvironments',
  'pipelines',
  'secrets',
  'protectedUsers',
]);

function shuffleDeep(value: unknown, next: () => number, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => shuffleDeep(item, next));
    return key !== undefined && UNORDERED.has(key) ? shuffled(items, next) : items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shuffleDeep(v, next, k)]));
  }
  return value;
}

// ------------------------------------------------------------------ cap check, independent of the planner

/** Collection identity of a deleted address, and its live size read from the actual state. */
function collectionOf(address: string, actual: ActualState): { id: string; size: number } {
  const parts = address.split('/');
  const [org = '', second = '', third = ''] = parts;
  const liveOrg = actual.orgs.find((o) => o.name === org);
  if (second === 'members') return { id: `${org}/members`, size: liveOrg?.members?.length ?? 0 };
  if (second === 'teams' && parts.length === 3)
    return { id: `${org}/teams`, size: liveOrg?.teams?.length ?? 0 };
  if (second === 'teams') {
    return {
      id: `${org}/teams/${third}/members`,
      size: liveOrg?.teams?.find((t) => t.name === third)?.members?.length ?? 0,
    };
  }
  const ws = liveOrg?.workspaces.find((w) => w.name === second);
  const list =
    ws?.[third as 'participants' | 'credentials' | 'computeEnvironments' | 'pipelines' | 'secrets'];
  return { id: `${org}/${second}/${third}`, size: list?.length ?? 0 };
}

function deletionsOf(p: Plan): { org: string; address: string }[] {
  return p.actions.flatMap((a) =>
    a.type !== 'delete' || a.kind === 'workspace'
      ? []
      : [
          { org: a.org, address: a.address },
          ...(a.kind === 'member' ? (a.cascade ?? []) : []).map((c) => ({ org: a.org, address: c })),
        ],
  );
}

// ------------------------------------------------------------------ properties

describe('planner properties', () => {
  it('computePlan(s, actualFromDesired(s)) is empty and unblocked', () => {
    fc.assert(
      fc.property(desiredStateArb(), (desired) => {
        const p = plan(desired, actualFromDesired(desired), contextFromDesired(desired));
        expect(p.actions).toEqual([]);
        expect(p.unmanaged).toEqual([]);
        expect(p.blocked).toEqual([]);
      }),
      RUNS,
    );
  });

  it('with prune off, no plan deletes anything but a workspace marked absent', () => {
    fc.assert(
      fc.property(pairArb(false), ({ desired, actual }) => {
        const p = plan(desired, actual, contextFromDesired(desired));
        for (const action of p.actions.filter((a) => a.type === 'delete')) {
          expect(action.kind).toBe('workspace');
          const ws = desired.orgs
            .find((o) => o.name === action.org)
            ?.workspaces.find((w) => w.name === action.workspace);
          expect(ws?.state).toBe('absent');
        }
      }),
      RUNS,
    );
  });

  it('the plan does not depend on the order of the inputs', () => {
    fc.assert(
      fc.property(pairArb(), fc.integer(), ({ desired, actual }, seed) => {
        const context = contextFromDesired(desired);
        const next = rng(seed);
        const reordered = computePlan(
          shuffleDeep(desired, next) as DesiredState,
          shuffleDeep(actual, next) as ActualState,
          context,
        );
        expect(reordered).toEqual(computePlan(desired, actual, context));
      }),
      RUNS,
    );
  });

  it('an unblocked plan never exceeds maxDeletions or maxDeletionRatio', () => {
    fc.assert(
      fc.property(pairArb(true), ({ desired, actual }) => {
        const p = plan(desired, actual, contextFromDesired(desired));
        const capped = new Set(
          p.blocked
            .filter((b) => b.rule === 'maxDeletions' || b.rule === 'maxDeletionRatio')
            .map((b) => b.rule),
        );
        const deletions = deletionsOf(p);
        for (const org of desired.orgs) {
          const mine = [...new Set(deletions.filter((d) => d.org === org.name).map((d) => d.address))];
          if (!capped.has('maxDeletions')) expect(mine.length).toBeLessThanOrEqual(org.policy.maxDeletions);
          if (capped.has('maxDeletionRatio')) continue;
          const byCollection = new Map<string, { size: number; count: number }>();
          for (const address of mine) {
            const { id, size } = collectionOf(address, actual);
            byCollection.set(id, { size, count: (byCollection.get(id)?.count ?? 0) + 1 });
          }
          for (const { size, count } of byCollection.values()) {
            const cap = ratioCap(size, org.policy.maxDeletionRatio);
            if (cap !== undefined) expect(count).toBeLessThanOrEqual(cap);
          }
        }
      }),
      RUNS,
    );
  });

  it('never mutates its inputs and only depends on actions of the same plan', () => {
    fc.assert(
      fc.property(pairArb(), (pair) => {
        const before = JSON.stringify(pair);
        const p = plan(pair.desired, pair.actual, contextFromDesired(pair.desired));
        expect(JSON.stringify(pair)).toBe(before);
        const addresses = new Set(p.actions.map((a) => a.address));
        expect(addresses.size).toBe(p.actions.length);
        for (const action of p.actions)
          for (const dep of action.dependsOn) expect(addresses.has(dep)).toBe(true);
      }),
      RUNS,
    );
  });
});
