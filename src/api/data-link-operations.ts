/**
 * Custom data links (`/data-links?workspaceId=`). The list answers 202
 * while the platform is still discovering buckets from the workspace's
 * credentials: the client waits (`DATA_LINK_FETCH_WAITS_MS`, one wait per
 * 202) and re-reads from the first page; after the last wait it returns
 * what the last answer held, marked incomplete. Each 202 costs one request
 * (a first page).
 */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { decodeDataLink } from './decoders/data-link.js';
import type { DataLinkCreateRequest, DataLinkDto, DataLinksListing, DataLinkUpdateRequest } from './dto.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';

/** The waits before each re-read of a list that answered 202: at most 5 re-reads, 23 s in all. */
export const DATA_LINK_FETCH_WAITS_MS: readonly number[] = [1000, 2000, 4000, 8000, 8000];

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
