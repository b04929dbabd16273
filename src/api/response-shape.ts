/**
 * The reading side of response decoding: a `Fields` view of one object of a
 * response body that reads each field by the rule the real platform follows
 * (a field may be absent, `null` where the platform sends null, unknown
 * fields are ignored). A field that is missing where it is needed, or has
 * the wrong type, is an `invalid-response` ApiError naming the endpoint and
 * the field's path in the body (e.g. `computeEnvs[2].name`), never a
 * TypeError further in. The decoders beside the endpoints (each kind's
 * `api.ts`, this folder's `*-operations.ts` and `decoders/`) are the only
 * code that reads response bodies.
 */
import type { CallDescription } from './http-errors.js';
import { invalidResponse } from './http-errors.js';

/** Where a body came from, to name it in an error. */
export interface BodyContext {
  readonly call: CallDescription;
  readonly status: number;
  /** Set when the server sent a body that is not JSON. */
  readonly bodyProblem?: string | undefined;
}

type Found = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'absent' | 'other';

function found(value: unknown): Found {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object') return t;
  return 'other';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return found(value) === 'object';
}

/** A decoder of one item: `fields` reads the object at `fields.at`. */
export type Decoder<T> = (fields: Fields) => T;

/** One object of a response body, read field by field. */
export class Fields {
  private constructor(
    /** The object as received (decoders copy what they keep; nothing else reads it). */
    readonly raw: Readonly<Record<string, unknown>>,
    /** Its path in the body, for errors (`'the body'`, `computeEnvs[2]`, `computeEnv.config`). */
    readonly at: string,
    readonly ctx: BodyContext,
  ) {}

  /** `value` as an object, else an error naming `at`. */
  static of(value: unknown, ctx: BodyContext, at: string): Fields {
    if (!isObject(value)) {
      const what = at === '' ? 'the body' : `'${at}'`;
      throw invalidResponse(
        ctx.call,
        ctx.status,
        ctx.bodyProblem ?? `${what} is not an object (found ${found(value)})`,
      );
    }
    return new Fields(value, at, ctx);
  }

  /** The whole response body. */
  static body(body: unknown, ctx: BodyContext): Fields {
    return Fields.of(body, ctx, '');
  }

  private path(key: string): string {
    return this.at === '' ? key : `${this.at}.${key}`;
  }

  /** An error naming the field. */
  fail(key: string, expected: string): never {
    const value = this.raw[key];
    throw invalidResponse(
      this.ctx.call,
      this.ctx.status,
      `'${this.path(key)}' is not ${expected} (found ${found(value)})`,
    );
  }

  has(key: string): boolean {
    const value = this.raw[key];
    return value !== undefined && value !== null;
  }

  string(key: string): string {
    const value = this.raw[key];
    return typeof value === 'string' ? value : this.fail(key, 'a string');
  }

  /** Absent or null → undefined. */
  optString(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : this.fail(key, 'a string or null');
  }

  number(key: string): number {
    const value = this.raw[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail(key, 'a number');
  }

  optNumber(key: string): number | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : this.fail(key, 'a number or null');
  }

  optBoolean(key: string): boolean | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'boolean' ? value : this.fail(key, 'a boolean or null');
  }

  object(key: string): Fields {
    const value = this.raw[key];
    return isObject(value) ? new Fields(value, this.path(key), this.ctx) : this.fail(key, 'an object');
  }

  optObject(key: string): Fields | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    return isObject(value)
      ? new Fields(value, this.path(key), this.ctx)
      : this.fail(key, 'an object or null');
  }

  /** Every item of the list `key`, each decoded. */
  list<T>(key: string, decode: Decoder<T>): T[] {
    const value = this.raw[key];
    if (!Array.isArray(value)) return this.fail(key, 'a list');
    return (value as unknown[]).map((item, index) =>
      decode(Fields.of(item, this.ctx, `${this.path(key)}[${index}]`)),
    );
  }

  /** As `list`, absent or null → undefined. */
  optList<T>(key: string, decode: Decoder<T>): T[] | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    return this.list(key, decode);
  }

  /** A list of strings (absent or null → undefined); non-string items are an error. */
  optStrings(key: string): string[] | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !(value as unknown[]).every((v) => typeof v === 'string')) {
      return this.fail(key, 'a list of strings or null');
    }
    return [...(value as string[])];
  }

  /** A shallow copy of the object, for the open-ended objects kept as they are (CE config, credential keys, launch). */
  copy(): Record<string, unknown> {
    return { ...this.raw };
  }
}

/** `body[key]` decoded as one object (e.g. `{member: {...}}`). */
export function decodeMember<T>(body: unknown, key: string, ctx: BodyContext, decode: Decoder<T>): T {
  return decode(Fields.body(body, ctx).object(key));
}

/** Every item of `body[key]` (a list response), each decoded. */
export function decodeList<T>(body: unknown, key: string, ctx: BodyContext, decode: Decoder<T>): T[] {
  return Fields.body(body, ctx).list(key, decode);
}
