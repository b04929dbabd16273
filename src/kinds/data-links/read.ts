/**
 * Reading a workspace's data links, only when the file manages them (and
 * the credentials, for their ids, when a link names one): every
 * page of the list (its answers carry no total size), custom links kept,
 * discovered ones dropped. While the platform is still discovering buckets
 * the list answers 202: each such answer is one more request (a first page),
 * up to the client's bound of re-reads; after the last one the list is
 * incomplete and its pages are not read. That platform state is part of the
 * live size (`dataLinksFetching`: the 202 answers still to come), so the
 * exact count and the lower bound both include those requests: no reader
 * can learn the complete list with fewer.
 */
import type { ActualDataLink } from './model.js';
import type { KindRead, RequestCost, WorkspaceRead } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapDataLink, DATA_LINK_FETCH_WAITS_MS, dataLinkReads } from './api.js';

const LIST = 'GET /data-links';

/** List answers at most: the first, and one re-read after each wait. */
const MAX_ANSWERS = DATA_LINK_FETCH_WAITS_MS.length + 1;

/** The requests of one read of the list: the 202 answers, then its pages (when it completes). */
export function dataLinkListCosts(listed: number, fetching: number): RequestCost[] {
  if (fetching >= MAX_ANSWERS) return [{ route: LIST, requests: MAX_ANSWERS }];
  return [
    ...(fetching > 0 ? [{ route: LIST, requests: fetching }] : []),
    { route: LIST, listOf: listed, withoutTotal: true },
  ];
}

const dataLinks: WorkspaceRead<'dataLinks'> = {
  field: 'dataLinks',
  // A link's credential is named in the file and sent by id: the credentials' ids are needed.
  asks: (ws) => ({ credentials: (ws.dataLinks ?? []).some((l) => l.credentials !== undefined) }),
  needs: (ws) => ({ dataLinks: ws.dataLinks !== undefined }),
  // A workspace deleted whole: its custom links are listed (they go with it).
  whenDeleted: { dataLinks: true },
  read: (ctx, reads) => {
    if (reads.dataLinks !== true)
      return { result: Promise.resolve(undefined), listed: Promise.resolve(undefined) };
    const result = reading(ctx.label('data links'), async () => {
      const listing = await ctx.client.use(dataLinkReads).listDataLinks(ctx.workspaceId);
      const links = listing.dataLinks
        .map(mapDataLink)
        .filter((link): link is ActualDataLink => link !== undefined);
      return { links, waits: listing.waits, complete: listing.complete };
    });
    return {
      result,
      listed: result.then(
        (r) => r.links.length,
        () => undefined,
      ),
    };
  },
  requests: (reads, live) =>
    reads.dataLinks === true ? dataLinkListCosts(live['dataLinks'] ?? 0, live['dataLinksFetching'] ?? 0) : [],
};

export const dataLinksRead: KindRead = { workspace: dataLinks };
