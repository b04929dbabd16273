/**
 * Data links (`/data-links?workspaceId=`). A workspace lists its custom
 * links (`v1-user-…`, made through the API) and the links the platform
 * discovered from its cloud credentials (`v1-cloud-…`, seeded). While
 * `dataLinksFetching` is above zero, each list request answers 202 with the
 * custom links only (the discovery is not done) and counts it down: the seed
 * sets it per workspace, and creating aws, google or azure credentials sets
 * it to `dataLinkFetchAnswers` (default 0). The list is paged
 * (`max`/`offset`) and, as in the recorded answers, carries no `totalSize`;
 * `search` filters by name, `credentialsId` by credential. Names are unique
 * among all the workspace's links (400: the spec declares no 409 here). A link's provider must be aws,
 * google or azure with the matching URI scheme, and its credential (when it
 * names one) a credential of the workspace with the same provider.
 * Discovered links cannot be updated or deleted (400). Reads need `view`,
 * writes `maintain`.
 */
import { workspaceFromQuery } from '../access.js';
import { objectField, optBoolean, optNullableString, optString, reqString, stringParam } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { lastNamed, seedObj, seedOptStr, seedStr, uniqueNames, type EmulatorKind } from '../kind.js';
import { paginate, searchFilter } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import type { IdSequence, Store, WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';

/**
 * A data link. Custom links (id `v1-user-…`) are made through the API;
 * discovered ones (`v1-cloud-…`) are the buckets the platform finds with a
 * workspace's cloud credentials, and cannot be edited or deleted.
 */
export interface DataLinkRecord {
  readonly id: string;
  name: string;
  readonly provider: string;
  readonly resourceRef: string;
  readonly region?: string;
  description?: string;
  readonly publicAccessible: boolean;
  credentialsIds: string[];
  readonly discovered: boolean;
}

/** A data link: custom unless `discovered` (found by the platform with the named credentials). */
export interface DataLinkSeed {
  readonly name: string;
  readonly provider: string;
  readonly resourceRef: string;
  /** Name of credentials of the same workspace. */
  readonly credentials?: string;
  readonly description?: string;
  readonly publicAccessible?: boolean;
  readonly region?: string;
  readonly discovered?: boolean;
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly dataLinks: Map<string, DataLinkRecord>;
    /** List requests that still answer 202 (the platform discovering buckets from credentials). */
    dataLinksFetching: number;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly dataLinks?: readonly DataLinkSeed[];
    /** List requests of the data links that answer 202 (still discovering buckets) before the list is complete. */
    readonly dataLinksFetching?: number;
  }
}

const DATA_LINK_IDS: IdSequence = { start: 1 };

/** A data link id in the platform's form: `v1-user-` (custom) or `v1-cloud-` (discovered) and 32 hex digits. */
function dataLinkId(store: Store, discovered: boolean): string {
  const hex = store.nextId(DATA_LINK_IDS).toString(16).padStart(32, '0');
  return `${discovered ? 'v1-cloud-' : 'v1-user-'}${hex}`;
}

/** DataLinkDto as the recorded lists show it (`null` for an unset description, status and message). */
function dataLinkDto(ws: WorkspaceRecord, link: DataLinkRecord): JsonObject {
  const credentials = link.credentialsIds.flatMap((id) => {
    const cred = ws.credentials.get(id);
    return cred === undefined ? [] : [{ id: cred.id, name: cred.name, provider: cred.provider }];
  });
  return {
    id: link.id,
    name: link.name,
    description: orNull(link.description),
    resourceRef: link.resourceRef,
    type: 'bucket',
    provider: link.provider,
    region: orNull(link.region),
    credentials,
    publicAccessible: link.publicAccessible,
    hidden: false,
    status: null,
    message: null,
  };
}

/** The providers a custom link may have, with their buckets' URI scheme. */
export const DATA_LINK_SCHEMES: Readonly<Record<string, string>> = {
  aws: 's3://',
  google: 'gs://',
  azure: 'az://',
};

/** The credential providers a link of each provider can use. */
const LINK_CREDENTIALS: Readonly<Record<string, readonly string[]>> = {
  aws: ['aws'],
  google: ['google'],
  azure: ['azure', 'azure_entra', 'azure-cloud'],
};

const LINK_NAME = /^[a-zA-Z0-9_.-]{1,100}$/;

