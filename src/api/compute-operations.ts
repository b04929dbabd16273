/** Credentials and compute environments (`/credentials`, `/compute-envs`), scoped by `?workspaceId=`. */
import { contextOf, expectStringId, type OperationsContext } from './call-helpers.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember, type Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';
import { decodeLabel, type LabelDbDto } from './label-operations.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** `keys` is a SecurityKeys variant: `discriminator` equals the provider. */
export interface Credentials {
  id?: string;
  name: string;
  provider: string;
  description?: string | null;
  baseUrl?: string | null;
  category?: string | null;
  keys?: Record<string, unknown> & { discriminator?: string };
  status?: string;
}

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

export interface UpdateComputeEnvRequest {
  name?: string;
  description?: string | null;
  credentialsId?: string;
}

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * Credentials (list rows and `GET /credentials/{id}`). The provider is
 * `provider`; rows in the 2021 shape name it `discriminator` instead (and
 * `keys.discriminator` always repeats it): the first one present is the
 * provider, mapped here once. A row may carry no `keys` at all (the list
 * leaves them out for some providers): `keys` is then undefined, not `{}`, so
 * a reader can tell "no key fields returned" from "no key fields".
 */
export function decodeCredentials(f: Fields): Credentials & { id: string } {
  const keys = f.optObject('keys');
  const provider =
    f.optString('provider') ?? f.optString('discriminator') ?? keys?.optString('discriminator');
  return {
    id: f.string('id'),
    name: f.string('name'),
    provider: provider ?? f.fail('provider', "a string (nor is 'discriminator')"),
    ...opt('description', f.optString('description')),
    ...opt('baseUrl', f.optString('baseUrl')),
    ...opt('category', f.optString('category')),
    ...opt('keys', keys?.copy()),
  };
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

// ── Client methods ──

/** The client's credentials and compute-environment methods (part of `ApiClient`). */
export interface ComputeOperations {
  /** Not paged by the API; includes non-secret key fields. */
  listCredentials(workspaceId: number): Promise<Credentials[]>;
  /** GET /credentials/{id}: the one credential, with the non-secret `keys` a list row may leave out. */
  describeCredentials(workspaceId: number, credentialsId: string): Promise<Credentials>;
  /** Returns the new credentials id. */
  createCredentials(workspaceId: number, credentials: Credentials): Promise<string>;
  updateCredentials(workspaceId: number, credentialsId: string, credentials: Credentials): Promise<void>;
  deleteCredentials(workspaceId: number, credentialsId: string): Promise<void>;

  /** Not paged by the API; no `config` (describe for that). */
  listComputeEnvs(workspaceId: number): Promise<ListComputeEnvsEntry[]>;
  /** With `attributes=labels`. */
  describeComputeEnv(workspaceId: number, computeEnvId: string): Promise<ComputeEnvResponseDto>;
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

export function computeOperations({ transport: t }: OperationsContext): ComputeOperations {
  const credentials = (id: string): string => `/credentials/${segment(id)}`;
  const computeEnv = (id: string): string => `/compute-envs/${segment(id)}`;
  return {
    async listCredentials(workspaceId) {
      const result = await t.call({ method: 'GET', path: '/credentials', query: { workspaceId } });
      return decodeList(result.body, 'credentials', contextOf(result), decodeCredentials);
    },
    async describeCredentials(workspaceId, credentialsId) {
      const result = await t.call({
        method: 'GET',
        path: credentials(credentialsId),
        query: { workspaceId },
      });
      return decodeMember(result.body, 'credentials', contextOf(result), decodeCredentials);
    },
    async createCredentials(workspaceId, body) {
      const result = await t.call({
        method: 'POST',
        path: '/credentials',
        query: { workspaceId },
        body: { credentials: body },
      });
      return expectStringId(result, 'credentialsId');
    },
    async updateCredentials(workspaceId, credentialsId, body) {
      await t.call({
        method: 'PUT',
        path: credentials(credentialsId),
        query: { workspaceId },
        body: { credentials: body },
      });
    },
    async deleteCredentials(workspaceId, credentialsId) {
      await t.call({ method: 'DELETE', path: credentials(credentialsId), query: { workspaceId } });
    },

    async listComputeEnvs(workspaceId) {
      const result = await t.call({ method: 'GET', path: '/compute-envs', query: { workspaceId } });
      return decodeList(result.body, 'computeEnvs', contextOf(result), decodeComputeEnvEntry);
    },
    async describeComputeEnv(workspaceId, computeEnvId) {
      const result = await t.call({
        method: 'GET',
        path: computeEnv(computeEnvId),
        query: { workspaceId, attributes: 'labels' },
      });
      return decodeMember(result.body, 'computeEnv', contextOf(result), decodeComputeEnv);
    },
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
      await t.call({ method: 'PUT', path: computeEnv(computeEnvId), query: { workspaceId }, body });
    },
    async deleteComputeEnv(workspaceId, computeEnvId) {
      await t.call({ method: 'DELETE', path: computeEnv(computeEnvId), query: { workspaceId } });
    },
    async makePrimaryComputeEnv(workspaceId, computeEnvId) {
      await t.call({
        method: 'POST',
        path: `${computeEnv(computeEnvId)}/primary`,
        query: { workspaceId },
        body: {},
        // Sets a flag: replaying it cannot create anything, unlike other POSTs.
        replaySafe: true,
      });
    },
  };
}
