/** Credentials and compute environments (REFERENCE §8–9); workspace-scoped by `?workspaceId=`. */
import type { ApiClient } from './api-client.js';
import { contextOf, expectStringId } from './call-helpers.js';
import { segment } from './request-path.js';
import { expectMember, narrow, narrowList } from './response-shape.js';
import { computeEnvEntryShape, computeEnvShape, credentialsShape } from './shapes.js';
import type { Transport } from './transport.js';

export type ComputeOperations = Pick<
  ApiClient,
  | 'listCredentials'
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
      return narrowList(result.body, 'credentials', credentialsShape, contextOf(result));
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
      return narrowList(result.body, 'computeEnvs', computeEnvEntryShape, contextOf(result));
    },
    async describeComputeEnv(workspaceId, computeEnvId) {
      const result = await t.call({
        method: 'GET',
        path: computeEnv(computeEnvId),
        query: { workspaceId, attributes: 'labels' },
      });
      const ctx = contextOf(result);
      return narrow(expectMember(result.body, 'computeEnv', ctx), computeEnvShape, ctx, 'computeEnv');
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
