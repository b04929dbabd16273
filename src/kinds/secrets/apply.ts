/**
 * Pipeline secrets: create with the value resolved from the variables (a
 * missing variable fails the action before any request); update (planned only
 * with --rotate-secrets) rewrites the value; delete. After a 409 or a lost
 * response the same-named secret is adopted and given the declared value.
 */
import type { SecretAction } from './model.js';
import { resolveSecretRef } from '../../secrets/resolve-secrets.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { missingVariablesMessage } from '../credentials/apply.js';
import { pipelineSecretReads, pipelineSecretWrites } from './api.js';

function valueOf(action: SecretAction, ctx: ActionContext): string {
  const resolved = resolveSecretRef(requireDesired(action).value, ctx.variables);
  if (!resolved.ok) throw new ActionFailure(missingVariablesMessage(resolved.missing));
  return resolved.value;
}

export async function executeSecret(action: SecretAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create': {
      const value = valueOf(action, ctx);
      const { name } = requireDesired(action);
      const workspaceId = workspaceIdOf(ctx, action);
      const created = await createOrAdopt(
        () => ctx.client.use(pipelineSecretWrites).createPipelineSecret(workspaceId, name, value),
        async () =>
          (await ctx.client.use(pipelineSecretReads).listPipelineSecrets(workspaceId)).find(
            (s) => s.name === name,
          )?.id,
      );
      ctx.ids.record(action.address, created.value);
      if (created.adoptedNote === undefined) return applied();
      await ctx.client.use(pipelineSecretWrites).updatePipelineSecret(workspaceId, created.value, value);
      return applied(created.adoptedNote);
    }
    case 'update':
    case 'replace': {
      const value = valueOf(action, ctx);
      const current = requireCurrent(action);
      await ctx.client
        .use(pipelineSecretWrites)
        .updatePipelineSecret(workspaceIdOf(ctx, action), current.id, value);
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      const workspaceId = workspaceIdOf(ctx, action);
      return deleteTolerantOfGone(() =>
        ctx.client.use(pipelineSecretWrites).deletePipelineSecret(workspaceId, current.id),
      );
    }
  }
}
