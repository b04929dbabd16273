/**
 * Paging to the end: `max=<page size>&offset=…`, advancing by the items a
 * page returned. An empty page always ends the list. With a numeric
 * `totalSize` the list ends at `offset >= totalSize`; real lists often lack
 * it (the teams list has none) or send `null`, and then a page shorter than
 * the page size ends the list. Advancing by what came back (not by `max`)
 * keeps the list complete when a server that sends `totalSize` caps pages
 * lower. Requests per list: max(1, ceil(total / page size)), one more when
 * no `totalSize` is sent and the total is an exact multiple of the page size.
 */
import { contextOf } from './call-helpers.js';
import type { Query } from './request-path.js';
import { Fields, type Decoder } from './response-shape.js';
import type { Transport } from './transport.js';

export const PAGE_SIZE = 100;

/** GETs every page of `path` and returns the items under `key`, each decoded. */
export async function paginate<T>(
  transport: Transport,
  path: string,
  query: Query,
  key: string,
  decode: Decoder<T>,
  pageSize: number = PAGE_SIZE,
): Promise<T[]> {
  const all: T[] = [];
  let offset = 0;
  for (;;) {
    const result = await transport.call({ method: 'GET', path, query: { ...query, max: pageSize, offset } });
    const body = Fields.body(result.body, contextOf(result));
    const items = body.list(key, decode);
    all.push(...items);
    offset += items.length;
    if (items.length === 0) return all;
    const total = body.optNumber('totalSize');
    if (total === undefined ? items.length < pageSize : offset >= total) return all;
  }
}
