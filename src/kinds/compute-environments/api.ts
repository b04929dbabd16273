/**
 * Compute environments on the platform (`/compute-envs?workspaceId=`): the
 * wire types and decoders, the list (no config), one described (with its
 * labels), the writes (create, update, delete, make primary), and a listed or
 * described CE → the live one.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { expectStringId, type OperationsContext } from '../../api/call-helpers.js';
import { contextOf } from '../../api/call-helpers.js';
import { segment } from '../../api/request-path.js';
import { decodeList, decodeMember, type Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import { decodeLabel, type LabelDbDto } from '../../api/decoders/label.js';
import { operations } from '../../api/operations.js';
import { text } from '../kit/live-text.js';
import type { ActualComputeEnv } from './model.js';

/** `config` is a ComputeConfig variant: `discriminator` equals the platform. */
export interface ComputeEnvComputeConfig {
  name: string;
  platform: string;
  config: Record<string, unknown> & { discriminator?: string };
  credentialsId?: string | null;
  description?: string | null;
}

export interface ListComputeEnvsEntry {
  id: string;
  name: string;
  platform: string;
  status: string;
  primary?: boolean | null;
  credentialsId?: string | null;
  description?: string | null;
  workDir?: string | null;
  region?: string | null;
  message?: string | null;
}

export interface ComputeEnvResponseDto {
  id: string;
  name: string;
  platform: string;
  status: string;
  primary?: boolean | null;
  credentialsId?: string | null;
  description?: string | null;
  message?: string | null;
  config: Record<string, unknown> & { discriminator?: string };
  labels?: LabelDbDto[] | null;
}

/**
 * Compute environments: list rows (no config) and the describe response.
 * `primary` is null on described CEs and may be null in a list (read as
 * "not primary"); a list may mark several CEs primary, which is kept as sent
 * (the reader decides). The platform is `platform`, else the config's
 * `discriminator`.
 */
export function decodeComputeEnvEntry(f: Fields): ListComputeEnvsEntry {
  return {
    id: f.string('id'),
    name: f.string('name'),
    platform: f.string('platform'),
    status: f.string('status'),
    ...opt('primary', f.optBoolean('primary')),
    ...opt('credentialsId', f.optString('credentialsId')),
    ...opt('description', f.optString('description')),
    ...opt('message', f.optString('message')),
  };
}

export function decodeComputeEnv(f: Fields): ComputeEnvResponseDto {
  const config = f.object('config');
  return {
    id: f.string('id'),
    name: f.string('name'),
    platform: f.optString('platform') ?? config.optString('discriminator') ?? f.string('platform'),
    status: f.string('status'),
    ...opt('primary', f.optBoolean('primary')),
    ...opt('credentialsId', f.optString('credentialsId')),
    ...opt('description', f.optString('description')),
    ...opt('message', f.optString('message')),
    config: config.copy(),
    ...opt('labels', f.optList('labels', decodeLabel)),
  };
}

export interface ComputeEnvReads {
  /** Not paged by the API; no `config` (describe for that). */
  listComputeEnvs(workspaceId: number): Promise<ListComputeEnvsEntry[]>;
  /** With `attributes=labels`. */
  describeComputeEnv(workspaceId: number, computeEnvId: string): Promise<ComputeEnvResponseDto>;
}

const computeEnvPath = (id: string): string => `/compute-envs/${segment(id)}`;

/** The compute environments kind's own read endpoints. */
export const computeEnvReads = operations(
  'compute environments (reads)',
  ({ transport: t }: OperationsContext): ComputeEnvReads => {
    return {
      async listComputeEnvs(workspaceId) {
        const result = await t.call({ method: 'GET', path: '/compute-envs', query: { workspaceId } });
        return decodeList(result.body, 'computeEnvs', contextOf(result), decodeComputeEnvEntry);
      },
      async describeComputeEnv(workspaceId, computeEnvId) {
        const result = await t.call({
          method: 'GET',
          path: computeEnvPath(computeEnvId),
          query: { workspaceId, attributes: 'labels' },
        });
        return decodeMember(result.body, 'computeEnv', contextOf(result), decodeComputeEnv);
      },
    };
  },
);

export interface UpdateComputeEnvRequest {
  name?: string;
  description?: string | null;
  credentialsId?: string;
}

