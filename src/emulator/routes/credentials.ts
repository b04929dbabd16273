/**
 * Workspace credentials. `keys` must carry `discriminator` equal to the
 * provider; write-only key fields are stored but never returned. An update
 * replaces the keys it sends and keeps stored secret fields it omits.
 * Deleting credentials that a compute environment uses succeeds, as on the
 * platform; that compute environment then cannot be deleted (409) except
 * with `force=true`, which mirrors the platform's "needs support" trap.
 */
import { workspaceFromQuery } from '../access.js';
import {
  objectField,
  optObject,
  optString,
  reqObject,
  reqString,
  stringParam,
  optNullableString,
} from '../body.js';
import { PROVIDERS, providersForPlatform, writeOnlyKeys } from '../credential-keys.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, notFound } from '../http-error.js';
import { toJsonObject, type Json, type JsonObject } from '../json.js';
import { seedObj, seedOptStr, seedStr, uniqueNames, type EmulatorKind } from '../kind.js';
import { ASSET_NAME, checkAssetName, checkMaxLength } from '../names.js';
import type { RequestContext, Route } from '../router.js';
import { DATA_LINK_SCHEMES, dropCredentialFromDataLinks } from './data-links.js';
import type { WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';

export interface CredentialRecord {
  readonly id: string;
  name: string;
  readonly provider: string;
  description?: string;
  baseUrl?: string;
  category?: string;
  /** Every key, secret ones included (they are never returned). */
  keys: JsonObject;
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface CredentialSeed {
  readonly name: string;
  readonly provider: string;
  readonly description?: string;
  readonly baseUrl?: string;
  readonly category?: string;
  /** Every key, secret ones included (stored, never returned by the API). `discriminator` is added. */
  readonly keys?: Readonly<Record<string, string | number | boolean>>;
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly credentials: Map<string, CredentialRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly credentials?: readonly CredentialSeed[];
  }
}

/** The Credentials wire shape: secret key fields left out. */
export function credentialsDto(cred: CredentialRecord): JsonObject {
  const hidden = new Set(writeOnlyKeys(cred.provider));
  const keys: JsonObject = {};
  for (const [key, value] of Object.entries(cred.keys)) if (!hidden.has(key)) keys[key] = value;
  return {
    id: cred.id,
    name: cred.name,
    description: orNull(cred.description),
    provider: cred.provider,
    baseUrl: orNull(cred.baseUrl),
    category: orNull(cred.category),
    deleted: null,
    lastUsed: null,
    dateCreated: cred.dateCreated,
    lastUpdated: cred.lastUpdated,
    keys,
  };
}

function parseKeys(input: Record<string, unknown>, provider: string): JsonObject {
  const keys = optObject(input, 'keys', 'credentials.') ?? { discriminator: provider };
  if (keys.discriminator !== provider) {
    throw badRequest(
      `credentials.keys.discriminator must equal the provider '${provider}', got ${JSON.stringify(keys.discriminator ?? null)}`,
    );
  }
  for (const [key, value] of Object.entries(keys)) {
    if (value !== null && typeof value === 'object')
      throw badRequest(`credentials.keys.${key} must be a scalar`);
  }
  return toJsonObject(keys);
}

function credentialRoutes({ store, settings }: EmulatorEnv): Route[] {
  const checkNameFree = (ws: WorkspaceRecord, name: string, self?: CredentialRecord): void => {
    checkAssetName('credentials', name);
    for (const cred of ws.credentials.values()) {
      if (cred.name === name && cred !== self) {
        throw conflict(`Credentials named '${name}' already exist in workspace '${ws.name}'`);
      }
    }
  };
  const find = (
    ctx: RequestContext,
    minimum: 'view' | 'admin',
  ): { ws: WorkspaceRecord; cred: CredentialRecord } => {
    const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, minimum);
    const id = stringParam(ctx.params, 'credentialsId');
    const cred = ws.credentials.get(id);
    if (cred === undefined) throw notFound(`Credentials '${id}' not found in workspace '${ws.name}'`);
    return { ws, cred };
  };
  return [
    {
      method: 'GET',
      pattern: '/credentials',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        const platformId = ctx.query.get('platformId');
        const allowed = platformId === undefined ? undefined : (providersForPlatform(platformId) ?? []);
        const credentials = [...ws.credentials.values()]
          .filter((c) => allowed === undefined || allowed.includes(c.provider))
          .map(credentialsDto);
        return ok({ credentials });
      },
    },
    {
      method: 'POST',
      pattern: '/credentials',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'admin');
        const input = reqObject(objectField(ctx.body, 'request body'), 'credentials', '');
        const name = reqString(input, 'name', 'credentials.');
        const provider = reqString(input, 'provider', 'credentials.');
        if (!PROVIDERS.includes(provider)) throw badRequest(`Unknown credentials provider '${provider}'`);
        checkNameFree(ws, name);
        const description = optString(input, 'description', 'credentials.');
        const baseUrl = optString(input, 'baseUrl', 'credentials.');
        const category = optString(input, 'category', 'credentials.');
        checkMaxLength('credentials.baseUrl', baseUrl, 200);
        checkMaxLength('credentials.category', category, 20);
        const keys = parseKeys(input, provider);
        const id = store.nextStringId();
        if (
          ctx.query.boolean('useExternalId') === true &&
          (provider === 'aws' || provider === 'seqeracompute')
        ) {
          keys.externalId = `ext-${id}`;
        }
        const cred: CredentialRecord = {
          id,
          name,
          provider,
          ...(description === undefined ? {} : { description }),
          ...(baseUrl === undefined ? {} : { baseUrl }),
          ...(category === undefined ? {} : { category }),
          keys,
          dateCreated: ctx.timestamp,
          lastUpdated: ctx.timestamp,
        };
        ws.credentials.set(cred.id, cred);
        // Cloud credentials start a discovery of their buckets: the data-link list answers 202 for a while.
        if (DATA_LINK_SCHEMES[provider] !== undefined) ws.dataLinksFetching = settings.dataLinkFetchAnswers;
        return ok({ credentialsId: cred.id });
      },
    },
    {
      method: 'GET',
      pattern: '/credentials/{credentialsId}',
      handler: (ctx) => ok({ credentials: credentialsDto(find(ctx, 'view').cred) }),
    },
    {
      method: 'PUT',
      pattern: '/credentials/{credentialsId}',
      handler: (ctx) => {
        const { ws, cred } = find(ctx, 'admin');
        const input = reqObject(objectField(ctx.body, 'request body'), 'credentials', '');
        const name = optString(input, 'name', 'credentials.');
        const provider = optString(input, 'provider', 'credentials.');
        if (provider !== undefined && provider !== cred.provider) {
          throw badRequest(
            `The provider of credentials '${cred.name}' cannot change (${cred.provider} -> ${provider})`,
          );
        }
        if (name !== undefined) checkNameFree(ws, name, cred);
        const description = optNullableString(input, 'description', 'credentials.');
        const baseUrl = optString(input, 'baseUrl', 'credentials.');
        checkMaxLength('credentials.baseUrl', baseUrl, 200);
        const keys =
          input.keys === undefined || input.keys === null ? undefined : parseKeys(input, cred.provider);
        if (name !== undefined) cred.name = name;
        if (description === null) delete cred.description;
        else if (description !== undefined) cred.description = description;
        if (baseUrl !== undefined) cred.baseUrl = baseUrl;
        if (keys !== undefined) {
          for (const secret of writeOnlyKeys(cred.provider)) {
            const kept = cred.keys[secret];
            if (keys[secret] === undefined && kept !== undefined) keys[secret] = kept;
          }
          cred.keys = keys;
        }
        cred.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/credentials/{credentialsId}',
      handler: (ctx) => {
        const { ws, cred } = find(ctx, 'admin');
        // `checked=true` asks for a running-jobs check; the emulator runs no jobs, so it only validates the value.
        ctx.query.boolean('checked');
        ws.credentials.delete(cred.id);
        dropCredentialFromDataLinks(ws, cred.id);
        return noContent();
      },
    },
  ];
}

