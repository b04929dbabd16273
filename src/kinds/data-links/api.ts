/**
 * Custom data links on the platform (`/data-links?workspaceId=`): the wire
 * types and tolerant decoders, the list (which answers 202 while the platform
 * is still discovering buckets: waited out a bounded number of times, then
 * reported incomplete) and the writes, and a listed link → the live link
 * (links the platform discovered from credentials, `v1-cloud-…`, map to none).
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { segment } from '../../api/request-path.js';
import { contextOf, type OperationsContext } from '../../api/call-helpers.js';
import { opt } from '../../api/decoders/optional.js';
import { operations } from '../../api/operations.js';
import { Fields } from '../../api/response-shape.js';
import type { ActualDataLink } from './model.js';

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

// ── The list endpoint ──

/** The data-links kind's read endpoint (`/data-links?workspaceId=`). */
export interface DataLinkReads {
  /**
   * Every data link of the workspace (paged). While the platform answers 202
   * (still discovering buckets from credentials) it waits and re-reads from
   * the first page, a bounded number of times.
   */
  listDataLinks(workspaceId: number): Promise<DataLinksListing>;
}

const dataLinkPath = (id: string): string => `/data-links/${segment(id)}`;

export const dataLinkReads = operations(
  'data links (reads)',
  ({ transport: t, runtime, pageSize }: OperationsContext): DataLinkReads => {
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
          const wait = DATA_LINK_FETCH_WAITS_MS[waits];
          waits += 1;
          if (wait === undefined) return { dataLinks: items, waits, complete: false };
          await runtime.sleep(wait);
        }
      },
    };
  },
);

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

/** The data-links kind's write endpoints (`/data-links?workspaceId=`). */
export interface DataLinkWrites {
  createDataLink(workspaceId: number, body: DataLinkCreateRequest): Promise<DataLinkDto>;
  updateDataLink(workspaceId: number, dataLinkId: string, body: DataLinkUpdateRequest): Promise<void>;
  deleteDataLink(workspaceId: number, dataLinkId: string): Promise<void>;
}

export const dataLinkWrites = operations(
  'data links (writes)',
  ({ transport: t }: OperationsContext): DataLinkWrites => {
    return {
      async createDataLink(workspaceId, body) {
        const result = await t.call({ method: 'POST', path: '/data-links', query: { workspaceId }, body });
        return decodeDataLink(Fields.body(result.body, contextOf(result)));
      },
      async updateDataLink(workspaceId, dataLinkId, body) {
        await t.call({ method: 'PUT', path: dataLinkPath(dataLinkId), query: { workspaceId }, body });
      },
      async deleteDataLink(workspaceId, dataLinkId) {
        await t.call({ method: 'DELETE', path: dataLinkPath(dataLinkId), query: { workspaceId } });
      },
    };
  },
);

// ── Listed → live ──

/** The id prefix of links the platform discovers from credentials. */
export const DISCOVERED_PREFIX = 'v1-cloud-';

export function isDiscovered(dto: Pick<DataLinkDto, 'id'>): boolean {
  return dto.id.startsWith(DISCOVERED_PREFIX);
}

export function mapDataLink(dto: DataLinkDto): ActualDataLink | undefined {
  if (isDiscovered(dto)) return undefined;
  const credential = dto.credentials?.[0];
  return {
    id: dto.id,
    name: dto.name,
    provider: dto.provider ?? '',
    resourceRef: dto.resourceRef ?? '',
    ...(dto.description === undefined || dto.description === '' ? {} : { description: dto.description }),
    publicAccessible: dto.publicAccessible === true,
    ...(credential === undefined ? {} : { credentialsId: credential.id, credentialsName: credential.name }),
  };
}
