/**
 * Minimal checks of response bodies at the boundary: the body is an object,
 * list keys hold arrays, and every item carries the fields its DTO declares
 * required, with the right primitive type. Unknown fields and enum values
 * pass through untouched. A body that fails is an `invalid-response`
 * ApiError, never a TypeError further in.
 */
import type { CallDescription } from './http-errors.js';
import { invalidResponse } from './http-errors.js';

export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

type RequiredKeys<T> = {
  [K in keyof T]-?: T extends Record<K, unknown> ? K : never;
}[keyof T];

/** The required fields of `T` and their types: the compiler checks every required key is listed. */
export type Shape<T> = { readonly [K in RequiredKeys<T> & string]: FieldType };

/** Where a body came from, to name it in an error. */
export interface BodyContext {
  readonly call: CallDescription;
  readonly status: number;
  /** Set when the server sent a body that is not JSON. */
  readonly bodyProblem?: string | undefined;
}

function typeOf(value: unknown): FieldType | 'null' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  if (t === 'object') return 'object';
  return 'other';
}

export function expectObject(value: unknown, ctx: BodyContext, what: string): Record<string, unknown> {
  if (typeOf(value) !== 'object') {
    throw invalidResponse(ctx.call, ctx.status, ctx.bodyProblem ?? `${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

/** `body[key]` as an object (e.g. `{member: {...}}`). */
export function expectMember(body: unknown, key: string, ctx: BodyContext): Record<string, unknown> {
  return expectObject(expectObject(body, ctx, 'the body')[key], ctx, `'${key}'`);
}

/** `body[key]` as an array (a list response). */
export function expectArray(body: unknown, key: string, ctx: BodyContext): unknown[] {
  const value = expectObject(body, ctx, 'the body')[key];
  if (!Array.isArray(value)) throw invalidResponse(ctx.call, ctx.status, `'${key}' is not a list`);
  return value as unknown[];
}

/** Checks the required fields of one item and returns it typed as its DTO. */
export function narrow<T>(value: unknown, shape: Shape<T>, ctx: BodyContext, what: string): T {
  const obj = expectObject(value, ctx, what);
  for (const [key, type] of Object.entries<FieldType>(shape)) {
    const actual = typeOf(obj[key]);
    if (actual !== type) {
      const found = actual === 'other' ? typeof obj[key] : actual;
      throw invalidResponse(ctx.call, ctx.status, `${what} has no ${type} '${key}' (found ${found})`);
    }
  }
  return obj as T;
}

/** Every item of `body[key]`, each checked against `shape`. */
export function narrowList<T>(body: unknown, key: string, shape: Shape<T>, ctx: BodyContext): T[] {
  return expectArray(body, key, ctx).map((item, index) => narrow(item, shape, ctx, `${key}[${index}]`));
}
