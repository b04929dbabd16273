/**
 * The pure planner: (desired state, actual state, context) → Plan.
 *
 * Contract: no IO, no clock, no randomness; inputs are never mutated; the
 * same inputs give a deep-equal plan whatever the order of their arrays. A
 * plan computed from a desired state and the live state a perfect apply of it
 * leaves has no actions and no drift.
 *
 * The planner names no kind: per organisation it runs the hooks of the kinds
 * in `PLANNING_ORDER` (see `src/kinds/kind.ts` for the sequence), then the
 * deletion caps, which count every kind's deletions alike.
 */
import { workspaceContents } from '../kinds/collections.js';
import { PLANNING_ORDER, removedWith } from '../kinds/graph.js';
import { PlanCollector } from '../kinds/kit/collector.js';
import { compareText } from '../kinds/kit/compare-text.js';
import type { OrgOutcome } from '../kinds/kit/organization-input.js';
import type { OrgScope } from '../kinds/kit/scope.js';
import type { ActualState } from '../model/actual.js';
import { address } from '../model/address.js';
import type { DesiredOrg, DesiredState } from '../model/desired.js';
import type { Plan, PlanAction } from '../model/plan.js';
import type { PlannerContext } from '../model/planner-context.js';
import { emailKey } from '../model/resources.js';
import { coversOrgLevel, coversWorkspace, filterSelection, type Selection } from '../model/selection.js';
import { checkDeletionCaps } from './deletion-caps.js';
import { compareActions, compareBlocked, compareNotes, compareUnmanaged, uniqueBlocked } from './order.js';

/**
 * Computes the plan that brings the platform to the desired state.
 * `context.workspaceFilter` (or `context.selection`), when not everything,
 * limits planning to those workspaces: where an organisation's org level is
 * not selected, its org-level contents are neither planned nor reported (an
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
  let outcome: OrgOutcome = actualOrg === undefined ? 'missing' : 'exists';
  for (const kind of PLANNING_ORDER) {
    if (kind.planOrganization === undefined) continue;
    outcome = kind.planOrganization({
      org,
      workspaces,
      actual: actualOrg,
      orgLevel,
      out,
      creation: {
        allowCreation: context.options.allowOrgCreation === true,
        visibleOrgs: actual.visibleOrgs ?? actual.orgs.map((o) => o.name),
      },
    });
  }
  if (outcome === 'missing') return;
  const scope: OrgScope = {
    org,
    actual: actualOrg,
    orgCreated: outcome === 'created',
    orgLevel,
    tokenEmail: emailKey(actual.user.email),
    protectedUsers: new Set(org.policy.protectedUsers.map(emailKey)),
    deletedMembers: new Set(),
    deletedTeams: new Set(),
    workspaceContents: (live) => workspaceContents(org.name, live),
    removedWith: (kind, name) => removedWith(actualOrg, kind, name),
    selection,
    context,
    out,
  };
  for (const kind of PLANNING_ORDER) kind.planOrgContent?.(scope);
  for (const ws of workspaces) {
    for (const kind of PLANNING_ORDER) {
      const wsScope = kind.planWorkspaceEntry?.(scope, ws);
      if (wsScope === undefined) continue;
      for (const content of PLANNING_ORDER) content.planWorkspaceContent?.(wsScope);
      for (const content of PLANNING_ORDER) content.linkWorkspaceContent?.(wsScope);
    }
  }
  for (const kind of PLANNING_ORDER) kind.checkOrg?.(scope);
  checkDeletionCaps(out, org, context.options);
}