function checkName(ws: WorkspaceRecord, name: string, self?: string): void {
  if (!LINK_NAME.test(name)) {
    throw badRequest(`Invalid data-link name '${name}': 1-100 letters, digits, '.', '-' or '_'`);
  }
  for (const other of ws.dataLinks.values()) {
    if (other.id !== self && other.name === name) {
      throw badRequest(`A data-link named '${name}' already exists in workspace '${ws.name}'`);
    }
  }
}

function credentialFor(ws: WorkspaceRecord, credentialsId: string | undefined, provider: string): string[] {
  if (credentialsId === undefined) return [];
  const cred = ws.credentials.get(credentialsId);
  if (cred === undefined)
    throw notFound(`Credentials '${credentialsId}' not found in workspace '${ws.name}'`);
  if (!(LINK_CREDENTIALS[provider] ?? []).includes(cred.provider)) {
    throw badRequest(`Credentials '${cred.name}' are ${cred.provider} credentials, not ${provider}`);
  }
  return [cred.id];
}

function dataLinkRoutes({ store }: EmulatorEnv): Route[] {
  const find = (
    ctx: RequestContext,
    minimum: 'view' | 'maintain',
  ): { ws: WorkspaceRecord; link: DataLinkRecord } => {
    const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, minimum);
    const id = stringParam(ctx.params, 'dataLinkId');
    const link = ws.dataLinks.get(id);
    if (link === undefined) throw notFound(`Data-link '${id}' not found in workspace '${ws.name}'`);
    return { ws, link };
  };
  const custom = (link: DataLinkRecord, verb: string): void => {
    if (link.discovered) {
      throw badRequest(`Data-link '${link.name}' was discovered from credentials and cannot be ${verb}`);
    }
  };
  return [
    {
      method: 'GET',
      pattern: '/data-links',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        const credentialsId = ctx.query.get('credentialsId');
        const matches = searchFilter(ctx.query);
        const fetching = ws.dataLinksFetching > 0;
        if (fetching) ws.dataLinksFetching -= 1;
        const all = [...ws.dataLinks.values()]
          .filter(
            (l) =>
              (!fetching || !l.discovered) &&
              (credentialsId === undefined || l.credentialsIds.includes(credentialsId)) &&
              matches(l.name),
          )
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const page = paginate(all, ctx.query);
        const body = { dataLinks: page.items.map((l) => dataLinkDto(ws, l)) };
        return fetching ? { status: 202, body } : ok(body);
      },
    },
    {
      method: 'POST',
      pattern: '/data-links',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        const provider = reqString(body, 'provider', '');
        const resourceRef = reqString(body, 'resourceRef', '');
        const type = optString(body, 'type', '') ?? 'bucket';
        const description = optNullableString(body, 'description', '') ?? undefined;
        const publicAccessible = optBoolean(body, 'publicAccessible', '') ?? false;
        const credentialsId = optNullableString(body, 'credentialsId', '') ?? undefined;
        const scheme = DATA_LINK_SCHEMES[provider];
        if (scheme === undefined) {
          throw badRequest(
            `Custom data-links support the providers aws, google and azure, not '${provider}'`,
          );
        }
        if (type !== 'bucket') throw badRequest(`Unsupported data-link type '${type}'`);
        if (!resourceRef.startsWith(scheme) || resourceRef.length === scheme.length) {
          throw badRequest(
            `Invalid resourceRef '${resourceRef}' for provider ${provider}: expected ${scheme}<bucket>`,
          );
        }
        checkName(ws, name);
        const link: DataLinkRecord = {
          id: dataLinkId(store, false),
          name,
          provider,
          resourceRef,
          publicAccessible,
          credentialsIds: credentialFor(ws, credentialsId, provider),
          discovered: false,
          ...(description === undefined || description === '' ? {} : { description }),
        };
        ws.dataLinks.set(link.id, link);
        return ok(dataLinkDto(ws, link));
      },
    },
    {
      method: 'GET',
      pattern: '/data-links/{dataLinkId}',
      handler: (ctx) => {
        const { ws, link } = find(ctx, 'view');
        return ok({ dataLink: dataLinkDto(ws, link) });
      },
    },
    {
      method: 'PUT',
      pattern: '/data-links/{dataLinkId}',
      handler: (ctx) => {
        const { ws, link } = find(ctx, 'maintain');
        custom(link, 'updated');
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '') ?? link.name;
        const description = optNullableString(body, 'description', '');
        const credentialsId = optNullableString(body, 'credentialsId', '');
        checkName(ws, name, link.id);
        const credentialsIds =
          credentialsId === undefined
            ? link.credentialsIds
            : credentialFor(ws, credentialsId ?? undefined, link.provider);
        link.name = name;
        if (description !== undefined) {
          if (description === null || description === '') delete link.description;
          else link.description = description;
        }
        link.credentialsIds = credentialsIds;
        return ok(dataLinkDto(ws, link));
      },
    },
    {
      method: 'DELETE',
      pattern: '/data-links/{dataLinkId}',
      handler: (ctx) => {
        const { ws, link } = find(ctx, 'maintain');
        custom(link, 'deleted');
        ws.dataLinks.delete(link.id);
        return noContent();
      },
    },
  ];
}

