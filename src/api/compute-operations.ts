/** Credentials and compute environments (`/credentials`, `/compute-envs`), scoped by `?workspaceId=`. */
import { contextOf, expectStringId, type OperationsContext } from './call-helpers.js';
import { segment } from './request-path.js';
import { decodeComputeEnv, decodeComputeEnvEntry } from './decoders/compute-env.js';
import { decodeCredentials } from './decoders/credentials.js';
import type {
  ComputeEnvComputeConfig,
  ComputeEnvResponseDto,
  Credentials,
  ListComputeEnvsEntry,
  UpdateComputeEnvRequest,
} from './dto.js';
import { decodeList, decodeMember } from './response-shape.js';

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
