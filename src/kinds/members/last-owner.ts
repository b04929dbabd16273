/** A plan may not leave an organisation without an owner (no flag lifts it). */
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import type { DesiredOrg } from '../../model/desired.js';
import { emailKey } from '../../model/resources.js';
import type { PlanCollector } from '../kit/collector.js';

/** Org owners after the plan: a plan may not take the last one away. */
export function checkLastOrgOwner(out: PlanCollector, org: DesiredOrg, actual: ActualOrg | undefined): void {
  if (actual?.members === undefined) return;
  const roles = new Map(actual.members.map((m) => [address.member(org.name, emailKey(m.email)), m.role]));
  const before = countOwners(roles);
  const touched: string[] = [];
  for (const action of out.actions) {
    if (action.kind !== 'member' || action.org !== org.name) continue;
    touched.push(action.address);
    if (action.type === 'delete') roles.delete(action.address);
    else if (action.desired !== undefined) roles.set(action.address, action.desired.role);
  }
  if (before === 0 || countOwners(roles) > 0) return;
  out.block({
    rule: 'lastOrgOwner',
    message: `organisation ${org.name} would be left without an owner`,
    addresses: touched.sort(),
  });
}

function countOwners(roles: ReadonlyMap<string, string>): number {
  return [...roles.values()].filter((role) => role === 'owner').length;
}