/**
 * What the platform does to a workspace's links when one of its credentials
 * is deleted: the buckets discovered with it go, custom links lose it.
 */
export function dropCredentialFromDataLinks(ws: WorkspaceRecord, credentialsId: string): void {
  for (const link of [...ws.dataLinks.values()]) {
    if (!link.credentialsIds.includes(credentialsId)) continue;
    if (link.discovered) ws.dataLinks.delete(link.id);
    else link.credentialsIds = link.credentialsIds.filter((id) => id !== credentialsId);
  }
}

export const dataLinksKind: EmulatorKind = {
  routes: dataLinkRoutes,
  workspace: {
    state: () => ({ dataLinks: new Map(), dataLinksFetching: 0 }),
    seedSchema: {
      dataLinks: {
        type: 'array',
        items: seedObj(['name', 'provider', 'resourceRef'], {
          name: seedStr,
          provider: seedStr,
          resourceRef: seedStr,
          credentials: seedStr,
          description: seedOptStr,
          publicAccessible: { type: 'boolean' },
          region: seedOptStr,
          discovered: { type: 'boolean' },
        }),
      },
      dataLinksFetching: { type: 'integer', minimum: 0 },
    },
    // Custom and discovered data links; a link's credentials must be of the workspace.
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems } = loader;
      const linkName = uniqueNames(loader, 'data link');
      (seed.dataLinks ?? []).forEach((l, i) => {
        const lw = `${where}.dataLinks[${i}]`;
        linkName(l.name, lw);
        const scheme = DATA_LINK_SCHEMES[l.provider];
        if (scheme === undefined) problems.push(`${lw}.provider: data links support aws, google and azure`);
        else if (!l.resourceRef.startsWith(scheme))
          problems.push(`${lw}.resourceRef: must start with ${scheme}`);
        const credentialsId =
          l.credentials === undefined ? undefined : lastNamed(ws.credentials.values(), l.credentials)?.id;
        if (l.credentials !== undefined && credentialsId === undefined) {
          problems.push(`${lw}.credentials: no credentials named '${l.credentials}' in this workspace`);
        }
        if (l.discovered === true && credentialsId === undefined) {
          problems.push(`${lw}: a discovered data link needs the credentials it was discovered with`);
        }
        const link: DataLinkRecord = {
          id: dataLinkId(store, l.discovered === true),
          name: l.name,
          provider: l.provider,
          resourceRef: l.resourceRef,
          publicAccessible: l.publicAccessible ?? false,
          credentialsIds: credentialsId === undefined ? [] : [credentialsId],
          discovered: l.discovered === true,
          ...(l.description === undefined ? {} : { description: l.description }),
          ...(l.region === undefined ? {} : { region: l.region }),
        };
        ws.dataLinks.set(link.id, link);
      });
      ws.dataLinksFetching = seed.dataLinksFetching ?? 0;
    },
    snapshot: (_store, _org, ws) => ({
      dataLinks: [...ws.dataLinks.values()].map((l) => {
        const credentials = ws.credentials.get(l.credentialsIds[0] ?? '')?.name;
        return {
          name: l.name,
          provider: l.provider,
          resourceRef: l.resourceRef,
          ...(credentials === undefined ? {} : { credentials }),
          ...(l.description === undefined ? {} : { description: l.description }),
          publicAccessible: l.publicAccessible,
          ...(l.region === undefined ? {} : { region: l.region }),
          ...(l.discovered ? { discovered: true } : {}),
        };
      }),
      ...(ws.dataLinksFetching > 0 ? { dataLinksFetching: ws.dataLinksFetching } : {}),
    }),
  },
};
