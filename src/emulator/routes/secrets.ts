/**
 * Pipeline secrets: values are write-only (never returned); an update changes
 * the value only (no rename). The list is not paged.
 */
import { workspaceFromQuery } from '../access.js';
import { integerParam, objectField, reqString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { conflict, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { seedObj, seedOptStr, seedStr, uniqueNames, type EmulatorKind } from '../kind.js';
import { checkSecretName, SECRET_NAME } from '../names.js';
import type { RequestContext, Route } from '../router.js';
import type { IdSequence, WorkspaceRecord } from '../store.js';

export interface SecretRecord {
  readonly id: number;
  readonly name: string;
  value: string;
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface SecretSeed {
  readonly name: string;
  readonly value: string;
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly secrets: Map<number, SecretRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly secrets?: readonly SecretSeed[];
  }
}

const SECRET_IDS: IdSequence = { start: 1 };

function secretDto(secret: SecretRecord): JsonObject {
  return {
    id: secret.id,
    name: secret.name,
    lastUsed: null,
    dateCreated: secret.dateCreated,
    lastUpdated: secret.lastUpdated,
  };
}

function secretRoutes({ store }: EmulatorEnv): Route[] {
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
          id: store.nextId(SECRET_IDS),
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

export const secretsKind: EmulatorKind = {
  routes: secretRoutes,
  workspace: {
    state: () => ({ secrets: new Map() }),
    seedSchema: {
      secrets: { type: 'array', items: seedObj(['name', 'value'], { name: seedStr, value: seedOptStr }) },
    },
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems, timestamp } = loader;
      const secretName = uniqueNames(loader, 'secret');
      (seed.secrets ?? []).forEach((s, i) => {
        secretName(s.name, `${where}.secrets[${i}]`);
        if (!SECRET_NAME.test(s.name))
          problems.push(`${where}.secrets[${i}].name: invalid pipeline secret name '${s.name}'`);
        const id = store.nextId(SECRET_IDS);
        ws.secrets.set(id, {
          id,
          name: s.name,
          value: s.value,
          dateCreated: timestamp,
          lastUpdated: timestamp,
        });
      });
    },
    snapshot: (_store, _org, ws) => ({
      secrets: [...ws.secrets.values()].map((s) => ({ name: s.name, value: s.value })),
    }),
  },
};
