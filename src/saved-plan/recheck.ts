/**
 * The safety rules, checked again on a saved plan's own actions before it is
 * applied. A plan file is data someone could have edited: its `blocked` list
 * is never trusted. The deletion caps, the last-owner and last-admin rules
 * and the workspace-deletion rule are evaluated from the file's actions
 * against the organisation policy of the configuration and a fresh read of
 * the platform. Only the overrides recorded in the plan (`--allow-*`) lift
 * them; the file's digest covers those.
 */
import { DEFAULT_POLICY, NO_IGNORE } from '../config/normalise-policy.js';
import type { ActualOrg, ActualState } from '../model/actual.js';
import type { DesiredOrg, DesiredState } from '../model/desired.js';
import type { BlockedRule, Plan, PlanAction } from '../model/plan.js';
import { PlanCollector } from '../kinds/kit/collector.js';
import { checkDeletionCaps } from '../plan/deletion-caps.js';
import { checkLastOrgOwner } from '../kinds/members/last-owner.js';
import { checkLastWorkspaceAdmins } from '../kinds/participants/last-admin.js';

/** The collection an address belongs to (the address without its last segment), as the planner names it. */
function collectionOf(itemAddress: string): string {
  return itemAddress.slice(0, Math.max(0, itemAddress.lastIndexOf('/')));
}

/** Live size of a collection, from the fresh read (0 when it was not read). */
function liveSize(collection: string, org: ActualOrg | undefined): number {
  if (org === undefined) return 0;
  const [, second, third, fourth] = collection.split('/');
  if (second === 'members' && third === undefined) return org.members?.length ?? 0;
  if (second === 'teams' && third === undefined) return org.teams?.length ?? 0;
  if (second === 'teams' && fourth === 'members') {
    return org.teams?.find((t) => t.name === third)?.members?.length ?? 0;
  }
  const ws = org.workspaces.find((w) => w.name === second);
  switch (third) {
    case 'participants':
      return ws?.participants?.length ?? 0;
    case 'credentials':
      return ws?.credentials?.length ?? 0;
    case 'computeEnvironments':
      return ws?.computeEnvironments?.length ?? 0;
    case 'pipelines':
      return ws?.pipelines?.length ?? 0;
    case 'secrets':
      return ws?.secrets?.length ?? 0;
    case 'labels':
      return ws?.labels?.length ?? 0;
    case 'actions':
      return ws?.actions?.length ?? 0;
    case undefined:
    default:
      return 0;
  }
}

/** Addresses a delete removes besides its own (an org member's teams and participations). */
function cascadeOf(action: PlanAction): readonly string[] {
  const cascade: unknown = 'cascade' in action ? action.cascade : undefined;
  return Array.isArray(cascade) ? cascade.filter((a): a is string => typeof a === 'string') : [];
}

/** The configuration's org, or a stand-in with the default policy when the configuration no longer has it. */
function orgFor(desired: DesiredState, name: string): DesiredOrg {
  return (
    desired.orgs.find((o) => o.name === name) ?? {
      name,
      hasFile: false,
      policy: DEFAULT_POLICY,
      ignore: NO_IGNORE,
      workspaces: [],
      source: { file: name, line: 1, column: 1, pointer: '' },
    }
  );
}

/** Every safety rule the saved plan's actions break, given the fresh live state. */
export function recheckSafety(
  saved: Plan,
  desired: DesiredState,
  fresh: ActualState,
): readonly BlockedRule[] {
  const out = new PlanCollector();
  for (const action of saved.actions) out.add(action);
  const orgs = [...new Set(saved.actions.map((a) => a.org))].sort();
  const liveOrg = (name: string): ActualOrg | undefined => fresh.orgs.find((o) => o.name === name);
  for (const action of saved.actions) {
    if (action.type !== 'delete') continue;
    if (action.kind === 'workspace') {
      if (!saved.options.allowWorkspaceDeletion) {
        out.block({
          rule: 'workspaceDeletion',
          message: `deleting workspace ${action.address} and everything in it needs --allow-workspace-deletion`,
          addresses: [action.address],
          override: '--allow-workspace-deletion',
        });
      }
      continue;
    }
    if (action.kind === 'organization') continue;
    for (const removed of [action.address, ...cascadeOf(action)]) {
      const collection = collectionOf(removed);
      out.collectionSize(collection, liveSize(collection, liveOrg(action.org)));
      out.deletion({ org: action.org, collection, address: removed });
    }
  }
  for (const name of orgs) {
    const org = orgFor(desired, name);
    const live = liveOrg(name);
    checkDeletionCaps(out, org, saved.options);
    checkLastOrgOwner(out, org, live);
    const deletedTeams = new Set(
      saved.actions.flatMap((a) =>
        a.kind === 'team' && a.type === 'delete' && a.org === name ? [a.name] : [],
      ),
    );
    checkLastWorkspaceAdmins(out, org, live, deletedTeams);
  }
  return out.blocked;
}
