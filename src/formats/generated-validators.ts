/**
 * Loads the schema validators that `npm run build` generates ahead of time
 * (ajv "standalone" code in `<package>/dist/generated/schema-validators.cjs`),
 * so a CLI start does not compile the schemas. The module is derived from
 * `schemas/`; it carries the digest of what it was generated from, and a
 * module that is missing, malformed or generated from other schemas or other
 * ajv options is ignored (the caller then compiles the schemas itself).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FormatDefinition, ValidateFunction } from 'ajv/dist/2020.js';
import { packageFileUrl } from '../package-files.js';

/** `<package>/dist/generated/…`, whether this module runs from `src/` (tests), the compiled tree or the bundle. */
export function generatedValidatorsUrl(): URL {
  return packageFileUrl('dist/generated/schema-validators.cjs');
}

/** The formats the generated code calls (ajv standalone code cannot embed functions). */
export type SchemaFormats = Readonly<Record<string, FormatDefinition<string>>>;

/** The validators, by schema name. */
export type GeneratedValidators = ReadonlyMap<string, ValidateFunction>;

const requireModule = createRequire(import.meta.url);

/**
 * The validators in the generated module at `file`, or undefined when there is
 * no usable module generated from `digest`.
 */
export function loadGeneratedValidators(
  digest: string,
  formats: SchemaFormats,
  names: readonly string[],
  file: URL = generatedValidatorsUrl(),
): GeneratedValidators | undefined {
  let loaded: unknown;
  try {
    loaded = requireModule(fileURLToPath(file));
  } catch {
    return undefined;
  }
  if (typeof loaded !== 'object' || loaded === null) return undefined;
  const module = loaded as { readonly digest?: unknown; readonly validators?: unknown };
  if (module.digest !== digest) return undefined;
  const factories = module.validators;
  if (typeof factories !== 'object' || factories === null) return undefined;
  const validators = new Map<string, ValidateFunction>();
  for (const name of names) {
    const factory = (factories as Readonly<Record<string, unknown>>)[name];
    if (typeof factory !== 'function') return undefined;
    const validate: unknown = (factory as (formats: SchemaFormats) => unknown)(formats);
    if (typeof validate !== 'function') return undefined;
    validators.set(name, validate as ValidateFunction);
  }
  return validators;
}