function scalarKeys(
  keys: Readonly<Record<string, Json | undefined>>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(keys)) {
    if (
      key !== 'discriminator' &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    ) {
      out[key] = value;
    }
  }
  return out;
}

export const credentialsKind: EmulatorKind = {
  routes: credentialRoutes,
  workspace: {
    state: () => ({ credentials: new Map() }),
    seedSchema: {
      credentials: {
        type: 'array',
        items: seedObj(['name', 'provider'], {
          name: seedStr,
          provider: seedStr,
          description: seedOptStr,
          baseUrl: seedOptStr,
          category: seedOptStr,
          keys: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
        }),
      },
    },
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems, timestamp } = loader;
      const credName = uniqueNames(loader, 'credentials');
      (seed.credentials ?? []).forEach((c, i) => {
        const cw = `${where}.credentials[${i}]`;
        credName(c.name, cw);
        if (!ASSET_NAME.test(c.name)) problems.push(`${cw}.name: invalid credentials name '${c.name}'`);
        if (!PROVIDERS.includes(c.provider))
          problems.push(`${cw}.provider: unknown provider '${c.provider}'`);
        const discriminator = c.keys?.discriminator;
        if (discriminator !== undefined && discriminator !== c.provider) {
          problems.push(`${cw}.keys.discriminator: must equal the provider '${c.provider}'`);
        }
        const id = store.nextStringId();
        ws.credentials.set(id, {
          id,
          name: c.name,
          provider: c.provider,
          ...(c.description === undefined ? {} : { description: c.description }),
          ...(c.baseUrl === undefined ? {} : { baseUrl: c.baseUrl }),
          ...(c.category === undefined ? {} : { category: c.category }),
          keys: { ...toJsonObject(c.keys ?? {}), discriminator: c.provider },
          dateCreated: timestamp,
          lastUpdated: timestamp,
        });
      });
    },
    snapshot: (_store, _org, ws) => ({
      credentials: [...ws.credentials.values()].map((c) => ({
        name: c.name,
        provider: c.provider,
        ...(c.description === undefined ? {} : { description: c.description }),
        ...(c.baseUrl === undefined ? {} : { baseUrl: c.baseUrl }),
        ...(c.category === undefined ? {} : { category: c.category }),
        keys: scalarKeys(c.keys),
      })),
    }),
  },
};
