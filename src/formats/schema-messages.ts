/**
 * Turns ajv errors into plain, positioned messages ("unknown key 'foo'
 * (allowed: ...)", "role must be one of owner, admin, ..."). Needs ajv's
 * `verbose` option (for `parentSchema` and `data`). Never echoes the value of a
 * field the schema marks `x-secret`.
 */
import type { ErrorObject } from 'ajv';
import { emailProblem } from '../model/email.js';
import { closest } from '../model/closest.js';
import { pointerOf, segmentsOf } from './json-pointer.js';
import type { Anchor } from './yaml-source.js';

export { closest };

export interface SchemaIssue {
  readonly pointer: string;
  /** `key` when the issue is about a key itself (unknown key). */
  readonly anchor: Anchor;
  readonly message: string;
}

type SchemaNode = Readonly<Record<string, unknown>>;

/** Plain messages for a validation run, branch noise (`if`, inside `oneOf`) removed, one type error per value. */
export function schemaIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const relevant = errors.filter((e) => e.keyword !== 'if' && !/\/oneOf\/\d+\//.test(e.schemaPath));
  const typeErrorAt = new Set(relevant.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    if (
      error.keyword !== 'type' &&
      typeErrorAt.has(error.instancePath) &&
      error.keyword !== 'additionalProperties'
    ) {
      continue;
    }
    const issue = issueOf(error);
    const id = `${issue.pointer}\u0000${issue.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      issues.push(issue);
    }
  }
  return issues;
}

function issueOf(error: ErrorObject): SchemaIssue {
  const pointer = error.instancePath;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const params = error.params as Readonly<Record<string, unknown>>;
  const what = subject(pointer);
  const value = (message: string): SchemaIssue => ({ pointer, anchor: 'value', message });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      const title = typeof parent.title === 'string' ? ` in ${parent.title}` : '';
      const guess = closest(key, allowed);
      const hint = guess === undefined ? '' : `did you mean '${guess}'? `;
      return {
        pointer: pointerOf([...segmentsOf(pointer), key]),
        anchor: 'key',
        message: `unknown key '${key}'${title} (${hint}allowed: ${allowed.join(', ')})`,
      };
    }
    case 'required':
      return { pointer, anchor: 'key', message: `missing required key '${String(params.missingProperty)}'` };
    case 'type':
      return value(typeMessage(pointer, error.data, params.type));
    case 'enum': {
      const allowed = (params.allowedValues as readonly unknown[]).map((v) => String(v)).join(', ');
      return value(`${what} must be one of ${allowed} (got ${show(error.data)})`);
    }
    case 'const':
      return value(`${what} must be ${show(params.allowedValue)}`);
    case 'pattern': {
      const custom = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : undefined;
      if (parent['x-secret'] === true)
        return value(`${what}: ${custom ?? 'must be a single ${VAR} reference'}`);
      return value(`${what} ${show(error.data)} ${custom ?? `must match ${String(params.pattern)}`}`);
    }
    case 'format': {
      const custom = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : undefined;
      const problem =
        params.format === 'email' && typeof error.data === 'string' ? emailProblem(error.data) : undefined;
      const detail = problem === undefined ? '' : ` (it ${problem})`;
      return value(`${what} ${show(error.data)} ${custom ?? `must be ${String(params.format)}`}${detail}`);
    }
    case 'minLength':
      return value(
        params.limit === 1
          ? `${what} must not be empty`
          : `${what} must be at least ${String(params.limit)} characters`,
      );
    case 'maxLength':
      return value(`${what} must be at most ${String(params.limit)} characters`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return value(
        `${what} must be ${String(params.comparison)} ${String(params.limit)} (got ${show(error.data)})`,
      );
    case 'uniqueItems': {
      const items = Array.isArray(error.data) ? (error.data as unknown[]) : [];
      return value(`${what} lists ${show(items[Number(params.j)])} more than once`);
    }
    case 'oneOf':
    case 'anyOf':
      return value(
        typeof parent.errorMessage === 'string'
          ? `${what}: ${parent.errorMessage}`
          : `${what} does not match any of the allowed forms`,
      );
    default:
      return value(`${what} ${error.message ?? 'is invalid'}`);
  }
}

/** How a pointer reads in a message: `role`, `members[3]`, `the file`. */
export function subject(pointer: string): string {
  const segments = segmentsOf(pointer);
  const last = segments.at(-1);
  if (last === undefined) return 'the file';
  if (/^\d+$/.test(last)) {
    const parent = segments.at(-2);
    return parent === undefined ? `item ${last}` : `${parent}[${last}]`;
  }
  return last;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function typeMessage(pointer: string, data: unknown, expected: unknown): string {
  if (pointer === '') {
    return data === null || data === undefined
      ? 'the file is empty: expected a mapping of keys, starting with name'
      : `the file must be a mapping of keys (got ${kind(data)})`;
  }
  const raw = Array.isArray(expected) ? (expected as unknown[]).map(String) : [String(expected)];
  const types = raw.map((t) => (raw.length > 1 && t === 'boolean' ? 'a boolean' : (TYPE_NAMES[t] ?? t)));
  const wanted =
    types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types.at(-1) ?? ''}` : (types[0] ?? '');
  return `${subject(pointer)} must be ${wanted} (got ${kind(data)})`;
}

function kind(data: unknown): string {
  if (data === null || data === undefined) return 'nothing';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  return show(data);
}

function show(data: unknown): string {
  if (typeof data === 'string') return `'${data.length > 60 ? `${data.slice(0, 60)}…` : data}'`;
  if (data === null || data === undefined) return 'nothing';
  if (typeof data === 'number' || typeof data === 'boolean') return String(data);
  return Array.isArray(data) ? 'a list' : 'a mapping';
}
