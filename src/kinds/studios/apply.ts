/** A workspace's Studios settings: one PUT carrying only the declared fields (the others stay as they are). */
import { opt } from '../../api/decoders/optional.js';
import type { StudiosAction } from './model.js';
import { orgIdOf, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { studiosWrites, type StudiosSettingsRequest } from './api.js';

export async function executeStudios(action: StudiosAction, ctx: ActionContext): Promise<Outcome> {
  if (action.type !== 'update') {
    throw new ActionFailure(`internal error: Studios settings are only updated, not ${action.type}d`);
  }
  const desired = requireDesired(action);
  const body: StudiosSettingsRequest = {
    ...opt('lifespanHours', desired.lifespanHours),
    ...opt('privateStudioByDefault', desired.privateStudioByDefault),
    ...opt('containerRepository', desired.containerRepository),
  };
  await ctx.client
    .use(studiosWrites)
    .updateStudiosSettings(orgIdOf(ctx, action), workspaceIdOf(ctx, action), body);
  return applied();
}
