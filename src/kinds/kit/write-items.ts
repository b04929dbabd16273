/**
 * Helpers of the write facets (`ResourceWrites`): the items of a file's or a
 * seed's list, read as records.
 */

/** The items of `holder`'s list under `key`, as records (none when it holds no list there). */
export function itemsAt(holder: object, key: string): readonly Readonly<Record<string, unknown>>[] {
  const list = (holder as Readonly<Record<string, unknown>>)[key];
  return Array.isArray(list) ? (list as readonly Readonly<Record<string, unknown>>[]) : [];
}

/** Whether `holder` declares a value under `key` (a file that manages that collection, even empty). */
export function declares(holder: object, key: string): boolean {
  return (holder as Readonly<Record<string, unknown>>)[key] !== undefined;
}

/** An item's string field, or `''`. */
export function textOf(item: Readonly<Record<string, unknown>>, field: string): string {
  const value = item[field];
  return typeof value === 'string' ? value : '';
}

/** An item's list of strings (`members: [emails]`), or none. */
export function textsOf(item: Readonly<Record<string, unknown>>, field: string): readonly string[] {
  const value = item[field];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
