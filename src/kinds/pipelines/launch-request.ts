/**
 * Maps a described launch (`LaunchDbDto`, GET /pipelines/{id}/launch) back to
 * the `WorkflowLaunchRequest` an update takes: the fields both schemas share
 * (official spec 1.187.0), with `computeEnvId` from the described CE object.
 * Read-only fields (`id`, `dateCreated`, `lastUpdated`, `workspaceId`,
 * `resumeLaunchId`) are dropped.
 */
import type { LaunchDbDto, WorkflowLaunchRequest } from './api.js';

const SHARED_FIELDS = [
  'commitId',
  'configProfiles',
  'configText',
  'entryName',
  'headJobCpus',
  'headJobMemoryMb',
  'launchContainer',
  'mainScript',
  'nextflowVersion',
  'optimizationId',
  'optimizationTargets',
  'outputDir',
  'paramsText',
  'pipeline',
  'pipelineSchemaId',
  'postRunScript',
  'preRunScript',
  'pullLatest',
  'resume',
  'revision',
  'runName',
  'schemaName',
  'sessionId',
  'stubRun',
  'syntaxParser',
  'towerConfig',
  'userSecrets',
  'workDir',
  'workspaceSecrets',
] as const;

export function launchRequestOf(
  launch: LaunchDbDto,
  computeEnvId: string | undefined,
): WorkflowLaunchRequest {
  const request: WorkflowLaunchRequest = {};
  for (const field of SHARED_FIELDS) {
    const value = launch[field];
    if (value !== undefined && value !== null) Object.assign(request, { [field]: value });
  }
  const ceId = computeEnvId ?? launch.computeEnv?.id;
  if (ceId !== undefined) request.computeEnvId = ceId;
  return request;
}
