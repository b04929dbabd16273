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
import { paginate, searchFilter } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import type { DataLinkRecord, WorkspaceRecord } from '../store.js';
import { dataLinkDto, dataLinkId } from '../wire.js';

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

export function dataLinkRoutes({ store }: EmulatorEnv): Route[] {
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
