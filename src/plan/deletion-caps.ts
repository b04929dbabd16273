/**
 * Deletion caps, checked once an organisation is planned: absolute per org
 * (`maxDeletions`, cascades included) and per collection as a ratio of its
 * live size (`maxDeletionRatio`). `--allow-deletions` lifts both: the
 * blocks are then not recorded and the actions are unchanged.
 */
import type { DesiredOrg } from '../model/desired.js';
import type { PlanOptions } from '../model/plan.js';
import type { PlanCollector } from '../kinds/kit/collector.js';

/** Largest number of deletions a collection of `size` live items allows (floored, at least 1); `undefined` below 4 items. */
export function ratioCap(size: number, ratio: number): number | undefined {
  if (size < 4) return undefined;
  return Math.max(1, Math.floor(ratio * size + 1e-9));
}

export function checkDeletionCaps(out: PlanCollector, org: DesiredOrg, options: PlanOptions): void {
  if (options.allowDeletions) return;
  const records = out.deletions.filter((d) => d.org === org.name);
  const total = [...new Set(records.map((d) => d.address))].sort();
  if (total.length > org.policy.maxDeletions) {
    out.block({
      rule: 'maxDeletions',
      message: `${total.length} deletions planned in organisation ${org.name} (cascades included), more than maxDeletions (${org.policy.maxDeletions})`,
      addresses: total,
      override: '--allow-deletions',
    });
  }
  const byCollection = new Map<string, string[]>();
  for (const record of records)
    byCollection.set(record.collection, [...(byCollection.get(record.collection) ?? []), record.address]);
  for (const [collection, addresses] of byCollection) {
    const size = out.collectionSizes.get(collection) ?? 0;
    const cap = ratioCap(size, org.policy.maxDeletionRatio);
    const unique = [...new Set(addresses)].sort();
    if (cap === undefined || unique.length <= cap) continue;
    out.block({
      rule: 'maxDeletionRatio',
      message: `${unique.length} of ${size} items deleted from ${collection}, more than maxDeletionRatio (${org.policy.maxDeletionRatio}) allows (${cap})`,
      addresses: unique,
      override: '--allow-deletions',
    });
  }
}
