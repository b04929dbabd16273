/**
 * Pipelines (Launchpad). The list is paged and, with `visibility=all`, also
 * holds the pipelines of the org's SHARED workspaces (their `workspaceId`
 * differs; clients filter). An update that changes launch fields does not
 * touch the default version: it creates an unnamed draft version (returned
 * in the response's `version`), and `/launch` keeps returning the default's
 * launch until the draft is named and promoted. `labelIds` omitted, null or
 * empty on update clears the labels (the documented quirk).
 */
import { workspaceFromQuery } from '../access.js';
import {
  integerParam,
  objectField,
  optIntegerArray,
  optObject,
  optString,
  reqObject,
  reqString,
  optNullableString,
} from '../body.js';
import { settleComputeEnvs } from '../compute-env-lifecycle.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, notFound } from '../http-error.js';
import { seedObj, seedOptStr, seedStr, seedStrList, uniqueNames, type EmulatorKind } from '../kind.js';
import {
  checkLaunch,
  launchDto,
  launchHash,
  launchSeedOf,
  parseLaunch,
  seededLaunch,
  SEED_LAUNCH,
  type LaunchSeed,
} from '../launch.js';
import { paginate, searchFilter } from '../paging.js';
import {
  checkLabelIds,
  checkPipelineNameFree,
  defaultVersion,
  findPipeline,
  newVersion,
  PIPELINE_IDS,
  pipelineDto,
  type PipelineAttributes,
  type PipelineRecord,
} from '../pipeline-model.js';
import type { Query } from '../body.js';
import type { RequestContext, Route } from '../router.js';
import type { OrgRecord, WorkspaceRecord } from '../store.js';
import { computeEnvDto } from './compute-envs.js';
import { labelIdFor, labelNames } from './labels.js';

export interface PipelineVersionSeed {
  readonly name?: string;
  readonly launch: LaunchSeed;
}

export interface PipelineSeed {
  readonly name: string;
  readonly description?: string;
  readonly icon?: string;
  /** Names of labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
  /** The default version's launch. */
  readonly launch: LaunchSeed;
  /** The default version's name (unnamed when absent). */
  readonly versionName?: string;
  /** Further, non-default versions (drafts when unnamed). */
  readonly versions?: readonly PipelineVersionSeed[];
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly pipelines: Map<number, PipelineRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly pipelines?: readonly PipelineSeed[];
  }
}

const SORT_BY = ['CREATED', 'MODIFIED', 'NAME'];
const SORT_DIR = ['ASCENDING', 'DESCENDING'];

export function attributesOf(query: Query): PipelineAttributes {
  const attributes = query.list('attributes');
  return { labels: attributes.includes('labels'), computeEnv: attributes.includes('computeEnv') };
}

function sorter(query: Query): (a: PipelineRecord, b: PipelineRecord) => number {
  const sortBy = query.get('sortBy') ?? 'NAME';
  const sortDir = query.get('sortDir') ?? 'ASCENDING';
  if (!SORT_BY.includes(sortBy))
    throw badRequest(`query parameter sortBy must be one of ${SORT_BY.join(', ')}`);
  if (!SORT_DIR.includes(sortDir))
    throw badRequest(`query parameter sortDir must be one of ${SORT_DIR.join(', ')}`);
  const sign = sortDir === 'ASCENDING' ? 1 : -1;
  const key = (p: PipelineRecord): string =>
    sortBy === 'NAME' ? p.name : sortBy === 'CREATED' ? p.dateCreated : p.lastUpdated;
  return (a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id);
}

