/**
 * Paging to the end (SPEC 7): `max=100&offset=…`, advancing by the items a
 * page returned, until `offset >= totalSize`; without a `totalSize`, until a
 * short page; always stopping on an empty page. Advancing by what came back
 * (not by `max`) keeps the list complete when a server caps pages lower.
 * Requests per list: max(1, ceil(total / 100)).
 */
import { contextOf } from './call-helpers.js';
import type { Query } from './request-path.js';
import { narrowList, type Shape } from './response-shape.js';
import type { Transport } from './transport.js';

export const PAGE_SIZE = 100;

function totalSizeOf(body: unknown): number | undefined {
  const total = (body as { totalSize?: unknown }).totalSize;
  return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}

/** GETs every page of `path` and returns the items under `key`, each checked against `shape`. */
export async function paginate<T>(
  transport: Transport,
  path: string,
  query: Query,
  key: string,
  shape: Shape<T>,
): Promise<T[]> {
  const all: T[] = [];
  let offset = 0;
  for (;;) {
    const result = await transport.call({ method: 'GET', path, query: { ...query, max: PAGE_SIZE, offset } });
    const items = narrowList(result.body, key, shape, contextOf(result));
    all.push(...items);
    if (items.length === 0) return all;
    offset += items.length;
    const total = totalSizeOf(result.body);
    if (total === undefined ? items.length < PAGE_SIZE : offset >= total) return all;
  }
}
