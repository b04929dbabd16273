/** Pipelines, their versions and pipeline secrets (`/pipelines`, `/pipeline-secrets`), scoped by `?workspaceId=`. */
import { contextOf, expectNumberId, type OperationsContext } from './call-helpers.js';
import { decodeLaunch, decodePipeline } from './decoders/pipeline.js';
import { decodePipelineSecret } from './decoders/pipeline-secret.js';
import type {
  CreatePipelineRequest,
  LaunchDbDto,
  PipelineDbDto,
  PipelineSecret,
  PipelineVersionManageRequest,
  UpdatePipelineRequest,
} from './dto.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember } from './response-shape.js';

/** The client's pipeline, pipeline-version and pipeline-secret methods (part of `ApiClient`). */
export interface PipelineOperations {
  /**
   * Paged; with `attributes=labels,computeEnv` (labels to resend on update, the
   * default launch's CE as `computeEnv {id, name}`). Only the workspace's own
   * pipelines (shared ones from other workspaces are filtered out).
   */
  listPipelines(workspaceId: number): Promise<PipelineDbDto[]>;
  /** GET /pipelines/{id}/launch: the default version's launch. */
  describePipelineLaunch(workspaceId: number, pipelineId: number): Promise<LaunchDbDto>;
  createPipeline(workspaceId: number, body: CreatePipelineRequest): Promise<PipelineDbDto>;
  updatePipeline(
    workspaceId: number,
    pipelineId: number,
    body: UpdatePipelineRequest,
  ): Promise<PipelineDbDto>;
  listPipelineVersions(workspaceId: number, pipelineId: number): Promise<PipelineDbDto[]>;
  managePipelineVersion(
    workspaceId: number,
    pipelineId: number,
    versionId: string,
    body: PipelineVersionManageRequest,
  ): Promise<void>;
  deletePipeline(workspaceId: number, pipelineId: number): Promise<void>;
  /** POST /pipelines/labels/apply: the pipelines' labels become exactly `labelIds` (the whole set is replaced). */
  applyPipelineLabels(workspaceId: number, pipelineIds: number[], labelIds: number[]): Promise<void>;

  /** Not paged by the API. */
  listPipelineSecrets(workspaceId: number): Promise<PipelineSecret[]>;
  /** Returns the new secret id. */
  createPipelineSecret(workspaceId: number, name: string, value: string): Promise<number>;
  updatePipelineSecret(workspaceId: number, secretId: number, value: string): Promise<void>;
  deletePipelineSecret(workspaceId: number, secretId: number): Promise<void>;
}

/** `labels` for the labelIds an update must resend; `computeEnv` for which CE each pipeline launches on. */
export const PIPELINE_LIST_ATTRIBUTES = 'labels,computeEnv';

export function pipelineOperations({ transport: t, pageSize }: OperationsContext): PipelineOperations {
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
