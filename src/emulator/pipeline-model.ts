/**
 * Pipeline records and their wire shape (PipelineDbDto). A pipeline always
 * has exactly one default version; `repository` and `computeEnv` come from
 * the launch of the version shown.
 */
import { badRequest, conflict, notFound } from './http-error.js';
import type { JsonObject } from './json.js';
import { launchHash, type LaunchFields } from './launch.js';
import { labelDto } from './routes/labels.js';
import type { IdSequence, OrgRecord, Store, WorkspaceRecord } from './store.js';
import { orNull } from './wire.js';

export interface PipelineVersionRecord {
  readonly id: string;
  name?: string;
  isDefault: boolean;
  readonly launchId: string;
  readonly launch: LaunchFields;
  readonly hash: string;
  readonly creatorUserId: number;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** A pipeline (the workspace's `pipelines`, declared by routes/pipelines.ts). */
export interface PipelineRecord {
  readonly id: number;
  readonly workspaceId: number;
  name: string;
  description?: string;
  icon?: string;
  labelIds: number[];
  readonly versions: PipelineVersionRecord[];
  readonly creatorUserId: number;
  readonly dateCreated: string;
  lastUpdated: string;
}

export const PIPELINE_IDS: IdSequence = { start: 1000 };

export interface PipelineAttributes {
  readonly labels: boolean;
  readonly computeEnv: boolean;
}

export function defaultVersion(pipeline: PipelineRecord): PipelineVersionRecord {
  const version = pipeline.versions.find((v) => v.isDefault) ?? pipeline.versions[0];
  if (version === undefined) throw new Error(`pipeline ${pipeline.id} has no version`);
  return version;
}

export function newVersion(
  store: Store,
  launch: LaunchFields,
  creatorUserId: number,
  timestamp: string,
  fields: { readonly name?: string; readonly isDefault: boolean },
): PipelineVersionRecord {
  return {
    id: store.nextStringId(),
    launchId: store.nextStringId(),
    launch,
    hash: launchHash(launch),
    creatorUserId,
    dateCreated: timestamp,
    lastUpdated: timestamp,
    ...fields,
  };
}

function versionInfo(store: Store, version: PipelineVersionRecord): JsonObject {
  const creator = store.users.get(version.creatorUserId);
  return {
    id: version.id,
    name: version.name,
    isDefault: version.isDefault,
    hash: version.hash,
    creatorUserId: version.creatorUserId,
    creatorUserName: creator?.userName,
    creatorFirstName: creator?.firstName,
    creatorLastName: creator?.lastName,
    dateCreated: version.dateCreated,
    lastUpdated: version.lastUpdated,
  };
}

/** PipelineDbDto for one version of a pipeline (the default unless given). */
export function pipelineDto(
  store: Store,
  org: OrgRecord,
  ws: WorkspaceRecord,
  pipeline: PipelineRecord,
  attributes: PipelineAttributes,
  version: PipelineVersionRecord = defaultVersion(pipeline),
): JsonObject {
  const creator = store.users.get(pipeline.creatorUserId);
  const ceId = version.launch.computeEnvId;
  const ce = typeof ceId === 'string' ? ws.computeEnvs.get(ceId) : undefined;
  const region = ce?.config.region ?? ce?.config.location;
  return {
    pipelineId: pipeline.id,
    name: pipeline.name,
    description: orNull(pipeline.description),
    icon: orNull(pipeline.icon),
    repository: typeof version.launch.pipeline === 'string' ? version.launch.pipeline : undefined,
    userId: pipeline.creatorUserId,
    userName: creator?.userName,
    userFirstName: orNull(creator?.firstName),
    userLastName: orNull(creator?.lastName),
    orgId: org.id,
    orgName: org.name,
    workspaceId: ws.id,
    workspaceName: ws.name,
    visibility: ws.visibility,
    deleted: false,
    lastUpdated: pipeline.lastUpdated,
    optimized: null,
    version: versionInfo(store, version),
    ...(attributes.labels
      ? {
          labels: pipeline.labelIds.flatMap((id) => {
            const label = ws.labels.get(id);
            return label === undefined ? [] : [labelDto(label)];
          }),
        }
      : {}),
    ...(attributes.computeEnv
      ? {
          computeEnv:
            ce === undefined
              ? null
              : {
                  id: ce.id,
                  name: ce.name,
                  platform: ce.platform,
                  region: typeof region === 'string' ? region : null,
                },
        }
      : {}),
  };
}

export function findPipeline(ws: WorkspaceRecord, pipelineId: number): PipelineRecord {
  const pipeline = ws.pipelines.get(pipelineId);
  if (pipeline === undefined) throw notFound(`Pipeline ${pipelineId} not found in workspace '${ws.name}'`);
  return pipeline;
}

/** 409 when another pipeline of the workspace has the name; 400 when it is blank. */
export function checkPipelineNameFree(ws: WorkspaceRecord, name: string, self?: PipelineRecord): void {
  if (name.trim() !== name || name === '') throw badRequest(`Invalid pipeline name '${name}'`);
  for (const pipeline of ws.pipelines.values()) {
    if (pipeline.name === name && pipeline !== self) {
      throw conflict(`A pipeline named '${name}' already exists in workspace '${ws.name}'`);
    }
  }
}

/** 400 unless every label id is a label of the workspace. */
export function checkLabelIds(ws: WorkspaceRecord, labelIds: readonly number[]): void {
  const unknown = labelIds.find((id) => !ws.labels.has(id));
  if (unknown !== undefined) throw badRequest(`Label ${unknown} not found in workspace '${ws.name}'`);
}
