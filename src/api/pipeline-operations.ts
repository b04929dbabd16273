/** Pipelines, their versions and pipeline secrets (`/pipelines`, `/pipeline-secrets`), scoped by `?workspaceId=`. */
import type { ApiClient } from './api-client.js';
import { contextOf, expectNumberId } from './call-helpers.js';
import { decodeLaunch, decodePipeline } from './decoders/pipeline.js';
import { decodePipelineSecret } from './decoders/pipeline-secret.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember } from './response-shape.js';
import type { Transport } from './transport.js';

export type PipelineOperations = Pick<
  ApiClient,
  | 'listPipelines'
  | 'describePipelineLaunch'
  | 'createPipeline'
  | 'updatePipeline'
  | 'listPipelineVersions'
  | 'managePipelineVersion'
  | 'deletePipeline'
  | 'applyPipelineLabels'
  | 'listPipelineSecrets'
  | 'createPipelineSecret'
  | 'updatePipelineSecret'
  | 'deletePipelineSecret'
>;

/** `labels` for the labelIds an update must resend; `computeEnv` for which CE each pipeline launches on. */
export const PIPELINE_LIST_ATTRIBUTES = 'labels,computeEnv';

export function pipelineOperations(t: Transport, pageSize?: number): PipelineOperations {
  const pipeline = (id: number): string => `/pipelines/${segment(id)}`;
  const secret = (id: number): string => `/pipeline-secrets/${segment(id)}`;
  return {
    async listPipelines(workspaceId) {
      const all = await paginate(
        t,
        '/pipelines',
        { workspaceId, attributes: PIPELINE_LIST_ATTRIBUTES },
        'pipelines',
        decodePipeline,
        pageSize,
      );
      // Pipelines shared from other workspaces of the org are listed too: keep the workspace's own.
      return all.filter((p) => typeof p.workspaceId !== 'number' || p.workspaceId === workspaceId);
    },
    async describePipelineLaunch(workspaceId, pipelineId) {
      const result = await t.call({
        method: 'GET',
        path: `${pipeline(pipelineId)}/launch`,
        query: { workspaceId },
      });
      return decodeMember(result.body, 'launch', contextOf(result), decodeLaunch);
    },
    async createPipeline(workspaceId, body) {
      const result = await t.call({ method: 'POST', path: '/pipelines', query: { workspaceId }, body });
      return decodeMember(result.body, 'pipeline', contextOf(result), decodePipeline);
    },
    async updatePipeline(workspaceId, pipelineId, body) {
      const result = await t.call({
        method: 'PUT',
        path: pipeline(pipelineId),
        query: { workspaceId },
        body,
      });
      return decodeMember(result.body, 'pipeline', contextOf(result), decodePipeline);
    },
    listPipelineVersions: (workspaceId, pipelineId) =>
      paginate(t, `${pipeline(pipelineId)}/versions`, { workspaceId }, 'versions', decodePipeline, pageSize),
    async managePipelineVersion(workspaceId, pipelineId, versionId, body) {
      await t.call({
        method: 'PUT',
        path: `${pipeline(pipelineId)}/versions/${segment(versionId)}/manage`,
        query: { workspaceId },
        body,
      });
    },
    async deletePipeline(workspaceId, pipelineId) {
      await t.call({ method: 'DELETE', path: pipeline(pipelineId), query: { workspaceId } });
    },
    async applyPipelineLabels(workspaceId, pipelineIds, labelIds) {
      await t.call({
        method: 'POST',
        path: '/pipelines/labels/apply',
        query: { workspaceId },
        body: { pipelineIds, labelIds },
      });
    },

    async listPipelineSecrets(workspaceId) {
      const result = await t.call({ method: 'GET', path: '/pipeline-secrets', query: { workspaceId } });
      return decodeList(result.body, 'pipelineSecrets', contextOf(result), decodePipelineSecret);
    },
    async createPipelineSecret(workspaceId, name, value) {
      const result = await t.call({
        method: 'POST',
        path: '/pipeline-secrets',
        query: { workspaceId },
        body: { name, value },
      });
      return expectNumberId(result, 'secretId');
    },
    async updatePipelineSecret(workspaceId, secretId, value) {
      await t.call({ method: 'PUT', path: secret(secretId), query: { workspaceId }, body: { value } });
    },
    async deletePipelineSecret(workspaceId, secretId) {
      await t.call({ method: 'DELETE', path: secret(secretId), query: { workspaceId } });
    },
  };
}