function pipelineRoutes({ store, settings }: EmulatorEnv): Route[] {
  const scope = (
    ctx: RequestContext,
    minimum: 'view' | 'maintain',
  ): { org: OrgRecord; ws: WorkspaceRecord } => {
    const found = workspaceFromQuery(store, ctx.query, ctx.user, minimum);
    settleComputeEnvs(found.ws, ctx.now);
    return found;
  };
  return [
    {
      method: 'GET',
      pattern: '/pipelines',
      handler: (ctx) => {
        const { org, ws } = scope(ctx, 'view');
        const visibility = ctx.query.get('visibility')?.toLowerCase();
        const sources: WorkspaceRecord[] = [];
        if (visibility === 'all' || visibility === 'shared') {
          for (const other of org.workspaces.values()) {
            if (other.visibility === 'SHARED' || (other === ws && visibility === 'all')) sources.push(other);
          }
        } else {
          sources.push(ws);
        }
        const matches = searchFilter(ctx.query);
        const rows = sources.flatMap((source) =>
          [...source.pipelines.values()]
            .filter((p) => matches(p.name, p.description))
            .map((p) => ({ source, p })),
        );
        const compare = sorter(ctx.query);
        rows.sort((a, b) => compare(a.p, b.p));
        const page = paginate(rows, ctx.query);
        const attributes = attributesOf(ctx.query);
        return ok({
          pipelines: page.items.map(({ source, p }) => pipelineDto(store, org, source, p, attributes)),
          totalSize: page.totalSize,
        });
      },
    },
    {
      method: 'POST',
      pattern: '/pipelines',
      handler: (ctx) => {
        const { org, ws } = scope(ctx, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        checkPipelineNameFree(ws, name);
        const description = optString(body, 'description', '');
        const icon = optString(body, 'icon', '');
        const labelIds = optIntegerArray(body, 'labelIds', '') ?? [];
        checkLabelIds(ws, labelIds);
        const launch = parseLaunch(reqObject(body, 'launch', ''), 'launch.');
        checkLaunch(ws, launch);
        const versionName = optString(optObject(body, 'version', '') ?? {}, 'name', 'version.');
        const pipeline: PipelineRecord = {
          id: store.nextId(PIPELINE_IDS),
          workspaceId: ws.id,
          name,
          ...(description === undefined ? {} : { description }),
          ...(icon === undefined ? {} : { icon }),
          labelIds: [...new Set(labelIds)],
          versions: [
            newVersion(store, launch, ctx.user.id, ctx.timestamp, {
              isDefault: true,
              ...(versionName === undefined ? {} : { name: versionName }),
            }),
          ],
          creatorUserId: ctx.user.id,
          dateCreated: ctx.timestamp,
          lastUpdated: ctx.timestamp,
        };
        ws.pipelines.set(pipeline.id, pipeline);
        return ok({ pipeline: pipelineDto(store, org, ws, pipeline, { labels: true, computeEnv: false }) });
      },
    },
    {
      method: 'GET',
      pattern: '/pipelines/{pipelineId}',
      handler: (ctx) => {
        const { org, ws } = scope(ctx, 'view');
        const pipeline = findPipeline(ws, integerParam(ctx.params, 'pipelineId'));
        return ok({ pipeline: pipelineDto(store, org, ws, pipeline, attributesOf(ctx.query)) });
      },
    },
    {
      method: 'GET',
      pattern: '/pipelines/{pipelineId}/launch',
      handler: (ctx) => {
        const { ws } = scope(ctx, 'view');
        const pipeline = findPipeline(ws, integerParam(ctx.params, 'pipelineId'));
        const versionId = ctx.query.get('versionId');
        const version =
          versionId === undefined
            ? defaultVersion(pipeline)
            : pipeline.versions.find((v) => v.id === versionId);
        if (version === undefined)
          throw notFound(`Version '${versionId ?? ''}' not found in pipeline '${pipeline.name}'`);
        return ok({ launch: launchDto(ws, version, (ce) => computeEnvDto(ws, ce, false)) });
      },
    },
    {
      method: 'PUT',
      pattern: '/pipelines/{pipelineId}',
      handler: (ctx) => {
        const { org, ws } = scope(ctx, 'maintain');
        const pipeline = findPipeline(ws, integerParam(ctx.params, 'pipelineId'));
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '');
        if (name !== undefined) checkPipelineNameFree(ws, name, pipeline);
        const description = optNullableString(body, 'description', '');
        const icon = optString(body, 'icon', '');
        const labelIds = optIntegerArray(body, 'labelIds', '') ?? [];
        checkLabelIds(ws, labelIds);
        const launchInput = optObject(body, 'launch', '');
        const launch = launchInput === undefined ? undefined : parseLaunch(launchInput, 'launch.');
        if (launch !== undefined) checkLaunch(ws, launch);
        if (name !== undefined) pipeline.name = name;
        if (description === null) delete pipeline.description;
        else if (description !== undefined) pipeline.description = description;
        if (icon !== undefined) pipeline.icon = icon;
        pipeline.labelIds = [...new Set(labelIds)];
        pipeline.lastUpdated = ctx.timestamp;
        let shown = defaultVersion(pipeline);
        if (launch !== undefined && launchHash(launch) !== shown.hash) {
          const hash = launchHash(launch);
          const existingDraft = pipeline.versions.find(
            (v) => !v.isDefault && v.name === undefined && v.hash === hash,
          );
          const draft =
            existingDraft ?? newVersion(store, launch, ctx.user.id, ctx.timestamp, { isDefault: false });
          if (existingDraft === undefined) pipeline.versions.push(draft);
          if (settings.updateAnswersWithDraft) shown = draft;
        }
        return ok({
          pipeline: pipelineDto(store, org, ws, pipeline, { labels: true, computeEnv: false }, shown),
        });
      },
    },
    {
      method: 'DELETE',
      pattern: '/pipelines/{pipelineId}',
      handler: (ctx) => {
        const { ws } = scope(ctx, 'maintain');
        const pipeline = findPipeline(ws, integerParam(ctx.params, 'pipelineId'));
        ws.pipelines.delete(pipeline.id);
        return noContent();
      },
    },
  ];
}

