/**
 * Contract checks against the official Seqera Platform OpenAPI 3.0 spec.
 * `createContractChecker(specPath)` converts the spec's schemas to
 * JSON Schema for ajv and checks concrete requests and responses:
 *
 * - paths are matched against the spec's templated paths (literal segments
 *   win), giving the operation; unknown paths/methods are violations;
 * - query parameters must be declared, of the declared type, and present
 *   when required; path parameters must have the declared type;
 * - request bodies are validated against the operation's request schema
 *   (readOnly fields are allowed but never required there), response bodies
 *   against the declared response (writeOnly fields must NOT appear there);
 * - `nullable` becomes a null type, `$ref`s point to converted components,
 *   formats (int32, int64, date-time, ...) are checked;
 * - in a response, an optional (not required) property may also be `null`:
 *   the platform sends null for every unset optional field (see the recorded
 *   responses), though the spec marks almost none nullable;
 * - schemas with `discriminator.mapping` (ComputeConfig, SecurityKeys, ...)
 *   are validated by dispatching on the discriminator value to the mapped
 *   schema, never by plain `oneOf` (their variants are open schemas, so
 *   oneOf would match several); an unmapped or missing value is a violation;
 * - statuses the spec does not declare are allowed only when the platform
 *   sends them (401, 404, 429, 5xx, plus PLATFORM_UNDECLARED_STATUSES) and
 *   then need an `ErrorResponse` body.
 *
 * Every check returns a list of violations: empty means it conforms.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { locateOpenApiSpec } from './openapi-spec.js';
import { readOpenApiSpec } from './openapi-spec-cache.js';

type Mode = 'request' | 'response';
type Schema = Record<string, unknown>;

/** One exchange as the emulator's request log records it. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  readonly body?: unknown;
  readonly responseBody?: unknown;
}

export interface ContractChecker {
  /** The operationId a concrete request maps to, if any. */
  operationId(method: string, path: string): string | undefined;
  checkRequest(
    method: string,
    path: string,
    query: Readonly<Record<string, string>>,
    body: unknown,
  ): string[];
  checkResponse(method: string, path: string, status: number, body: unknown): string[];
  /** Request and response of a logged exchange (a dropped connection, status 0, checks the request only). */
  checkExchange(exchange: Exchange): string[];
  /** Validates a value against a component schema (e.g. for negative tests). */
  checkSchema(name: string, value: unknown, mode: Mode): string[];
}

/** Statuses that every operation may answer without declaring them (with an ErrorResponse body). */
export const ALWAYS_ALLOWED_UNDECLARED = [401, 404, 429] as const;

/**
 * Undeclared statuses the real platform sends for specific operations:
 * duplicate names answer 409 on creates whose spec lists no 409 (the
 * `.../validate` endpoints of the same resources declare 409 for a taken
 * name; the TF provider handles 409 on compute-env create and team-member
 * add as "already exists").
 */
export const PLATFORM_UNDECLARED_STATUSES: Readonly<Record<string, readonly number[]>> = {
  CreateCredentials: [409],
  CreateComputeEnv: [409],
  CreatePipelineSecret: [409],
  CreateOrganizationTeamMember: [409],
};

const OAS_ONLY_KEYS = new Set([
  'nullable',
  'readOnly',
  'writeOnly',
  'discriminator',
  'example',
  'examples',
  'xml',
  'externalDocs',
  'deprecated',
]);

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const refName = (ref: string): string => {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
};

const schemaId = (name: string, mode: Mode): string =>
  `https://contract.seqera-sync.local/${mode}/${encodeURIComponent(name)}`;

