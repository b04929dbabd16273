/**
 * Pipeline secrets: values are write-only (never returned); an update changes
 * the value only (no rename). The list is not paged.
 */
import { workspaceFromQuery } from '../access.js';
import { integerParam, objectField, reqString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { conflict, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { checkSecretName } from '../names.js';
import type { RequestContext, Route } from '../router.js';
import type { SecretRecord, WorkspaceRecord } from '../store.js';

function secretDto(secret: SecretRecord): JsonObject {
  return {
    id: secret.id,
    name: secret.name,
    lastUsed: null,
    dateCreated: secret.dateCreated,
    lastUpdated: secret.lastUpdated,
  };
}

export function secretRoutes({ store }: EmulatorEnv): Route[] {
  const find = (
    ctx: RequestContext,
    minimum: 'view' | 'maintain',
  ): { ws: WorkspaceRecord; secret: SecretRecord } => {
    const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, minimum);
    const id = integerParam(ctx.params, 'secretId');
    const secret = ws.secrets.get(id);
    if (secret === undefined) throw notFound(`Pipeline secret ${id} not found in workspace '${ws.name}'`);
    return { ws, secret };
  };
  return [
    {
      method: 'GET',
      pattern: '/pipeline-secrets',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        const pipelineSecrets = [...ws.secrets.values()].map(secretDto);
        return ok({ pipelineSecrets, totalSize: pipelineSecrets.length });
      },
    },
    {
      method: 'POST',
      pattern: '/pipeline-secrets',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        const value = reqString(body, 'value', '');
        checkSecretName(name);
        for (const secret of ws.secrets.values()) {
          if (secret.name === name)
            throw conflict(`A pipeline secret named '${name}' already exists in workspace '${ws.name}'`);
        }
        const secret: SecretRecord = {
          id: store.nextId('secret'),
          name,
          value,
          dateCreated: ctx.timestamp,
          lastUpdated: ctx.timestamp,
        };
        ws.secrets.set(secret.id, secret);
        return ok({ secretId: secret.id });
      },
    },
    {
      method: 'GET',
      pattern: '/pipeline-secrets/{secretId}',
      handler: (ctx) => ok({ pipelineSecret: secretDto(find(ctx, 'view').secret) }),
    },
    {
      method: 'PUT',
      pattern: '/pipeline-secrets/{secretId}',
      handler: (ctx) => {
        const { secret } = find(ctx, 'maintain');
        secret.value = reqString(objectField(ctx.body, 'request body'), 'value', '');
        secret.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/pipeline-secrets/{secretId}',
      handler: (ctx) => {
        const { ws, secret } = find(ctx, 'maintain');
        ws.secrets.delete(secret.id);
        return noContent();
      },
    },
  ];
}
