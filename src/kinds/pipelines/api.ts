/**
 * Pipelines on the platform (`/pipelines?workspaceId=`): the wire types and
 * decoders (the launch kept whole), the list (only the workspace's own
 * pipelines), a pipeline's launch, its versions, the writes and the labels of
 * a pipeline (`/pipelines/labels/apply`); a pipeline → the live one. Pipeline
 * actions use the launch's types and decoder.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf } from '../../api/call-helpers.js';
import { paginate } from '../../api/paginate.js';
import { segment } from '../../api/request-path.js';
import { decodeMember, type Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import { decodeLabel, type LabelDbDto } from '../../api/decoders/label.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';
import { labelIdsOf } from '../compute-environments/api.js';
import { text } from '../kit/live-text.js';
import type { ActualPipeline } from './model.js';

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

export interface PipelineReads {
  /**
   * Paged; with `attributes=labels,computeEnv` (labels to resend on update, the
   * default launch's CE as `computeEnv {id, name}`). Only the workspace's own
   * pipelines (shared ones from other workspaces are filtered out).
   */
  listPipelines(workspaceId: number): Promise<PipelineDbDto[]>;
  /** GET /pipelines/{id}/launch: the default version's launch. */
  describePipelineLaunch(workspaceId: number, pipelineId: number): Promise<LaunchDbDto>;
  listPipelineVersions(workspaceId: number, pipelineId: number): Promise<PipelineDbDto[]>;
}

/** `labels` for the labelIds an update must resend; `computeEnv` for which CE each pipeline launches on. */
export const PIPELINE_LIST_ATTRIBUTES = 'labels,computeEnv';

const pipelinePath = (id: number): string => `/pipelines/${segment(id)}`;

/** The pipelines kind's own read endpoints. */
export const pipelineReads = operations(
  'pipelines (reads)',
  ({ transport: t, pageSize }: OperationsContext): PipelineReads => {
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
          path: `${pipelinePath(pipelineId)}/launch`,
          query: { workspaceId },
        });
        return decodeMember(result.body, 'launch', contextOf(result), decodeLaunch);
      },
      listPipelineVersions: (workspaceId, pipelineId) =>
        paginate(
          t,
          `${pipelinePath(pipelineId)}/versions`,
          { workspaceId },
          'versions',
          decodePipeline,
          pageSize,
        ),
    };
  },
);

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

export interface PipelineWrites {
  createPipeline(workspaceId: number, body: CreatePipelineRequest): Promise<PipelineDbDto>;
  updatePipeline(
    workspaceId: number,
    pipelineId: number,
    body: UpdatePipelineRequest,
  ): Promise<PipelineDbDto>;
  managePipelineVersion(
    workspaceId: number,
    pipelineId: number,
    versionId: string,
    body: PipelineVersionManageRequest,
  ): Promise<void>;
  deletePipeline(workspaceId: number, pipelineId: number): Promise<void>;
  /** POST /pipelines/labels/apply: the pipelines' labels become exactly `labelIds` (the whole set is replaced). */
  applyPipelineLabels(workspaceId: number, pipelineIds: number[], labelIds: number[]): Promise<void>;
}

/** The pipelines kind's own write endpoints. */
export const pipelineWrites = operations(
  'pipelines (writes)',
  ({ transport: t }: OperationsContext): PipelineWrites => {
    return {
      async createPipeline(workspaceId, body) {
        const result = await t.call({ method: 'POST', path: '/pipelines', query: { workspaceId }, body });
        return decodeMember(result.body, 'pipeline', contextOf(result), decodePipeline);
      },
      async updatePipeline(workspaceId, pipelineId, body) {
        const result = await t.call({
          method: 'PUT',
          path: pipelinePath(pipelineId),
          query: { workspaceId },
          body,
        });
        return decodeMember(result.body, 'pipeline', contextOf(result), decodePipeline);
      },
      async managePipelineVersion(workspaceId, pipelineId, versionId, body) {
        await t.call({
          method: 'PUT',
          path: `${pipelinePath(pipelineId)}/versions/${segment(versionId)}/manage`,
          query: { workspaceId },
          body,
        });
      },
      async deletePipeline(workspaceId, pipelineId) {
        await t.call({ method: 'DELETE', path: pipelinePath(pipelineId), query: { workspaceId } });
      },
      async applyPipelineLabels(workspaceId, pipelineIds, labelIds) {
        await t.call({
          method: 'POST',
          path: '/pipelines/labels/apply',
          query: { workspaceId },
          body: { pipelineIds, labelIds },
        });
      },
    };
  },
);

/**
 * DTO → actual pipeline. With its launch read (pipelines managed), `launch`
 * is the described launch with read-only and null fields dropped and the
 * described CE object replaced by `computeEnvId`/`computeEnvName`. Listed
 * only (pipelines unmanaged), `launch` holds the list's `computeEnv`
 * attribute as `computeEnvId`/`computeEnvName`.
 */
/** LaunchDbDto fields that are not WorkflowLaunchRequest input. */
const READ_ONLY_LAUNCH_FIELDS = new Set([
  'id',
  'dateCreated',
  'lastUpdated',
  'workspaceId',
  'resumeLaunchId',
  'computeEnv',
]);

function computeEnvRef(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const { id, name } = value as { id?: unknown; name?: unknown };
  return {
    ...(typeof id === 'string' && id !== '' ? { computeEnvId: id } : {}),
    ...(typeof name === 'string' && name !== '' ? { computeEnvName: name } : {}),
  };
}

export function mapLaunch(launch: LaunchDbDto): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(launch)) {
    if (READ_ONLY_LAUNCH_FIELDS.has(key) || value === null || value === undefined) continue;
    out[key] = value;
  }
  return { ...out, ...computeEnvRef(launch.computeEnv) };
}

function base(dto: PipelineDbDto): Omit<ActualPipeline, 'launch'> {
  const description = text(dto.description);
  const versionId = text(dto.version?.id);
  const versionName = text(dto.version?.name);
  return {
    pipelineId: dto.pipelineId,
    name: dto.name,
    ...(description === undefined ? {} : { description }),
    labelIds: labelIdsOf(dto.labels),
    ...(versionId === undefined ? {} : { versionId }),
    ...(versionName === undefined ? {} : { versionName }),
  };
}

export function mapPipeline(dto: PipelineDbDto, launch: LaunchDbDto): ActualPipeline {
  return { ...base(dto), launch: mapLaunch(launch) };
}

export function mapListedPipeline(dto: PipelineDbDto): ActualPipeline {
  return { ...base(dto), launch: computeEnvRef(dto.computeEnv), listedOnly: true };
}
