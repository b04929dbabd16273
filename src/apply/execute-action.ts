/** Dispatches a plan action to the executor of its kind (one small module per kind under executors/). */
import type { PlanAction } from '../model/plan.js';
import type { ActionContext } from './context.js';
import { executeComputeEnv } from './executors/compute-env.js';
import { executeCredential } from './executors/credential.js';
import { executeMember } from './executors/member.js';
import { executeOrganization } from './executors/organization.js';
import { executeParticipant } from './executors/participant.js';
import { executePipeline } from './executors/pipeline.js';
import { executePrimary } from './executors/primary.js';
import { executeSecret } from './executors/secret.js';
import { executeTeamMember } from './executors/team-member.js';
import { executeTeam } from './executors/team.js';
import { executeWorkspace } from './executors/workspace.js';
import type { Outcome } from './outcome.js';

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
