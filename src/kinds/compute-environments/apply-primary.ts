/** "Make this CE the workspace's primary" (POST /compute-envs/{id}/primary); the CE's id is resolved by address. */
import { address } from '../../model/address.js';
import type { PrimaryAction } from './model.js';
import { workspaceIdOf, workspaceNameOf, type ActionContext } from '../kit/action-context.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { computeEnvWrites } from './api.js';

export async function executePrimary(action: PrimaryAction, ctx: ActionContext): Promise<Outcome> {
  if (action.type === 'delete') {
    throw new ActionFailure('the platform offers no way to unset a primary compute environment');
  }
  const computeEnvId = ctx.ids.text(
    address.computeEnv(action.org, workspaceNameOf(action), action.computeEnvironment),
  );
  await ctx.client.use(computeEnvWrites).makePrimaryComputeEnv(workspaceIdOf(ctx, action), computeEnvId);
  return applied();
}
