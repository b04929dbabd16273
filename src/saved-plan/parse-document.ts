/**
 * Reads a saved plan (`apply FILE`): JSON → checked against
 * `schemas/plan.schema.json` → `SavedPlan`. Every problem is a `FileError`
 * whose message names the file and says what is wrong (bad JSON, another
 * format version, a schema violation with its JSON pointer, an action without
 * a precondition) — never a stack trace. The validator is compiled on first
 * use and kept for the process.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { FileError } from '../errors.js';
import { packageFileUrl } from '../package-files.js';
import type { PlanDocument, SavedPlan } from '../model/plan-document.js';
import { PLAN_FORMAT_VERSION } from '../model/plan-document.js';
import { planDocumentDigest } from './digest.js';
import type { PlanAction } from '../model/plan.js';

/** The package's `schemas/plan.schema.json`. */
export function planSchemaUrl(): URL {
  return packageFileUrl('schemas/plan.schema.json');
}

const MAX_REPORTED_ERRORS = 5;

let compiled: ValidateFunction<PlanDocument> | undefined;

function planValidator(): ValidateFunction<PlanDocument> {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(planSchemaUrl(), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true });
    compiled = ajv.compile<PlanDocument>(schema);
  }
  return compiled;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as Readonly<Record<string, unknown>>;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property ${JSON.stringify(params['additionalProperty'])}`;
  }
  if (error.keyword === 'enum' || error.keyword === 'const') {
    const allowed = params['allowedValues'] ?? params['allowedValue'];
    return `${where}: must be ${error.keyword === 'enum' ? 'one of ' : ''}${JSON.stringify(allowed)}`;
  }
  return `${where}: ${error.message ?? error.keyword}`;
}

/** Schema violations of `value` as `pointer: problem` lines (empty when it is a valid plan document). */
export function planDocumentErrors(value: unknown): readonly string[] {
  const validate = planValidator();
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

function checkFormatVersion(value: unknown, source: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FileError(source, `${source}: not a seqera-sync plan (expected a JSON object)`);
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (version === undefined) {
    throw new FileError(source, `${source}: not a seqera-sync plan (no formatVersion)`);
  }
  if (version !== PLAN_FORMAT_VERSION) {
    throw new FileError(
      source,
      `${source}: plan formatVersion ${JSON.stringify(version)} is not supported (this seqera-sync reads "${PLAN_FORMAT_VERSION}"); re-run plan with the version that applies it`,
    );
  }
}

function checkPreconditionsPresent(document: PlanDocument, source: string): void {
  const seen = new Set<string>();
  for (const action of document.actions) {
    if (seen.has(action.address)) {
      throw new FileError(
        source,
        `${source}: not a valid seqera-sync plan: two actions for ${action.address}`,
      );
    }
    seen.add(action.address);
    if (document.preconditions[action.address] === undefined) {
      throw new FileError(
        source,
        `${source}: not a valid seqera-sync plan: no precondition recorded for ${action.address}`,
      );
    }
  }
}

/** `paths` of a field change is derived from its values for readers of the document; the plan does not carry it. */
function withoutDerivedPaths<A extends PlanAction>(action: A): A {
  if (!action.changes.some((change) => change.paths !== undefined)) return action;
  return { ...action, changes: action.changes.map(({ paths: _paths, ...change }) => change) };
}

/**
 * The file must carry the digest it was written with, and its content must
 * still give it: an edited plan is refused before anything else is read from it.
 */
function checkOwnDigest(
  value: Readonly<Record<string, unknown>>,
  source: string,
  key: string | typeof WITHOUT_KEY | undefined,
): void {
  const recorded = value['planDigest'];
  if (typeof recorded !== 'string') {
    throw new FileError(
      source,
      `${source}: the plan carries no planDigest (written by an older seqera-sync?); re-run plan`,
    );
  }
  // A keyed digest can only be checked by whoever holds the key; a reader
  // without it (one that only shows the plan) checks an unkeyed digest only.
  if (key === WITHOUT_KEY && recorded.startsWith(KEYED_DIGEST_PREFIX)) return;
  const checkKey = key === WITHOUT_KEY ? undefined : key;
  if (recorded !== planDocumentDigest(value, checkKey)) {
    const token = checkKey === undefined ? '' : ', or it was made with another token';
    throw new FileError(
      source,
      `${source}: plan file was modified after it was written (its content no longer matches its planDigest${token}); nothing was applied. Re-run plan`,
    );
  }
}

const KEYED_DIGEST_PREFIX = 'hmac-sha256:';

/**
 * Passed as the key by readers that hold no API token and only show a plan or
 * digest its actions (the GitHub helper). The plan is still parsed and
 * checked in full, but a digest keyed with the token cannot be verified
 * there: `apply` verifies it, with the token, before it changes anything.
 */
export const WITHOUT_KEY: unique symbol = Symbol('plan read without the key it was sealed with');

/**
 * Parses and checks a saved plan; `source` (the file name) is named in every
 * error. `key` is the one the document was built with (the CLI's API token),
 * or `WITHOUT_KEY` for a reader that only shows the plan.
 */
export function parsePlanDocument(
  text: string,
  source: string,
  key?: string | typeof WITHOUT_KEY,
): SavedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw new FileError(source, `${source}: not a seqera-sync plan: invalid JSON (${detail})`);
  }
  checkFormatVersion(value, source);
  checkOwnDigest(value as Readonly<Record<string, unknown>>, source, key);
  const validate = planValidator();
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map(describeError);
    const more =
      errors.length > MAX_REPORTED_ERRORS ? `; and ${errors.length - MAX_REPORTED_ERRORS} more` : '';
    throw new FileError(
      source,
      `${source}: not a valid seqera-sync plan: ${errors.slice(0, MAX_REPORTED_ERRORS).join('; ')}${more}`,
    );
  }
  checkPreconditionsPresent(value, source);
  return {
    actions: value.actions.map(withoutDerivedPaths),
    unmanaged: value.unmanaged,
    notes: value.notes,
    ...(value.warnings === undefined ? {} : { warnings: value.warnings }),
    blocked: value.blocked,
    options: value.options,
    liveIds: value.liveIds,
    scope: value.scope,
    ...(value.changeScope === undefined ? {} : { changeScope: value.changeScope }),
    ...(value.target === undefined ? {} : { target: value.target }),
    endpoint: value.endpoint,
    desiredDigest: value.desiredDigest,
    toolVersion: value.tool.version,
    preconditions: value.preconditions,
    variables: value.variables,
  };
}
