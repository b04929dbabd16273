/**
 * The quota check: what the plan creates, compared with the organisation's
 * quotas (`GET /orgs/{orgId}/quotas`). Pure: the plan use-case reads the
 * quotas of the organisations `orgsToCheck` names (and only those), then
 * `withQuotaWarnings` adds a warning for every limit the plan would exceed.
 *
 * Which resources count toward which quota is what the kinds declare
 * (`ResourceSpec.countsToward`); this module names no kind. A quota is
 * exceeded when the count after the plan — what exists (the kind's live
 * count), plus the plan's creates, minus its deletes — is greater than the
 * limit, and the plan creates at least one of what it counts. What a
 * delete takes with it (a removed member's or team's participations, its
 * `cascade`) counts as deleted too. A warning
 * does not block the plan: the platform refuses the creates beyond the
 * limit, and the rest still applies. An organisation the plan creates has
 * no quotas to read yet; a platform that answers 403 or 404 for them gives
 * a note instead of warnings.
 */
import { collectionAddress, RESOURCE_ORDER, specOf } from '../kinds/graph.js';
import type { QuotaCount } from '../kinds/kind.js';
import type { ActualOrg, ActualState, OrgQuotas } from '../model/actual.js';
import type { Plan, PlanNote, PlanWarning } from '../model/plan.js';
import { compareText } from '../kinds/kit/compare-text.js';
import { compareNotes } from './order.js';

/** One limit's use by the plan: in an organisation, or in one of its workspaces. */
interface Tally {
  readonly org: ActualOrg;
  readonly workspace?: string;
  readonly count: QuotaCount;
  creates: number;
  deletes: number;
}

/** A counted item's limit: the organisation's, or one workspace's. */
interface Counted {
  readonly count: QuotaCount;
  readonly workspace?: string;
}

/**
 * What a delete takes with it on the platform (its `cascade`: a removed
 * member's participations, a team's), as counted items: each address that
 * is an item of a counted resource's collection, in the organisation or in
 * one of its workspaces.
 */
function cascadedItems(org: ActualOrg, cascade: readonly string[]): Counted[] {
  return cascade.flatMap((itemAddress): Counted[] => {
    for (const kind of RESOURCE_ORDER) {
      const spec = specOf(kind);
      const count = spec.countsToward;
      if (count === undefined) continue;
      const scopes = spec.scope === 'org' ? [undefined] : org.workspaces.map((ws) => ws.name);
      for (const workspace of scopes) {
        const collection = collectionAddress(spec, org.name, workspace);
        if (collection === undefined || !itemAddress.startsWith(`${collection}/`)) continue;
        if (itemAddress.slice(collection.length + 1).includes('/')) continue;
        return [count.per === 'workspace' && workspace !== undefined ? { count, workspace } : { count }];
      }
    }
    return [];
  });
}

function tallies(plan: Pick<Plan, 'actions'>, actual: ActualState): Tally[] {
  const byKey = new Map<string, Tally>();
  const tallyOf = (org: ActualOrg, { count, workspace }: Counted): Tally => {
    const key = `${org.name}\u0000${count.quota}\u0000${workspace ?? ''}`;
    let tally = byKey.get(key);
    if (tally === undefined) {
      tally = { org, ...(workspace === undefined ? {} : { workspace }), count, creates: 0, deletes: 0 };
      byKey.set(key, tally);
    }
    return tally;
  };
  const cascaded = new Set<string>();
  for (const action of plan.actions) {
    const org = actual.orgs.find((o) => o.name === action.org);
    if (org === undefined) continue;
    if (action.type === 'delete' && 'cascade' in action) {
      const fresh = action.cascade.filter((a) => !cascaded.has(a));
      for (const a of fresh) cascaded.add(a);
      for (const item of cascadedItems(org, fresh)) tallyOf(org, item).deletes++;
    }
    const count = specOf(action.kind).countsToward;
    if (count === undefined || (action.type !== 'create' && action.type !== 'delete')) continue;
    const workspace = count.per === 'workspace' ? action.workspace : undefined;
    if (count.per === 'workspace' && workspace === undefined) continue;
    const tally = tallyOf(org, workspace === undefined ? { count } : { count, workspace });
    if (action.type === 'create') tally.creates++;
    else tally.deletes++;
  }
  return [...byKey.values()].filter((tally) => tally.creates > 0);
}

/** The existing organisations whose plan creates something a quota counts: their quotas are read, once each. */
export function orgsToCheck(plan: Pick<Plan, 'actions'>, actual: ActualState): string[] {
  return [...new Set(tallies(plan, actual).map((tally) => tally.org.name))].sort(compareText);
}

function warningOf(tally: Tally, limit: number): PlanWarning | undefined {
  const ws =
    tally.workspace === undefined ? undefined : tally.org.workspaces.find((w) => w.name === tally.workspace);
  const live = tally.count.live(tally.org, ws) ?? 0;
  const count = live + tally.creates - tally.deletes;
  if (count <= limit) return undefined;
  const where =
    tally.workspace === undefined
      ? `organisation ${tally.org.name}`
      : `workspace ${tally.org.name}/${tally.workspace}`;
  const deleted = tally.deletes === 0 ? '' : `, ${String(tally.deletes)} deleted`;
  return {
    quota: tally.count.quota,
    org: tally.org.name,
    ...(tally.workspace === undefined ? {} : { workspace: tally.workspace }),
    limit,
    count,
    message:
      `${where}: ${String(count)} ${tally.count.what} after this plan (${String(live)} now, ` +
      `${String(tally.creates)} created${deleted}), over the ${tally.count.quota} quota of ${String(limit)}: ` +
      'the platform refuses the creates beyond it',
  };
}

function compareWarnings(a: PlanWarning, b: PlanWarning): number {
  return (
    compareText(a.org, b.org) ||
    compareText(a.workspace ?? '', b.workspace ?? '') ||
    compareText(a.quota, b.quota)
  );
}

/**
 * The plan with a warning for every quota it would exceed (`quotas`: what
 * was read per organisation, as `orgsToCheck` asked), and a note for every
 * organisation whose quotas could not be read.
 */
export function withQuotaWarnings(
  plan: Plan,
  actual: ActualState,
  quotas: ReadonlyMap<string, OrgQuotas>,
): Plan {
  const warnings: PlanWarning[] = [];
  const notes: PlanNote[] = [];
  for (const tally of tallies(plan, actual)) {
    const read = quotas.get(tally.org.name);
    if (read === undefined || 'unavailable' in read) continue;
    const limit = read.limits[tally.count.quota];
    if (limit === undefined) continue;
    const warning = warningOf(tally, limit);
    if (warning !== undefined) warnings.push(warning);
  }
  for (const [org, read] of quotas) {
    if ('unavailable' in read)
      notes.push({ message: `quotas of organisation ${org} not checked: ${read.unavailable}` });
  }
  if (warnings.length === 0 && notes.length === 0) return plan;
  return {
    ...plan,
    notes: [...plan.notes, ...notes].sort(compareNotes),
    ...(warnings.length === 0 ? {} : { warnings: warnings.sort(compareWarnings) }),
  };
}