export interface ComputeEnvWrites {
  /** Returns the new compute env id (status starts CREATING). */
  createComputeEnv(
    workspaceId: number,
    computeEnv: ComputeEnvComputeConfig,
    labelIds?: number[],
  ): Promise<string>;
  updateComputeEnv(workspaceId: number, computeEnvId: string, body: UpdateComputeEnvRequest): Promise<void>;
  deleteComputeEnv(workspaceId: number, computeEnvId: string): Promise<void>;
  makePrimaryComputeEnv(workspaceId: number, computeEnvId: string): Promise<void>;
}

/** The compute environments kind's own write endpoints. */
export const computeEnvWrites = operations(
  'compute environments (writes)',
  ({ transport: t }: OperationsContext): ComputeEnvWrites => {
    return {
      async createComputeEnv(workspaceId, body, labelIds) {
        const result = await t.call({
          method: 'POST',
          path: '/compute-envs',
          query: { workspaceId },
          body: labelIds === undefined ? { computeEnv: body } : { computeEnv: body, labelIds },
        });
        return expectStringId(result, 'computeEnvId');
      },
      async updateComputeEnv(workspaceId, computeEnvId, body) {
        await t.call({ method: 'PUT', path: computeEnvPath(computeEnvId), query: { workspaceId }, body });
      },
      async deleteComputeEnv(workspaceId, computeEnvId) {
        await t.call({ method: 'DELETE', path: computeEnvPath(computeEnvId), query: { workspaceId } });
      },
      async makePrimaryComputeEnv(workspaceId, computeEnvId) {
        await t.call({
          method: 'POST',
          path: `${computeEnvPath(computeEnvId)}/primary`,
          query: { workspaceId },
          body: {},
          // Sets a flag: replaying it cannot create anything, unlike other POSTs.
          replaySafe: true,
        });
      },
    };
  },
);

/**
 * DTO → actual compute environment: from the describe response (config
 * without `discriminator`, label ids) when CEs are managed, or from the list
 * entry alone (`listedOnly`) when they were read only to resolve names.
 * `credentialsName` is filled when the workspace's credentials were read.
 */
/** Credential names by id, when the credentials were read. */
export type CredentialNames = ReadonlyMap<string, string> | undefined;

/** Ids of the labels a response carried (`attributes=labels`); anything malformed is skipped. */
export function labelIdsOf(labels: readonly LabelDbDto[] | null | undefined): number[] {
  const list: readonly unknown[] = Array.isArray(labels) ? labels : [];
  return list
    .map((label) =>
      typeof label === 'object' && label !== null ? (label as { id?: unknown }).id : undefined,
    )
    .filter((id): id is number => typeof id === 'number');
}

function common(
  dto: ListComputeEnvsEntry | ComputeEnvResponseDto,
  primary: boolean,
  names: CredentialNames,
): Omit<ActualComputeEnv, 'config' | 'labelIds'> {
  const credentialsId = text(dto.credentialsId);
  const credentialsName = credentialsId === undefined ? undefined : names?.get(credentialsId);
  const description = text(dto.description);
  const message = text(dto.message);
  return {
    id: dto.id,
    name: dto.name,
    platform: dto.platform,
    status: dto.status,
    primary,
    ...(credentialsId === undefined || credentialsId === '' ? {} : { credentialsId }),
    ...(credentialsName === undefined ? {} : { credentialsName }),
    ...(description === undefined ? {} : { description }),
    ...(message === undefined ? {} : { message }),
  };
}

/** A described CE; `entry` is its list entry (the list is authoritative for `primary` when describe omits it). */
export function mapComputeEnv(
  dto: ComputeEnvResponseDto,
  entry: ListComputeEnvsEntry | undefined,
  names: CredentialNames,
): ActualComputeEnv {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto.config)) {
    if (key !== 'discriminator') config[key] = value;
  }
  const primary = typeof dto.primary === 'boolean' ? dto.primary : entry?.primary === true;
  return { ...common(dto, primary, names), config, labelIds: labelIdsOf(dto.labels) };
}

/** A CE known only from the list (CEs unmanaged): no config, no labels. */
export function mapListedComputeEnv(entry: ListComputeEnvsEntry, names: CredentialNames): ActualComputeEnv {
  return { ...common(entry, entry.primary === true, names), config: {}, labelIds: [], listedOnly: true };
}
