/** What the planner of the organisation itself receives, and what it decides. */
import type { ActualOrg } from '../../model/actual.js';
import type { DesiredOrg, DesiredWorkspace } from '../../model/desired.js';
import type { PlanCollector } from './collector.js';

/** `missing`: the org does not exist and is not created, so nothing inside it is planned. */
export type OrgOutcome = 'exists' | 'created' | 'missing';

/** Whether a missing organisation may be created, and the ones the token can see (for "did you mean"). */
export interface OrgCreation {
  readonly allowCreation: boolean;
  readonly visibleOrgs: readonly string[];
}

export interface OrganizationInput {
  readonly org: DesiredOrg;
  /** The planned workspaces (named when the org is missing). */
  readonly workspaces: readonly DesiredWorkspace[];
  readonly actual: ActualOrg | undefined;
  /** False under a workspace filter: an existing org is then not updated. */
  readonly orgLevel: boolean;
  readonly out: PlanCollector;
  readonly creation: OrgCreation;
}
