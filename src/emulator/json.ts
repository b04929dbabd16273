/**
 * JSON values as the emulator writes them. Object members may be `undefined`:
 * `JSON.stringify` drops them, which is how optional, non-nullable fields of
 * the official schemas are left out instead of being sent as `null`.
 */
export type Json = string | number | boolean | null | Json[] | JsonObject;

/** A JSON object under construction; `undefined` members are not serialised. */
export interface JsonObject {
  [key: string]: Json | undefined;
}

/** Narrows an unknown value (e.g. from `JSON.parse` or YAML) to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy of a JSON-compatible value, dropping anything JSON cannot carry. */
export function toJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (isRecord(value)) {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = toJson(member);
    }
    return out;
  }
  return null;
}

/** `toJson` for a value known to be an object. */
export function toJsonObject(value: Record<string, unknown>): JsonObject {
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = toJson(member);
  }
  return out;
}

/** Canonical JSON (sorted keys, no undefined members): stable input for hashes and comparisons. */
export function canonicalJson(value: Json | undefined): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/** Narrows a JSON value to an object. */
export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
