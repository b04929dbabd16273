/**
 * Pipelines: list rows (with `attributes=labels,computeEnv`; older platforms
 * send `labels: null` and `computeEnv: null`), versions, and the launch of
 * `GET /pipelines/{id}/launch` (kept whole: it is the WorkflowLaunchRequest
 * template, with `computeEnv` the described CE).
 */
import type { LaunchDbDto, PipelineDbDto, PipelineVersionFullInfoDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { decodeLabel } from './label.js';
import { opt } from './optional.js';

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
