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

export interface UserSeed {
  readonly userName: string;
  readonly email: string;
  /** A personal access token; the first user with one is the token user. */
  readonly token?: string;
  readonly firstName?: string;
  readonly lastName?: string;
}

export interface MemberSeed {
  readonly email: string;
  /** Default `member`. */
  readonly role?: 'owner' | 'member' | 'collaborator';
}

export interface TeamSeed {
  readonly name: string;
  readonly description?: string;
  /** Emails of org members (or collaborators). */
  readonly members?: readonly string[];
  /** The identity provider group the members come from (an IdP-delegated team). */
  readonly idpGroupId?: number;
}

/** Exactly one of `email` (a registered user; a non-member becomes a collaborator) or `team`. */
export interface ParticipantSeed {
  readonly email?: string;
  readonly team?: string;
  /** Default: the emulator's `defaultAddRole`. */
  readonly role?: string;
}

export interface LabelSeed {
  readonly name: string;
  readonly value?: string;
  readonly resource?: boolean;
  readonly isDefault?: boolean;
}

export interface CredentialSeed {
  readonly name: string;
  readonly provider: string;
  readonly description?: string;
  readonly baseUrl?: string;
  readonly category?: string;
  /** Every key, secret ones included (stored, never returned by the API). `discriminator` is added. */
  readonly keys?: Readonly<Record<string, string | number | boolean>>;
}

export type ComputeEnvSeedStatus = 'CREATING' | 'AVAILABLE' | 'DISABLED' | 'DELETING' | 'ERRORED' | 'INVALID';

export interface ComputeEnvSeed {
  readonly name: string;
  readonly platform: string;
  /** Name of credentials of the same workspace. */
  readonly credentials?: string;
  readonly primary?: boolean;
  readonly description?: string;
  /** The platform's config object (`discriminator` and server-filled fields are added). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Default AVAILABLE. A seeded status never changes by itself (a CREATING one stays CREATING). */
  readonly status?: ComputeEnvSeedStatus;
  readonly message?: string;
  /** Names of labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
}

/** WorkflowLaunchRequest fields; `computeEnv` names a compute environment of the workspace. */
export type LaunchSeed = Readonly<Record<string, unknown>> & {
  readonly pipeline: string;
  readonly computeEnv?: string;
};

export interface PipelineVersionSeed {
  readonly name?: string;
  readonly launch: LaunchSeed;
}

export interface PipelineSeed {
  readonly name: string;
  readonly description?: string;
  readonly icon?: string;
  /** Names of labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
  /** The default version's launch. */
  readonly launch: LaunchSeed;
  /** The default version's name (unnamed when absent). */
  readonly versionName?: string;
  /** Further, non-default versions (drafts when unnamed). */
  readonly versions?: readonly PipelineVersionSeed[];
}

/** A pipeline action (its launch like a pipeline version's). */
export interface ActionSeed {
  readonly name: string;
  readonly source: 'github' | 'tower' | 'cron';
  readonly launch: LaunchSeed;
  /** `cron` actions only; the time zone defaults to UTC. */
  readonly cron?: { readonly expression: string; readonly timezone?: string };
  /** Names of labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
}

export interface SecretSeed {
  readonly name: string;
  readonly value: string;
}

/** A data link: custom unless `discovered` (found by the platform with the named credentials). */
export interface DataLinkSeed {
  readonly name: string;
  readonly provider: string;
  readonly resourceRef: string;
  /** Name of credentials of the same workspace. */
  readonly credentials?: string;
  readonly description?: string;
  readonly publicAccessible?: boolean;
  readonly region?: string;
  readonly discovered?: boolean;
}

/** A workspace's Studios settings (default: the emulator's, see settings.ts). */
export interface StudiosSeed {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
  readonly nameStrategy?: 'none' | 'tagPrefix' | 'imageSuffix';
}

export interface DatasetVersionSeed {
  readonly fileName: string;
  /** The file's text. */
  readonly content: string;
  readonly header?: boolean;
}

export interface DatasetSeed {
  readonly name: string;
  readonly description?: string;
  /** Names of simple labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
  /** Oldest first. */
  readonly versions?: readonly DatasetVersionSeed[];
}

export interface WorkspaceSeed {
  readonly name: string;
  /** Default: the name. */
  readonly fullName?: string;
  readonly description?: string;
  /** Default private. */
  readonly visibility?: 'private' | 'shared' | 'PRIVATE' | 'SHARED';
  readonly participants?: readonly ParticipantSeed[];
  readonly labels?: readonly LabelSeed[];
  readonly credentials?: readonly CredentialSeed[];
  readonly computeEnvironments?: readonly ComputeEnvSeed[];
  readonly pipelines?: readonly PipelineSeed[];
  readonly secrets?: readonly SecretSeed[];
  readonly dataLinks?: readonly DataLinkSeed[];
  /** List requests of the data links that answer 202 (still discovering buckets) before the list is complete. */
  readonly dataLinksFetching?: number;
  readonly studios?: StudiosSeed;
  readonly datasets?: readonly DatasetSeed[];
  readonly actions?: readonly ActionSeed[];
}

export interface RoleSeed {
  readonly name: string;
  /** Default: the name. */
  readonly description?: string;
  readonly permissions?: readonly string[];
}

export interface OrgSeed {
  readonly name: string;
  /** Default: the name. */
  readonly fullName?: string;
  readonly description?: string;
  readonly location?: string;
  readonly website?: string;
  /** Active single sign-on: adding a collaborator is refused with 409. */
  readonly sso?: boolean;
  /** Custom workspace roles: a name (no permissions), or the whole role. */
  readonly customRoles?: readonly (string | RoleSeed)[];
  /** False: a platform tier without custom roles (the role endpoints answer 403). Default true. */
  readonly customRolesEnabled?: boolean;
  /** An org with no owner here gets the token user as its owner. */
  readonly members?: readonly MemberSeed[];
  readonly teams?: readonly TeamSeed[];
  readonly workspaces?: readonly WorkspaceSeed[];
  /**
   * The organisation's quotas by the API's names (`maxWorkspaces`,
   * `maxParticipantsPerWorkspace`...; a name left out has no limit), or
   * `forbidden` / `absent` for a platform whose quota endpoint answers 403 /
   * 404. Default: no limits.
   */
  readonly quotas?: Readonly<Record<string, number>> | 'forbidden' | 'absent';
}

/** A whole platform state. */
export interface EmulatorSeed {
  /** Registered users (have signed in). Without any, one token user is created. */
  readonly users?: readonly UserSeed[];
  readonly orgs?: readonly OrgSeed[];
}

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
