/**
 * The two JSON Schemas (`schemas/organization.schema.json`,
 * `schemas/workspace.schema.json`) compiled with ajv (2020-12, strict, all
 * errors). The schemas are read from the package's `schemas/` folder, next to
 * `src/` and `dist/`, when first needed (never at import time) and compiled
 * once per process: compiling the workspace schema takes a noticeable fraction
 * of a second.
 */
import { readFile } from 'node:fs/promises';
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { FileError } from '../errors.js';
import { EMAIL_MAX_LENGTH, isEmailAddress } from '../model/email.js';
import { schemaIssues, type SchemaIssue } from './schema-messages.js';

/** Non-standard keywords the schemas use: annotations only (editors show the two messages too). */
export const ANNOTATION_KEYWORDS = ['x-secret', 'x-verbatim', 'patternErrorMessage', 'errorMessage'] as const;

export type FileKind = 'organization' | 'workspace';

export interface SchemaValidators {
  readonly validate: (kind: FileKind, value: unknown) => readonly SchemaIssue[];
  /** Keys whose string values are never interpolated (schema properties marked `x-verbatim`). */
  readonly verbatimKeys: ReadonlySet<string>;
}

/** Where a schema file lives: `<package>/schemas/<kind>.schema.json`. */
export function schemaUrl(kind: FileKind): URL {
  return new URL(`../../schemas/${kind}.schema.json`, import.meta.url);
}

let compiled: Promise<SchemaValidators> | undefined;

/** The compiled validators (memoised; a failed load is retried on the next call). */
export function schemaValidators(): Promise<SchemaValidators> {
  compiled ??= buildValidators().catch((err: unknown) => {
    compiled = undefined;
    throw err;
  });
  return compiled;
}

async function readSchema(kind: FileKind): Promise<AnySchemaObject> {
  const url = schemaUrl(kind);
  try {
    return JSON.parse(await readFile(url, 'utf8')) as AnySchemaObject;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new FileError(url.pathname, `cannot load the ${kind} schema: ${reason}`);
  }
}

async function buildValidators(): Promise<SchemaValidators> {
  const [organization, workspace] = await Promise.all([readSchema('organization'), readSchema('workspace')]);
  const validators: Record<FileKind, ValidateFunction> = {
    organization: newAjv().compile(organization),
    workspace: newAjv().compile(workspace),
  };
  return {
    validate: (kind, value) => {
      const validate = validators[kind];
      return validate(value) ? [] : schemaIssues(validate.errors ?? []);
    },
    verbatimKeys: new Set([
      ...annotatedKeys(organization, 'x-verbatim'),
      ...annotatedKeys(workspace, 'x-verbatim'),
    ]),
  };
}

/**
 * An ajv instance as the loader uses it. `strictRequired` is off because a
 * `oneOf` branch may require a property its parent declares (participants).
 */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
  });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  // Checked in linear time (email.ts); an over-long value is reported by `maxLength` alone.
  ajv.addFormat('email', {
    type: 'string',
    validate: (value: string) => value.length > EMAIL_MAX_LENGTH || isEmailAddress(value),
  });
  return ajv;
}

/** Names of properties, anywhere in a schema, whose schema carries `annotation: true`. */
export function annotatedKeys(schema: unknown, annotation: string): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null) {
      for (const [key, sub] of Object.entries(properties)) {
        if (
          typeof sub === 'object' &&
          sub !== null &&
          (sub as Record<string, unknown>)[annotation] === true
        ) {
          keys.add(key);
        }
      }
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(schema);
  return keys;
}
