/**
 * Credentials: create/update with the keys resolved from the variables at the
 * last moment (a missing variable fails the action, naming it, before any
 * request), `keys.discriminator` = provider, and the keys fingerprint suffix
 * in the description (src/secrets/fingerprint.ts); delete. Secret values go only into the
 * request body, never into a message.
 */
import type { Credentials } from './api.js';
import type { CredentialAction, DesiredCredential } from './model.js';
import { keysFingerprint, withFingerprint } from '../../secrets/fingerprint.js';
import { resolveCredentialKeys } from '../../secrets/resolve-secrets.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { optionalField } from '../kit/fields.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { credentialReads, credentialWrites } from './api.js';

export function missingVariablesMessage(missing: readonly string[]): string {
  const names = missing.map((name) => `\${${name}}`).join(', ');
  return `variable${missing.length === 1 ? '' : 's'} ${names} not set: nothing was sent`;
}

/** The full request body; `description` is the user's part (fingerprint appended here). */
async function credentialsBody(
  desired: DesiredCredential,
  kept: { readonly description: string | undefined; readonly baseUrl: string | undefined },
  ctx: ActionContext,
  id?: string,
): Promise<Credentials> {
  const resolved = resolveCredentialKeys(desired.keys, ctx.variables);
  if (!resolved.ok) throw new ActionFailure(missingVariablesMessage(resolved.missing));
  const fingerprint = await keysFingerprint(resolved.value.secretValues);
  return {
    ...(id === undefined ? {} : { id }),
    name: desired.name,
    provider: desired.provider,
    description: withFingerprint(kept.description, fingerprint),
    ...(kept.baseUrl === undefined || kept.baseUrl === '' ? {} : { baseUrl: kept.baseUrl }),
    keys: { ...resolved.value.keys, discriminator: desired.provider },
  };
}

async function createCredential(action: CredentialAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const workspaceId = workspaceIdOf(ctx, action);
  const body = await credentialsBody(
    desired,
    { description: desired.description, baseUrl: desired.baseUrl },
    ctx,
  );
  const created = await createOrAdopt(
    () => ctx.client.use(credentialWrites).createCredentials(workspaceId, body),
    async () =>
      (await ctx.client.use(credentialReads).listCredentials(workspaceId)).find(
        (c) => c.name === desired.name,
      )?.id,
  );
  ctx.ids.record(action.address, created.value);
  if (created.adoptedNote === undefined) return applied();
  // The adopted object's keys cannot be read back: write the declared ones.
  await ctx.client
    .use(credentialWrites)
    .updateCredentials(workspaceId, created.value, { ...body, id: created.value });
  return applied(created.adoptedNote);
}

export async function executeCredential(action: CredentialAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create':
      return createCredential(action, ctx);
    case 'update':
    case 'replace': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      const kept = {
        description: optionalField(action, 'description', desired.description, current.description),
        baseUrl: optionalField(action, 'baseUrl', desired.baseUrl, current.baseUrl),
      };
      const body = await credentialsBody(desired, kept, ctx, current.id);
      await ctx.client.use(credentialWrites).updateCredentials(workspaceIdOf(ctx, action), current.id, body);
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      const workspaceId = workspaceIdOf(ctx, action);
      return deleteTolerantOfGone(() =>
        ctx.client.use(credentialWrites).deleteCredentials(workspaceId, current.id),
      );
    }
  }
}
