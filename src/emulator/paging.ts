/**
 * Pagination of the lists the spec pages (`max`/`offset`, `totalSize`).
 * Without `max` a page has the default size; `max` is capped at MAX_PAGE_SIZE.
 */
import type { Query } from './body.js';
import { badRequest } from './http-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './settings.js';

export interface Page<T> {
  readonly items: T[];
  readonly totalSize: number;
}

export function paginate<T>(all: readonly T[], query: Query, defaultSize = DEFAULT_PAGE_SIZE): Page<T> {
  const max = query.integer('max') ?? defaultSize;
  const offset = query.integer('offset') ?? 0;
  if (max < 0) throw badRequest(`query parameter max must not be negative, got ${max}`);
  if (offset < 0) throw badRequest(`query parameter offset must not be negative, got ${offset}`);
  const size = Math.min(max === 0 ? defaultSize : max, MAX_PAGE_SIZE);
  return { items: all.slice(offset, offset + size), totalSize: all.length };
}

/** Case-insensitive free-text filter (`search`); `"quoted"` means an exact match, as tower-cli uses it. */
export function searchFilter(query: Query): (...fields: (string | undefined)[]) => boolean {
  const raw = query.get('search')?.trim();
  if (raw === undefined || raw === '') return () => true;
  const quoted = /^"(.*)"$/.exec(raw);
  if (quoted !== null) {
    const exact = quoted[1] ?? '';
    return (...fields) => fields.some((f) => f === exact);
  }
  const needle = raw.toLowerCase();
  return (...fields) => fields.some((f) => f?.toLowerCase().includes(needle) === true);
}
