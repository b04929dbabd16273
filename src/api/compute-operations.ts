/** Credentials and compute environments (`/credentials`, `/compute-envs`), scoped by `?workspaceId=`. */
import type { ApiClient } from './api-client.js';
import { contextOf, expectStringId } from './call-helpers.js';
import { segment } from './request-path.js';
import { decodeComputeEnv, decodeComputeEnvEntry } from './decoders/compute-env.js';
import { decodeCredentials } from './decoders/credentials.js';
import { decodeList, decodeMember } from './response-shape.js';
import type { Transport } from './transport.js';

export type ComputeOperations = Pick<
  ApiClient,
  | 'listCredentials'
  | 'describeCredentials'
  | 'createCredentials'
  | 'updateCredentials'
  | 'deleteCredentials'
  | 'listComputeEnvs'
  | 'describeComputeEnv'
  | 'createComputeEnv'
  | 'updateComputeEnv'
  | 'deleteComputeEnv'
  | 'makePrimaryComputeEnv'
>;

export function computeOperations(t: Transport): ComputeOperations {
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
