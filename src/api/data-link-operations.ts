/**
 * Custom data links (`/data-links?workspaceId=`). The list answers 202
 * while the platform is still discovering buckets from the workspace's
 * credentials: the client waits (`DATA_LINK_FETCH_WAITS_MS`, one wait per
 * 202) and re-reads from the first page; after the last wait it returns
 * what the last answer held, marked incomplete. Each 202 costs one request
 * (a first page).
 */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';

/** The waits before each re-read of a list that answered 202: at most 5 re-reads, 23 s in all. */
export const DATA_LINK_FETCH_WAITS_MS: readonly number[] = [1000, 2000, 4000, 8000, 8000];

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** A credential a data link uses (DataLinkCredentials). */
export interface DataLinkCredentials {
  id: string;
  name: string;
  provider?: string;
}

/**
 * DataLinkDto. Custom links have ids `v1-user-…`; links the platform
 * discovered from credentials have `v1-cloud-…`.
 */
export interface DataLinkDto {
  id: string;
  name: string;
  provider?: string;
  resourceRef?: string;
  type?: string;
  region?: string;
  description?: string;
  publicAccessible?: boolean;
  hidden?: boolean;
  credentials?: DataLinkCredentials[];
  status?: string;
  message?: string;
}

/**
 * Every data link of a workspace. `waits` counts the 202 answers (the
 * platform still discovering buckets) the client waited out; `complete` is
 * false when the list still answered 202 after the last wait (its links are
 * then only those of that answer's first page).
 */
export interface DataLinksListing {
  dataLinks: DataLinkDto[];
  waits: number;
  complete: boolean;
}

/** DataLinkCreateRequest (`type` is always `bucket`). */
export interface DataLinkCreateRequest {
  name: string;
  provider: string;
  resourceRef: string;
  type: 'bucket';
  publicAccessible: boolean;
  description?: string;
  credentialsId?: string;
}

/** DataLinkUpdateRequest: name, description and credentials only. */
export interface DataLinkUpdateRequest {
  name: string;
  description?: string;
  credentialsId?: string;
}

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * Data links (DataLinkDto), as listed and as a create answers. Real answers
 * send `null` for an empty description, status and message; the provider is
 * kept as a string (the platform knows more providers than a file can
 * declare).
 */
function decodeDataLinkCredentials(f: Fields): DataLinkCredentials {
  return { id: f.string('id'), name: f.string('name'), ...opt('provider', f.optString('provider')) };
}

export function decodeDataLink(f: Fields): DataLinkDto {
  return {
    id: f.string('id'),
    name: f.string('name'),
    ...opt('provider', f.optString('provider')),
    ...opt('resourceRef', f.optString('resourceRef')),
    ...opt('type', f.optString('type')),
    ...opt('region', f.optString('region')),
    ...opt('description', f.optString('description')),
    ...opt('publicAccessible', f.optBoolean('publicAccessible')),
    ...opt('hidden', f.optBoolean('hidden')),
    ...opt('credentials', f.optList('credentials', decodeDataLinkCredentials)),
    ...opt('status', f.optString('status')),
    ...opt('message', f.optString('message')),
  };
}

// ── Client methods ──

/** The client's data-link methods (part of `ApiClient`). */
export interface DataLinkOperations {
  /**
   * Every data link of the workspace (paged). While the platform answers 202
   * (still discovering buckets from credentials) it waits and re-reads from
   * the first page, a bounded number of times.
   */
  listDataLinks(workspaceId: number): Promise<DataLinksListing>;
  createDataLink(workspaceId: number, body: DataLinkCreateRequest): Promise<DataLinkDto>;
  updateDataLink(workspaceId: number, dataLinkId: string, body: DataLinkUpdateRequest): Promise<void>;
  deleteDataLink(workspaceId: number, dataLinkId: string): Promise<void>;
}

export function dataLinkOperations(
  { transport: t, runtime, pageSize }: OperationsContext,
  waitsMs: readonly number[] = DATA_LINK_FETCH_WAITS_MS,
): DataLinkOperations {
  const dataLink = (id: string): string => `/data-links/${segment(id)}`;

  /** Pages to the end; `fetching` when an answer was a 202 (the list is then that answer's items). */
  async function readOnce(workspaceId: number): Promise<{ items: DataLinkDto[]; fetching: boolean }> {
    const items: DataLinkDto[] = [];
    let offset = 0;
    for (;;) {
      const result = await t.call({
        method: 'GET',
        path: '/data-links',
        query: { workspaceId, max: pageSize, offset },
      });
      const body = Fields.body(result.body, contextOf(result));
      const page = body.list('dataLinks', decodeDataLink);
      if (result.status === 202) return { items: page, fetching: true };
      items.push(...page);
      offset += page.length;
      if (page.length === 0) return { items, fetching: false };
      const total = body.optNumber('totalSize');
      if (total === undefined ? page.length < pageSize : offset >= total) return { items, fetching: false };
    }
  }

  return {
    async listDataLinks(workspaceId) {
      let waits = 0;
      for (;;) {
        const { items, fetching } = await readOnce(workspaceId);
        if (!fetching) return { dataLinks: items, waits, complete: true };
        const wait = waitsMs[waits];
        waits += 1;
        if (wait === undefined) return { dataLinks: items, waits, complete: false };
        await runtime.sleep(wait);
      }
    },
    async createDataLink(workspaceId, body) {
      const result = await t.call({ method: 'POST', path: '/data-links', query: { workspaceId }, body });
      return decodeDataLink(Fields.body(result.body, contextOf(result)));
    },
    async updateDataLink(workspaceId, dataLinkId, body) {
      await t.call({ method: 'PUT', path: dataLink(dataLinkId), query: { workspaceId }, body });
    },
    async deleteDataLink(workspaceId, dataLinkId) {
      await t.call({ method: 'DELETE', path: dataLink(dataLinkId), query: { workspaceId } });
    },
  };
}
