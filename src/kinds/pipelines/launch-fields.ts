/**
 * The launch fields of a declared pipeline, shared by the planner (to compare
 * with the live default version) and the applier (to build the
 * `WorkflowLaunchRequest` and to name the draft version it promotes). Pure:
 * the same declaration always gives the same fields and the same digest, so a
 * rerun names the same version and is idempotent.
 */
import type { LaunchDeclaration } from './model.js';
import { stableStringify } from '../kit/stable-json.js';

/** Launch fields the planner sets from dedicated YAML keys; `launch` passthrough may not override them. */
const OWNED_FIELDS = new Set([
  'pipeline',
  'revision',
  'workDir',
  'configProfiles',
  'paramsText',
  'computeEnvId',
]);

/**
 * `WorkflowLaunchRequest` fields of a declared pipeline (or pipeline action), WITHOUT `computeEnvId`
 * (the applier resolves the CE's id from the plan's `liveIds` or what it just
 * created): `pipeline`, `revision`, `workDir`, `configProfiles`, `paramsText`
 * (canonical JSON of `params`, keys sorted) and every `launch` passthrough key.
 * Keys are sorted; undeclared fields are absent (never `undefined`).
 */
export function launchFieldsOf(desired: LaunchDeclaration): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired.launch ?? {})) {
    if (!OWNED_FIELDS.has(key) && value !== undefined) fields[key] = value;
  }
  fields['pipeline'] = desired.url;
  if (desired.revision !== undefined) fields['revision'] = desired.revision;
  if (desired.workDir !== undefined) fields['workDir'] = desired.workDir;
  if (desired.profiles !== undefined) fields['configProfiles'] = [...desired.profiles];
  if (desired.params !== undefined) fields['paramsText'] = paramsTextOf(desired.params);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(fields).sort()) sorted[key] = fields[key];
  return sorted;
}

/** The `paramsText` sent for declared params: canonical JSON (keys sorted at every depth). */
export function paramsTextOf(params: Readonly<Record<string, unknown>>): string {
  return stableStringify(params);
}

/**
 * A short deterministic digest (16 hex chars, FNV-1a 64-bit over the canonical
 * JSON) of launch fields, used to name draft versions so reruns are
 * idempotent. Not a security hash: never feed it secret values.
 */
export function launchDigest(fields: Readonly<Record<string, unknown>>): string {
  return fnv1a64(stableStringify(fields));
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
