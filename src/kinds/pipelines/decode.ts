/**
 * DTO → actual pipeline. With its launch read (pipelines managed), `launch`
 * is the described launch with read-only and null fields dropped and the
 * described CE object replaced by `computeEnvId`/`computeEnvName`. Listed
 * only (pipelines unmanaged), `launch` holds the list's `computeEnv`
 * attribute as `computeEnvId`/`computeEnvName`.
 */
import type { LaunchDbDto, PipelineDbDto } from '../../api/pipeline-operations.js';
import type { ActualPipeline } from './model.js';
import { labelIdsOf } from '../compute-environments/decode.js';
import { text } from '../kit/live-text.js';

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
