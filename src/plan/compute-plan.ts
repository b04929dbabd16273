/**
 * The pure planner: (desired state, actual state, context) → Plan.
 *
 * Contract: no IO, no clock, no randomness; inputs are never mutated; the
 * same inputs give a deep-equal plan whatever the order of their arrays. A
 * plan computed from a desired state and the live state a perfect apply of it
 * leaves has no actions and no drift.
 */
import type { ActualState } from '../model/actual.js';
import { address } from '../model/address.js';
import type { DesiredOrg, DesiredState } from '../model/desired.js';
import type { Plan, PlanAction } from '../model/plan.js';
import type { PlannerContext } from '../model/planner-context.js';
import { coversOrgLevel, coversWorkspace, filterSelection, type Selection } from '../model/selection.js';
import { emailKey } from '../model/resources.js';
import { PlanCollector } from './collector.js';
import {
  compareActions,
  compareBlocked,
  compareNotes,
  compareText,
  compareUnmanaged,
  uniqueBlocked,
} from './order.js';
import { planMembers } from './plan-members.js';
import { planOrganization } from './plan-org.js';
import { planTeams } from './plan-teams.js';
import { planWorkspace } from './plan-workspace.js';
import { checkDeletionCaps, checkLastOrgOwner, checkLastWorkspaceAdmins } from './safety.js';
import type { OrgScope } from './scope.js';

/**
 * Computes the plan that brings the platform to the desired state.
 * `context.workspaceFilter` (or `context.selection`), when not everything,
 * limits planning to those workspaces: where an organisation's org level is
 * not selected, its members and teams are neither planned nor reported (an
 * org that does not exist yet is still created for them).
 */
export function computePlan(desired: DesiredState, actual: ActualState, context: PlannerContext): Plan {
  const out = new PlanCollector();
  const selection = context.selection ?? filterSelection(context.workspaceFilter);
  const scopeOrgs = new Set<string>();
  const scopeWorkspaces = new Set<string>();
  for (const org of desired.orgs) {
    const workspaces = org.workspaces.filter((ws) => coversWorkspace(selection, org.name, ws.name));
    const unmanagedNamed = (actual.orgs.find((o) => o.name === org.name)?.workspaces ?? []).some((ws) =>
      coversWorkspace(selection, org.name, ws.name),
    );
    if (!coversOrgLevel(selection, org.name) && workspaces.length === 0 && !unmanagedNamed) continue;
    scopeOrgs.add(org.name);
    for (const ws of workspaces) scopeWorkspaces.add(address.workspace(org.name, ws.name));
    planOrg(org, workspaces, selection, actual, context, out);
  }
  return {
    actions: out.actions.map(normalised).sort(compareActions),
    unmanaged: [...out.unmanaged].sort(compareUnmanaged),
    notes: [...out.notes].sort(compareNotes),
    blocked: uniqueBlocked([...out.blocked].sort(compareBlocked)),
    options: { ...context.options },
    liveIds: Object.fromEntries([...out.liveIds.entries()].sort(([a], [b]) => compareText(a, b))),
    scope: { orgs: [...scopeOrgs].sort(compareText), workspaces: [...scopeWorkspaces].sort(compareText) },
  };
}

/** An action with its field changes sorted by field and its dependencies sorted and unique. */
function normalised(action: PlanAction): PlanAction {
  return {
    ...action,
    changes: [...action.changes].sort((a, b) => compareText(a.field, b.field)),
    dependsOn: [...new Set(action.dependsOn)].sort(compareText),
  };
}

function planOrg(
  org: DesiredOrg,
  workspaces: DesiredOrg['workspaces'],
  selection: Selection,
  actual: ActualState,
  context: PlannerContext,
  out: PlanCollector,
): void {
  const actualOrg = actual.orgs.find((o) => o.name === org.name);
  const orgLevel = coversOrgLevel(selection, org.name);
  const outcome = planOrganization(org, workspaces, actualOrg, orgLevel, out, {
    allowCreation: context.options.allowOrgCreation === true,
    visibleOrgs: actual.visibleOrgs ?? actual.orgs.map((o) => o.name),
  });
  if (outcome === 'missing') return;
  if (actualOrg !== undefined) {
    for (const m of actualOrg.members ?? [])
      out.liveId(address.member(org.name, emailKey(m.email)), m.memberId);
    for (const t of actualOrg.teams ?? []) out.liveId(address.team(org.name, t.name), t.teamId);
  }
  const base = {
    org,
    actual: actualOrg,
    orgCreated: outcome === 'created',
    orgLevel,
    tokenEmail: emailKey(actual.user.email),
    protectedUsers: new Set(org.policy.protectedUsers.map(emailKey)),
    context,
    out,
  };
  const deletedMembers = planMembers(base);
  const deletedTeams = planTeams({ ...base, deletedMembers });
  const scope: OrgScope = { ...base, deletedMembers, deletedTeams };
  for (const ws of workspaces) planWorkspace(scope, ws);
  reportUnmanagedWorkspaces(scope, selection);
  checkDeletionCaps(out, org, context.options);
  if (orgLevel) checkLastOrgOwner(out, org, actualOrg);
  checkLastWorkspaceAdmins(out, org, actualOrg, deletedTeams);
}

/** Workspaces on the platform with no file: reported, never deleted (under a selection, only those it covers). */
function reportUnmanagedWorkspaces(s: OrgScope, selection: Selection): void {
  const declared = new Set(s.org.workspaces.map((ws) => ws.name));
  for (const ws of s.actual?.workspaces ?? []) {
    const wsAddress = address.workspace(s.org.name, ws.name);
    if (declared.has(ws.name) || !coversWorkspace(selection, s.org.name, ws.name)) continue;
    s.out.liveId(wsAddress, ws.id);
    s.out.drift({
      address: wsAddress,
      kind: 'workspace',
      org: s.org.name,
      workspace: ws.name,
      name: ws.name,
      reason: `on the platform, no file ${s.org.name}/${ws.name}.yaml: unmanaged workspaces are never deleted`,
    });
  }
}