export const pipelinesKind: EmulatorKind = {
  routes: pipelineRoutes,
  workspace: {
    state: () => ({ pipelines: new Map() }),
    seedSchema: {
      pipelines: {
        type: 'array',
        items: seedObj(['name', 'launch'], {
          name: seedStr,
          description: seedOptStr,
          icon: seedOptStr,
          labels: seedStrList,
          launch: SEED_LAUNCH,
          versionName: seedStr,
          versions: { type: 'array', items: seedObj(['launch'], { name: seedStr, launch: SEED_LAUNCH }) },
        }),
      },
    },
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems, timestamp } = loader;
      const pipelineName = uniqueNames(loader, 'pipeline');
      (seed.pipelines ?? []).forEach((p, i) => {
        const pw = `${where}.pipelines[${i}]`;
        pipelineName(p.name, pw);
        const user = loader.tokenUser.id;
        const versions = [
          newVersion(store, seededLaunch(ws, p.launch, `${pw}.launch`, problems), user, timestamp, {
            isDefault: true,
            ...(p.versionName === undefined ? {} : { name: p.versionName }),
          }),
          ...(p.versions ?? []).map((v, j) =>
            newVersion(
              store,
              seededLaunch(ws, v.launch, `${pw}.versions[${j}].launch`, problems),
              user,
              timestamp,
              {
                isDefault: false,
                ...(v.name === undefined ? {} : { name: v.name }),
              },
            ),
          ),
        ];
        const id = store.nextId(PIPELINE_IDS);
        ws.pipelines.set(id, {
          id,
          workspaceId: ws.id,
          name: p.name,
          ...(p.description === undefined ? {} : { description: p.description }),
          ...(p.icon === undefined ? {} : { icon: p.icon }),
          labelIds: (p.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
          versions,
          creatorUserId: user,
          dateCreated: timestamp,
          lastUpdated: timestamp,
        });
      });
    },
    snapshot: (_store, _org, ws) => ({
      pipelines: [...ws.pipelines.values()].map((p) => {
        const defaultVersion = p.versions.find((v) => v.isDefault) ?? p.versions[0];
        const others = p.versions.filter((v) => v !== defaultVersion);
        const labels = labelNames(ws, p.labelIds);
        return {
          name: p.name,
          ...(p.description === undefined ? {} : { description: p.description }),
          ...(p.icon === undefined ? {} : { icon: p.icon }),
          ...(labels.length === 0 ? {} : { labels }),
          launch: launchSeedOf(ws, defaultVersion?.launch ?? {}),
          ...(defaultVersion?.name === undefined ? {} : { versionName: defaultVersion.name }),
          ...(others.length === 0
            ? {}
            : {
                versions: others.map((v) => ({
                  ...(v.name === undefined ? {} : { name: v.name }),
                  launch: launchSeedOf(ws, v.launch),
                })),
              }),
        };
      }),
    }),
  },
};
