/**
 * Execution order, as data: org-level creates/updates first
 * (organization → members → teams → team members), then every workspace on
 * its own (workspace → participants → credentials → compute environments →
 * primary → pipelines → secrets, then that workspace's deletions in reverse),
 * then org-level deletions in reverse (team members → teams → members).
 *
 * An action that depends on one its kind would normally precede (a pipeline
 * naming a workspace secret this run creates) is moved to a step after that
 * dependency, within its own group. Actions of one step never depend on each
 * other, so a step's actions may run concurrently; steps run in sequence.
 */
import type { Plan, PlanAction } from '../model/plan.js';
import { RESOURCE_ORDER } from '../kinds/graph.js';
import type { ResourceKind } from '../model/resources.js';

export interface Step {
  /** Unique across the schedule. */
  readonly id: string;
  readonly actions: readonly PlanAction[];
}

export interface WorkspaceSchedule {
  /** `org/workspace`. */
  readonly workspace: string;
  readonly steps: readonly Step[];
}

export interface Schedule {
  readonly orgBefore: readonly Step[];
  readonly workspaces: readonly WorkspaceSchedule[];
  readonly orgAfter: readonly Step[];
}

const RANK_SPACING = 1000;

function baseRank(kind: ResourceKind, isDelete: boolean): number {
  const index = RESOURCE_ORDER.indexOf(kind);
  return (isDelete ? 2 * RESOURCE_ORDER.length - index : index) * RANK_SPACING;
}

function groupOf(action: PlanAction): string {
  if (action.workspace !== undefined) return `${action.org}/${action.workspace}`;
  return action.type === 'delete' ? 'org-after' : 'org-before';
}

/** Rank per address: the kind's place, pushed after any dependency of the same group (cycles are left as they are). */
function ranksOf(
  actions: readonly PlanAction[],
  dependencies: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const group = new Map(actions.map((a) => [a.address, groupOf(a)]));
  const rank = new Map(actions.map((a) => [a.address, baseRank(a.kind, a.type === 'delete')]));
  for (let round = 0; round <= actions.length; round++) {
    let changed = false;
    for (const action of actions) {
      for (const dep of dependencies.get(action.address) ?? []) {
        if (group.get(dep) !== group.get(action.address)) continue;
        const needed = (rank.get(dep) ?? 0) + 1;
        if ((rank.get(action.address) ?? 0) < needed) {
          rank.set(action.address, needed);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return rank;
}

function toSteps(prefix: string, actions: readonly PlanAction[], rank: ReadonlyMap<string, number>): Step[] {
  const byRank = new Map<number, PlanAction[]>();
  for (const action of actions) {
    const r = rank.get(action.address) ?? 0;
    const list = byRank.get(r) ?? [];
    list.push(action);
    byRank.set(r, list);
  }
  return [...byRank.entries()]
    .sort(([a], [b]) => a - b)
    .map(([r, list]) => ({ id: `${prefix}:${r}`, actions: list }));
}

export function scheduleOf(
  plan: Pick<Plan, 'actions'>,
  dependencies: ReadonlyMap<string, readonly string[]>,
): Schedule {
  const rank = ranksOf(plan.actions, dependencies);
  const groups = new Map<string, PlanAction[]>();
  for (const action of plan.actions) {
    const key = groupOf(action);
    const list = groups.get(key) ?? [];
    list.push(action);
    groups.set(key, list);
  }
  const workspaces = [...groups.entries()]
    .filter(([key]) => key !== 'org-before' && key !== 'org-after')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([workspace, actions]) => ({ workspace, steps: toSteps(`ws:${workspace}`, actions, rank) }));
  return {
    orgBefore: toSteps('org-before', groups.get('org-before') ?? [], rank),
    workspaces,
    orgAfter: toSteps('org-after', groups.get('org-after') ?? [], rank),
  };
}
