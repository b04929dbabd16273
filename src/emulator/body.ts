/**
 * Narrowing of request bodies and query strings. Every incoming value is
 * `unknown` until one of these helpers has checked it; a wrong type is a 400
 * `ErrorResponse` naming the field, never a crash.
 */
import { badRequest } from './http-error.js';
import { isRecord } from './json.js';

/** The body as an object (`what` names it in the message, e.g. "request body"). */
export function objectField(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw badRequest(`${what} must be a JSON object`);
  return value;
}

/** An optional nested object; `null` counts as absent. */
export function optObject(
  obj: Record<string, unknown>,
  key: string,
  where: string,
): Record<string, unknown> | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  return objectField(value, `${where}${key}`);
}

export function reqObject(obj: Record<string, unknown>, key: string, where: string): Record<string, unknown> {
  const value = optObject(obj, key, where);
  if (value === undefined) throw badRequest(`${where}${key} is required`);
  return value;
}

/** An optional string; `null` counts as absent. */
export function optString(obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${where}${key} must be a string`);
  return value;
}

/**
 * An optional string on an update: `undefined` when absent (the field is
 * kept), `null` when sent as null (the field is cleared).
 */
export function optNullableString(
  obj: Record<string, unknown>,
  key: string,
  where: string,
): string | null | undefined {
  if (obj[key] === null) return null;
  return optString(obj, key, where);
}

/** A required, non-blank string. */
export function reqString(obj: Record<string, unknown>, key: string, where: string): string {
  const value = optString(obj, key, where);
  if (value === undefined || value.trim() === '') throw badRequest(`${where}${key} is required`);
  return value;
}

/** An optional whole number (int64 ids and int32 sizes alike). */
export function optInteger(obj: Record<string, unknown>, key: string, where: string): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badRequest(`${where}${key} must be an integer`);
  }
  return value;
}

export function optBoolean(obj: Record<string, unknown>, key: string, where: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${where}${key} must be a boolean`);
  return value;
}

export function optStringArray(
  obj: Record<string, unknown>,
  key: string,
  where: string,
): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw badRequest(`${where}${key} must be an array of strings`);
  }
  return value;
}

export function optIntegerArray(
  obj: Record<string, unknown>,
  key: string,
  where: string,
): number[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every((v): v is number => typeof v === 'number' && Number.isSafeInteger(v))
  ) {
    throw badRequest(`${where}${key} must be an array of integers`);
  }
  return value;
}

/** Parsed query string: single values, repeated keys and comma lists. */
export class Query {
  constructor(private readonly params: URLSearchParams) {}

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** All values of a repeatable parameter, comma lists split (`attributes=labels,resources`). */
  list(name: string): string[] {
    return this.params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  /** An optional integer parameter (400 when not a whole number). */
  integer(name: string): number | undefined {
    const raw = this.get(name);
    if (raw === undefined || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
      throw badRequest(`query parameter ${name} must be an integer, got '${raw}'`);
    }
    return Number(raw);
  }

  /** An optional boolean parameter (`true`/`false`). */
  boolean(name: string): boolean | undefined {
    const raw = this.get(name);
    if (raw === undefined || raw === '') return undefined;
    if (raw !== 'true' && raw !== 'false') {
      throw badRequest(`query parameter ${name} must be true or false, got '${raw}'`);
    }
    return raw === 'true';
  }

  /** The query as a plain record (repeated keys joined with commas), for the request log. */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of new Set(this.params.keys())) out[key] = this.params.getAll(key).join(',');
    return out;
  }
}

/** A path parameter that must be a whole number (ids of orgs, members, teams, workspaces...). */
export function integerParam(params: Readonly<Record<string, string>>, name: string): number {
  const raw = params[name] ?? '';
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw badRequest(`path parameter ${name} must be an integer, got '${raw}'`);
  }
  return Number(raw);
}

/** A path parameter taken as is (string ids of credentials, compute environments, versions). */
export function stringParam(params: Readonly<Record<string, string>>, name: string): string {
  return params[name] ?? '';
}
