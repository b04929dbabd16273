/**
 * A pipeline version's launch template: the WorkflowLaunchRequest fields the
 * spec defines, type-checked (400 on a wrong type), nulls and unknown fields
 * dropped, `labelIds` ignored (labels belong to the pipeline). Every field is
 * "versionable": changing any of them makes a new draft version.
 */
import { createHash } from 'node:crypto';
import { badRequest } from './http-error.js';
import { canonicalJson, type Json, type JsonObject } from './json.js';
import { seedObj, seedStr } from './kind.js';
import type { ComputeEnvRecord } from './compute-env-lifecycle.js';
import type { WorkspaceRecord } from './store.js';

/** The launch template fields of a version (WorkflowLaunchRequest, known fields only). */
export type LaunchFields = Readonly<Record<string, Json>>;

/** A seeded launch: WorkflowLaunchRequest fields; `computeEnv` names a compute environment of the workspace. */
export type LaunchSeed = Readonly<Record<string, unknown>> & {
  readonly pipeline: string;
  readonly computeEnv?: string;
};

const STRING_FIELDS = [
  'pipeline',
  'revision',
  'commitId',
  'computeEnvId',
  'workDir',
  'configText',
  'paramsText',
  'towerConfig',
  'preRunScript',
  'postRunScript',
  'mainScript',
  'entryName',
  'schemaName',
  'sessionId',
  'runName',
  'launchContainer',
  'optimizationId',
  'optimizationTargets',
  'nextflowVersion',
  'outputDir',
  'syntaxParser',
];
const INTEGER_FIELDS = ['headJobCpus', 'headJobMemoryMb', 'pipelineSchemaId'];
const BOOLEAN_FIELDS = ['pullLatest', 'resume', 'stubRun'];
const STRING_ARRAY_FIELDS = ['configProfiles', 'userSecrets', 'workspaceSecrets'];

/** The launch fields of a request's `launch` object. */
export function parseLaunch(input: Record<string, unknown>, where: string): LaunchFields {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined) continue;
    if (STRING_FIELDS.includes(key)) {
      if (typeof value !== 'string') throw badRequest(`${where}${key} must be a string`);
      out[key] = value;
    } else if (INTEGER_FIELDS.includes(key)) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw badRequest(`${where}${key} must be an integer`);
      out[key] = value;
    } else if (BOOLEAN_FIELDS.includes(key)) {
      if (typeof value !== 'boolean') throw badRequest(`${where}${key} must be a boolean`);
      out[key] = value;
    } else if (STRING_ARRAY_FIELDS.includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw badRequest(`${where}${key} must be an array of strings`);
      }
      out[key] = value.map(String);
    }
  }
  const parser = out.syntaxParser;
  if (parser !== undefined && parser !== 'v1' && parser !== 'v2')
    throw badRequest(`${where}syntaxParser must be v1 or v2`);
  return out;
}

/** The version hash the server reports: a digest of the launch fields. */
export function launchHash(launch: LaunchFields): string {
  return createHash('sha256').update(canonicalJson(launch)).digest('hex').slice(0, 40);
}

/**
 * 400 unless the launch is complete for the workspace: a repository URL,
 * and in a PRIVATE workspace a compute environment of the workspace and a
 * work dir (the server does not copy the CE's work dir).
 */
export function checkLaunch(ws: WorkspaceRecord, launch: LaunchFields): void {
  if (typeof launch.pipeline !== 'string' || launch.pipeline.trim() === '') {
    throw badRequest('launch.pipeline (the repository URL) is required');
  }
  const computeEnvId = launch.computeEnvId;
  if (ws.visibility === 'PRIVATE') {
    if (computeEnvId === undefined)
      throw badRequest('Missing launching environment profile (launch.computeEnvId)');
    if (launch.workDir === undefined || launch.workDir === '') {
      throw badRequest('Missing launching work directory (launch.workDir)');
    }
  }
  if (typeof computeEnvId === 'string') {
    const ce = ws.computeEnvs.get(computeEnvId);
    if (ce === undefined || ce.status === 'DELETING') {
      throw badRequest(`Compute environment '${computeEnvId}' not found in workspace '${ws.name}'`);
    }
  }
}

/** LaunchDbDto of a version: the stored fields, `computeEnv` as the full CE object. */
/** The launch fields the platform always sends, with their value when unset (as recorded). */
const LAUNCH_DEFAULTS: JsonObject = {
  pipeline: null,
  workDir: null,
  revision: null,
  commitId: null,
  configText: null,
  paramsText: null,
  preRunScript: null,
  postRunScript: null,
  mainScript: null,
  entryName: null,
  schemaName: null,
  pipelineSchemaId: null,
  resume: false,
  pullLatest: false,
  stubRun: false,
  sessionId: null,
  configProfiles: null,
};

export function launchDto(
  ws: WorkspaceRecord,
  version: {
    readonly launch: LaunchFields;
    readonly launchId: string;
    readonly dateCreated: string;
    readonly lastUpdated: string;
  },
  computeEnv: (ce: ComputeEnvRecord) => JsonObject,
): JsonObject {
  const { computeEnvId, ...fields } = version.launch;
  const ce = typeof computeEnvId === 'string' ? ws.computeEnvs.get(computeEnvId) : undefined;
  return {
    ...LAUNCH_DEFAULTS,
    ...fields,
    id: version.launchId,
    computeEnv: ce === undefined ? null : computeEnv(ce),
    dateCreated: version.dateCreated,
    lastUpdated: version.lastUpdated,
  };
}

/** The seed schema of a launch (WorkflowLaunchRequest fields; `computeEnv` by name). */
export const SEED_LAUNCH = seedObj(['pipeline'], { pipeline: seedStr, computeEnv: seedStr }, true);

/** A seeded launch's fields (its compute environment by name; problems go to `problems`, under `where`). */
export function seededLaunch(
  ws: WorkspaceRecord,
  l: LaunchSeed,
  where: string,
  problems: string[],
): LaunchFields {
  const { computeEnv, ...rest } = l;
  let computeEnvId: string | undefined;
  if (computeEnv !== undefined) {
    for (const ce of ws.computeEnvs.values()) if (ce.name === computeEnv) computeEnvId = ce.id;
    if (computeEnvId === undefined) {
      problems.push(`${where}.computeEnv: no compute environment named '${computeEnv}' in this workspace`);
    }
  }
  try {
    return parseLaunch({ ...rest, ...(computeEnvId === undefined ? {} : { computeEnvId }) }, `${where}.`);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    return { pipeline: l.pipeline };
  }
}

/** A launch in seed form (its compute environment by name). */
export function launchSeedOf(ws: WorkspaceRecord, launch: LaunchFields): LaunchSeed {
  const { computeEnvId, pipeline, ...rest } = launch;
  const computeEnv = typeof computeEnvId === 'string' ? ws.computeEnvs.get(computeEnvId)?.name : undefined;
  return {
    pipeline: typeof pipeline === 'string' ? pipeline : '',
    ...structuredClone(rest),
    ...(computeEnv === undefined ? {} : { computeEnv }),
  };
}
