/** Dispatches a plan action to the executor of its kind (one small module per kind under executors/). */
import type { PlanAction } from '../model/plan.js';
import type { ActionContext } from '../kinds/kit/action-context.js';
import { executeComputeEnv } from '../kinds/compute-environments/apply.js';
import { executeCredential } from '../kinds/credentials/apply.js';
import { executeMember } from '../kinds/members/apply.js';
import { executeOrganization } from '../kinds/organization/apply.js';
import { executeParticipant } from '../kinds/participants/apply.js';
import { executePipeline } from '../kinds/pipelines/apply.js';
import { executePrimary } from '../kinds/compute-environments/apply-primary.js';
import { executeSecret } from '../kinds/secrets/apply.js';
import { executeTeamMember } from '../kinds/teams/apply-member.js';
import { executeTeam } from '../kinds/teams/apply.js';
import { executeWorkspace } from '../kinds/workspace/apply.js';
import type { Outcome } from '../kinds/kit/outcome.js';

export function executeAction(action: PlanAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.kind) {
    case 'organization':
      return executeOrganization(action, ctx);
    case 'member':
      return executeMember(action, ctx);
    case 'team':
      return executeTeam(action, ctx);
    case 'teamMember':
      return executeTeamMember(action, ctx);
    case 'workspace':
      return executeWorkspace(action, ctx);
    case 'participant':
      return executeParticipant(action, ctx);
    case 'credential':
      return executeCredential(action, ctx);
    case 'computeEnvironment':
      return executeComputeEnv(action, ctx);
    case 'primaryComputeEnvironment':
      return executePrimary(action, ctx);
    case 'pipeline':
      return executePipeline(action, ctx);
    case 'secret':
      return executeSecret(action, ctx);
  }
}
