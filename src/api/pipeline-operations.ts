/** Pipelines, their versions and pipeline secrets (`/pipelines`, `/pipeline-secrets`), scoped by `?workspaceId=`. */
import { contextOf, expectNumberId, type OperationsContext } from './call-helpers.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember, type Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';
import { decodeLabel, type LabelDbDto } from './label-operations.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** The launch template (WorkflowLaunchRequest); extra fields pass through. */
export type WorkflowLaunchRequest = Record<string, unknown> & {
  pipeline?: string;
  revision?: string | null;
  computeEnvId?: string | null;
  workDir?: string | null;
  configProfiles?: string[] | null;
  paramsText?: string | null;
  labelIds?: number[] | null;
};

/** LaunchDbDto: the launch as described; `computeEnv` is the full CE object. */
export type LaunchDbDto = Record<string, unknown> & {
  id?: string;
  pipeline?: string;
  revision?: string | null;
  computeEnv?: { id?: string; name?: string } | null;
  workDir?: string | null;
  configProfiles?: string[] | null;
  paramsText?: string | null;
};

export interface PipelineVersionFullInfoDto {
  id: string;
  name?: string | null;
  isDefault?: boolean;
  hash?: string | null;
}

export interface PipelineDbDto {
  pipelineId: number;
  name: string;
  description?: string | null;
  repository?: string | null;
  workspaceId?: number | null;
  labels?: LabelDbDto[] | null;
  computeEnv?: { id?: string; name?: string } | null;
  version?: PipelineVersionFullInfoDto | null;
}

export interface CreatePipelineRequest {
  name: string;
  description?: string | null;
  labelIds?: number[];
  launch: WorkflowLaunchRequest;
  version?: { name: string };
}

export interface UpdatePipelineRequest {
  name: string;
  description?: string | null;
  labelIds: number[];
  launch: WorkflowLaunchRequest;
}

export interface PipelineVersionManageRequest {
  name: string;
  isDefault: boolean;
}

export interface PipelineSecret {
  id: number;
  name: string;
  dateCreated?: string;
  lastUpdated?: string;
}

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * Pipelines: list rows (with `attributes=labels,computeEnv`; older platforms
 * send `labels: null` and `computeEnv: null`), versions, and the launch of
 * `GET /pipelines/{id}/launch` (kept whole: it is the WorkflowLaunchRequest
 * template, with `computeEnv` the described CE).
 */
function decodeCeRef(f: Fields): { id?: string; name?: string } {
  return { ...opt('id', f.optString('id')), ...opt('name', f.optString('name')) };
}

function decodeVersion(f: Fields): PipelineVersionFullInfoDto {
  return {
    id: f.string('id'),
    ...opt('name', f.optString('name')),
    ...opt('isDefault', f.optBoolean('isDefault')),
    ...opt('hash', f.optString('hash')),
  };
}

export function decodePipeline(f: Fields): PipelineDbDto {
  const computeEnv = f.optObject('computeEnv');
  const version = f.optObject('version');
  return {
    pipelineId: f.number('pipelineId'),
    name: f.string('name'),
    ...opt('description', f.optString('description')),
    ...opt('repository', f.optString('repository')),
    ...opt('workspaceId', f.optNumber('workspaceId')),
    ...opt('labels', f.optList('labels', decodeLabel)),
    ...opt('computeEnv', computeEnv === undefined ? undefined : decodeCeRef(computeEnv)),
    ...opt('version', version === undefined ? undefined : decodeVersion(version)),
  };
}

/** The launch object, whole; its `computeEnv`, when present, reduced to `{id, name}`. */
export function decodeLaunch(f: Fields): LaunchDbDto {
  const computeEnv = f.optObject('computeEnv');
  const launch: LaunchDbDto = f.copy();
  if (computeEnv !== undefined) launch.computeEnv = decodeCeRef(computeEnv);
  return launch;
}

/** Pipeline secrets (PipelineSecret): names only, values are never returned. */
export function decodePipelineSecret(f: Fields): PipelineSecret {
  return { id: f.number('id'), name: f.string('name') };
}

// ── Client methods ──

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
