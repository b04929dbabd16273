/**
 * The seed: an initial platform state for the emulator, as YAML or an object.
 * `parseSeed` checks its shape (every problem reported at once, with its
 * path); `loadSeedIntoStore` (seed-store.ts) checks references and loads
 * it. src/emulator/README.md has an annotated example.
 */
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { SyncError } from '../errors.js';
import { SEED_SCHEMA } from './seed-schema.js';
import type { EmulatorSeed } from './seed-types.js';

export type { EmulatorSeed, OrgSeed, UserSeed, WorkspaceSeed } from './seed-types.js';
export type { ActionSeed } from './routes/actions.js';
export type { ComputeEnvSeed, ComputeEnvSeedStatus } from './routes/compute-envs.js';
export type { CredentialSeed } from './routes/credentials.js';
export type { DataLinkSeed } from './routes/data-links.js';
export type { DatasetSeed, DatasetVersionSeed } from './routes/datasets.js';
export type { LabelSeed } from './routes/labels.js';
export type { LaunchSeed } from './launch.js';
export type { MemberSeed } from './routes/members.js';
export type { ParticipantSeed } from './routes/participants.js';
export type { PipelineSeed, PipelineVersionSeed } from './routes/pipelines.js';
export type { RoleSeed } from './routes/roles.js';
export type { SecretSeed } from './routes/secrets.js';
export type { StudiosSeed } from './routes/studios.js';
export type { TeamSeed } from './routes/teams.js';

/** A seed that cannot be used; the message lists every problem. */
export class SeedError extends SyncError {
  override name = 'SeedError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid emulator seed ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

let compiled: ValidateFunction<EmulatorSeed> | undefined;

/** The seed-shape validator, compiled on first use. */
function shapeValidator(): ValidateFunction<EmulatorSeed> {
  compiled ??= new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  }).compile<EmulatorSeed>(SEED_SCHEMA);
  return compiled;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath.slice(1).replaceAll('/', '.');
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown field '${String(error.params.additionalProperty)}'`;
  }
  if (error.keyword === 'enum') {
    return `${where}: must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}

/** Checks the shape of a parsed seed; throws SeedError listing every problem. */
export function parseSeed(value: unknown, source = '(seed object)'): EmulatorSeed {
  const seed: unknown = value ?? {};
  const validate = shapeValidator();
  if (validate(seed)) return seed;
  throw new SeedError(source, (validate.errors ?? []).map(describeError));
}

/** Reads and checks a YAML (or JSON) seed file. */
export async function loadSeedFile(path: string): Promise<EmulatorSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new SeedError(path, [`cannot read the file: ${reason}`]);
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new SeedError(path, [`not valid YAML: ${reason}`]);
  }
  return parseSeed(parsed, path);
}