/** Converts one OpenAPI 3.0 schema to JSON Schema (draft-07) for `mode`. */
function convertSchema(schema: unknown, mode: Mode): unknown {
  if (Array.isArray(schema)) return schema.map((s) => convertSchema(s, mode));
  if (!isSchema(schema)) return schema;
  if (typeof schema.$ref === 'string') return { $ref: schemaId(refName(schema.$ref), mode) };
  const out: Schema = {};
  const hiddenHere = new Set<string>();
  for (const [key, value] of Object.entries(schema)) {
    if (OAS_ONLY_KEYS.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' && isSchema(value)) {
      const properties: Schema = {};
      for (const [prop, propSchema] of Object.entries(value)) {
        const writeOnlyInResponse =
          mode === 'response' && isSchema(propSchema) && propSchema.writeOnly === true;
        const readOnlyInRequest = mode === 'request' && isSchema(propSchema) && propSchema.readOnly === true;
        if (writeOnlyInResponse || readOnlyInRequest) hiddenHere.add(prop);
        properties[prop] = writeOnlyInResponse
          ? { not: {}, description: `writeOnly: must not appear in a response` }
          : convertSchema(propSchema, mode);
      }
      out.properties = properties;
    } else if (key === 'additionalProperties' || key === 'items' || key === 'not') {
      out[key] = convertSchema(value, mode);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = convertSchema(value, mode);
    } else {
      out[key] = value;
    }
  }
  if (Array.isArray(out.required)) {
    out.required = out.required.filter((p) => typeof p === 'string' && !hiddenHere.has(p));
  }
  if (mode === 'response' && isSchema(out.properties)) {
    const required = new Set(Array.isArray(out.required) ? out.required : []);
    for (const [prop, propSchema] of Object.entries(out.properties)) {
      if (!required.has(prop) && !hiddenHere.has(prop)) {
        out.properties[prop] = { anyOf: [propSchema, { type: 'null' }] };
      }
    }
  }
  const discriminator = schema.discriminator;
  if (
    isSchema(discriminator) &&
    isSchema(discriminator.mapping) &&
    typeof discriminator.propertyName === 'string'
  ) {
    dispatchOnDiscriminator(out, discriminator.propertyName, discriminator.mapping, mode);
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** Replaces a discriminated `oneOf` with "if discriminator = X then the mapped schema". */
function dispatchOnDiscriminator(out: Schema, property: string, mapping: Schema, mode: Mode): void {
  delete out.oneOf;
  const values = Object.keys(mapping);
  const properties = isSchema(out.properties) ? out.properties : {};
  out.properties = { ...properties, [property]: { type: 'string', enum: values } };
  out.required = [...new Set([...(Array.isArray(out.required) ? (out.required as string[]) : []), property])];
  const branches = Object.entries(mapping).map(([value, ref]) => ({
    if: { properties: { [property]: { const: value } }, required: [property] },
    then: { $ref: schemaId(refName(String(ref)), mode) },
  }));
  out.allOf = [...(Array.isArray(out.allOf) ? (out.allOf as unknown[]) : []), ...branches];
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  readonly parameters: readonly Schema[];
  readonly requestSchema: unknown;
  readonly requestRequired: boolean;
  readonly responses: Schema;
}

interface PathEntry {
  readonly template: string;
  readonly segments: readonly string[];
  readonly literals: number;
}

const INT32 = { min: -2147483648, max: 2147483647 };

function buildAjv(spec: Schema): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormatsPlugin.default(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('binary', () => true);
  const components =
    isSchema(spec.components) && isSchema(spec.components.schemas) ? spec.components.schemas : {};
  for (const mode of ['request', 'response'] as const) {
    for (const [name, schema] of Object.entries(components)) {
      const converted = convertSchema(schema, mode);
      ajv.addSchema({ ...(isSchema(converted) ? converted : {}), $id: schemaId(name, mode) });
    }
  }
  return ajv;
}

function describeErrors(where: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  const relevant = (errors ?? []).filter((e) => e.keyword !== 'if');
  return relevant.slice(0, 8).map((e) => {
    const extra = e.keyword === 'enum' ? ` (${JSON.stringify(e.params.allowedValues)})` : '';
    const prop = e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${where}${e.instancePath} ${e.message ?? 'is invalid'}${extra}${prop}`;
  });
}

/** Builds a checker for the spec at `specPath` (read and compiled once). */
export function createContractChecker(specPath: string): ContractChecker {
  const spec = readOpenApiSpec(specPath) as Schema;
  const ajv = buildAjv(spec);
  const operations = new Map<string, Operation>();
  const paths: PathEntry[] = [];
  for (const [template, item] of Object.entries(isSchema(spec.paths) ? spec.paths : {})) {
    if (!isSchema(item)) continue;
    const segments = template.split('/').filter((s) => s !== '');
    paths.push({ template, segments, literals: segments.filter((s) => !s.startsWith('{')).length });
    const shared = Array.isArray(item.parameters) ? item.parameters.filter(isSchema) : [];
    for (const [method, op] of Object.entries(item)) {
      if (!isSchema(op) || !isSchema(op.responses)) continue;
      const content =
        isSchema(op.requestBody) && isSchema(op.requestBody.content) ? op.requestBody.content : undefined;
      const json =
        content !== undefined && isSchema(content['application/json'])
          ? content['application/json']
          : undefined;
      operations.set(`${method.toUpperCase()} ${template}`, {
        method: method.toUpperCase(),
        template,
        operationId: typeof op.operationId === 'string' ? op.operationId : `${method} ${template}`,
        parameters: [...shared, ...(Array.isArray(op.parameters) ? op.parameters.filter(isSchema) : [])],
        requestSchema: json?.schema,
        requestRequired: isSchema(op.requestBody) && op.requestBody.required === true,
        responses: op.responses,
      });
    }
  }
  paths.sort((a, b) => b.literals - a.literals);
  const compiled = new Map<string, ValidateFunction>();
  const validator = (schema: unknown, mode: Mode): ValidateFunction => {
    const key = `${mode}:${JSON.stringify(schema)}`;
    let fn = compiled.get(key);
    if (fn === undefined) {
      fn = ajv.compile(convertSchema(schema, mode) as Schema);
      compiled.set(key, fn);
    }
    return fn;
  };
  const validate = (schema: unknown, mode: Mode, value: unknown, where: string): string[] => {
    const fn = validator(schema, mode);
    return fn(value) ? [] : describeErrors(where, fn.errors);
  };

  const find = (
    method: string,
    path: string,
  ): { op: Operation; params: Record<string, string> } | undefined => {
    const parts = path.split('/').filter((s) => s !== '');
    for (const entry of paths) {
      if (entry.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const matches = entry.segments.every((segment, i) => {
        const part = parts[i] ?? '';
        if (segment.startsWith('{')) {
          params[segment.slice(1, -1)] = decodeURIComponent(part);
          return true;
        }
        return segment === part;
      });
      if (!matches) continue;
      const op = operations.get(`${method.toUpperCase()} ${entry.template}`);
      if (op !== undefined) return { op, params };
    }
    return undefined;
  };

  const coerce = (raw: string, schema: unknown): unknown => {
    const resolved = isSchema(schema) && typeof schema.$ref === 'string' ? undefined : schema;
    const type = isSchema(resolved) ? resolved.type : 'string';
    if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
    if (type === 'array') {
      const items = isSchema(resolved) ? resolved.items : undefined;
      return raw.split(',').map((item) => coerce(item, items));
    }
    return raw;
  };

  const checkParameter = (op: Operation, where: string, name: string, raw: string | undefined): string[] => {
    const decl = op.parameters.find((p) => p.in === where && p.name === name);
    const label = `${op.method} ${op.template}: ${where} parameter '${name}'`;
    if (decl === undefined) return [`${label} is not declared by the spec`];
    if (raw === undefined) return decl.required === true ? [`${label} is required`] : [];
    return validate(decl.schema ?? {}, 'request', coerce(raw, decl.schema), label);
  };

  const checkRequest = (
    method: string,
    path: string,
    query: Readonly<Record<string, string>>,
    body: unknown,
  ): string[] => {
    const found = find(method, path);
    if (found === undefined) return [`${method} ${path}: no such operation in the spec`];
    const { op, params } = found;
    const violations: string[] = [];
    for (const [name, value] of Object.entries(params))
      violations.push(...checkParameter(op, 'path', name, value));
    for (const [name, value] of Object.entries(query))
      violations.push(...checkParameter(op, 'query', name, value));
    for (const decl of op.parameters) {
      if (
        decl.in === 'query' &&
        decl.required === true &&
        typeof decl.name === 'string' &&
        !(decl.name in query)
      ) {
        violations.push(`${op.method} ${op.template}: query parameter '${decl.name}' is required`);
      }
    }
    if (op.requestSchema === undefined) {
      if (body !== undefined)
        violations.push(`${op.method} ${op.template}: the spec declares no request body, one was sent`);
    } else if (body === undefined) {
      if (op.requestRequired) violations.push(`${op.method} ${op.template}: a request body is required`);
    } else {
      violations.push(
        ...validate(op.requestSchema, 'request', body, `${op.method} ${op.template} request body`),
      );
    }
    return violations;
  };

  const errorResponse = { $ref: '#/components/schemas/ErrorResponse' };

  const checkResponse = (method: string, path: string, status: number, body: unknown): string[] => {
    const found = find(method, path);
    if (found === undefined) return [`${method} ${path}: no such operation in the spec`];
    const { op } = found;
    const label = `${op.method} ${op.template} -> ${status}`;
    const declared = op.responses[String(status)] ?? op.responses.default;
    if (!isSchema(declared)) {
      const allowed =
        (ALWAYS_ALLOWED_UNDECLARED as readonly number[]).includes(status) ||
        (status >= 500 && status <= 599) ||
        (PLATFORM_UNDECLARED_STATUSES[op.operationId] ?? []).includes(status);
      if (!allowed) return [`${label}: status ${status} is not declared for ${op.operationId}`];
      if (body === undefined) return [`${label}: an undeclared error status needs an ErrorResponse body`];
      return validate(errorResponse, 'response', body, `${label} body`);
    }
    const content = isSchema(declared.content) ? declared.content : undefined;
    const json =
      content !== undefined && isSchema(content['application/json'])
        ? content['application/json']
        : undefined;
    if (json?.schema === undefined) {
      if (body === undefined) return [];
      if (status < 400) return [`${label}: the spec declares no response body, one was sent`];
      return validate(errorResponse, 'response', body, `${label} body`);
    }
    if (body === undefined) return [`${label}: a response body is required`];
    return validate(json.schema, 'response', body, `${label} body`);
  };

  return {
    operationId: (method, path) => find(method, path)?.op.operationId,
    checkRequest,
    checkResponse,
    checkExchange: (exchange) => [
      ...checkRequest(exchange.method, exchange.path, exchange.query, exchange.body),
      ...(exchange.status === 0
        ? []
        : checkResponse(exchange.method, exchange.path, exchange.status, exchange.responseBody)),
    ],
    checkSchema: (name, value, mode) => validate({ $ref: `#/components/schemas/${name}` }, mode, value, name),
  };
}

/** A checker for the located spec, or the reason to skip (throws when SEQERA_OPENAPI_SPEC names a missing file). */
export function loadContractChecker():
  { readonly checker: ContractChecker } | { readonly skipReason: string } {
  const location = locateOpenApiSpec();
  if ('skipReason' in location) return { skipReason: location.skipReason };
  return { checker: createContractChecker(location.path) };
}
