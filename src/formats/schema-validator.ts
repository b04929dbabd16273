/**
 * The two JSON Schemas (`schemas/organization.schema.json`,
 * `schemas/workspace.schema.json`) as ajv validators (2020-12, strict, all
 * errors). The schemas are read from the package's `schemas/` folder, next to
 * `src/` and `dist/`, when first needed (never at import time), once per
 * process. Compiling the workspace schema takes most of a second, so the build
 * generates the validators ahead of time (`generated-validators.ts`); they are
 * used when they were generated from exactly these schemas and options, and
 * the schemas are compiled here otherwise.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  Ajv2020,
  type AnySchemaObject,
  type CodeOptions,
  type FormatDefinition,
  type Options,
  type ValidateFunction,
} from 'ajv/dist/2020.js';
import { FileError } from '../errors.js';
import { packageFileUrl } from '../package-files.js';
import { EMAIL_MAX_LENGTH, isEmailAddress } from '../model/email.js';
import { loadGeneratedValidators, type SchemaFormats } from './generated-validators.js';
import { schemaIssues, type SchemaIssue } from './schema-messages.js';

/** Non-standard keywords the schemas use: annotations only (editors show the two messages too). */
export const ANNOTATION_KEYWORDS = ['x-secret', 'x-verbatim', 'patternErrorMessage', 'errorMessage'] as const;

export type FileKind = 'organization' | 'workspace';

export const FILE_KINDS: readonly FileKind[] = ['organization', 'workspace'];

export interface SchemaValidators {
  readonly validate: (kind: FileKind, value: unknown) => readonly SchemaIssue[];
  /** Keys whose string values are never interpolated (schema properties marked `x-verbatim`). */
  readonly verbatimKeys: ReadonlySet<string>;
  /** Where the validators come from: the build's generated module, or compiled in this process. */
  readonly origin: 'generated' | 'compiled';
}

/** A schema file as read: its text (what the generated module's digest covers) and its parsed value. */
export interface SchemaSource {
  readonly text: string;
  readonly schema: AnySchemaObject;
}

/** Where a schema file lives: `<package>/schemas/<kind>.schema.json`. */
export function schemaUrl(kind: FileKind): URL {
  return packageFileUrl(`schemas/${kind}.schema.json`);
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

async function readSchema(kind: FileKind): Promise<SchemaSource> {
  const url = schemaUrl(kind);
  try {
    const text = await readFile(url, 'utf8');
    return { text, schema: JSON.parse(text) as AnySchemaObject };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new FileError(url.pathname, `cannot load the ${kind} schema: ${reason}`);
  }
}

/** Both schema files, read and parsed. */
export async function readSchemas(): Promise<Record<FileKind, SchemaSource>> {
  const [organization, workspace] = await Promise.all([readSchema('organization'), readSchema('workspace')]);
  return { organization, workspace };
}

async function buildValidators(): Promise<SchemaValidators> {
  const sources = await readSchemas();
  const generated = loadGeneratedValidators(schemaDigest(sources), SCHEMA_FORMATS, FILE_KINDS);
  const validatorOf = (kind: FileKind): ValidateFunction =>
    generated?.get(kind) ?? newAjv().compile(sources[kind].schema);
  const validators: Record<FileKind, ValidateFunction> = {
    organization: validatorOf('organization'),
    workspace: validatorOf('workspace'),
  };
  return {
    validate: (kind, value) => {
      const validate = validators[kind];
      return validate(value) ? [] : schemaIssues(validate.errors ?? []);
    },
    verbatimKeys: new Set([
      ...annotatedKeys(sources.organization.schema, 'x-verbatim'),
      ...annotatedKeys(sources.workspace.schema, 'x-verbatim'),
    ]),
    origin: generated === undefined ? 'compiled' : 'generated',
  };
}

/**
 * The ajv options the loader validates with. `strictRequired` is off because
 * a `oneOf` branch may require a property its parent declares (participants).
 */
const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  verbose: true,
} as const satisfies Options;

/** Checked in linear time (email.ts); an over-long value is reported by `maxLength` alone. */
const EMAIL_FORMAT: FormatDefinition<string> = {
  type: 'string',
  validate: (value: string) => value.length > EMAIL_MAX_LENGTH || isEmailAddress(value),
};

/** The formats the schemas use, by name (the generated module receives them at load time). */
export const SCHEMA_FORMATS: SchemaFormats = { email: EMAIL_FORMAT };

/** An ajv instance as the loader uses it; `code` only when generating standalone code. */
export function newAjv(code?: CodeOptions): Ajv2020 {
  const ajv = new Ajv2020(code === undefined ? AJV_OPTIONS : { ...AJV_OPTIONS, code });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * What generated validators depend on, hashed: the schema texts, the ajv
 * version and options, the annotation keywords and the format names. A
 * generated module whose digest differs is stale.
 */
export function schemaDigest(sources: Readonly<Record<FileKind, SchemaSource>>): string {
  const ajvVersion = (createRequire(import.meta.url)('ajv/package.json') as { version?: unknown }).version;
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      ajv: ajvVersion,
      options: AJV_OPTIONS,
      keywords: ANNOTATION_KEYWORDS,
      formats: Object.keys(SCHEMA_FORMATS),
    }),
  );
  for (const kind of FILE_KINDS) hash.update(`\u0000${kind}\u0000${sources[kind].text}`);
  return hash.digest('hex');
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
