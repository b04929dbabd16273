/**
 * Datasets (`/datasets?workspaceId=`). Names are unique in a workspace (a
 * create or rename to a taken name is a 409). Each upload
 * (`POST /datasets/{id}/upload?header=`, multipart with a `file` part) adds
 * a version; versions are never deleted except with their dataset. The
 * lists are paged (`max`/`offset`) and, like the recorded ones, carry no
 * `totalSize`: a short page ends them. `GET /datasets/versions` lists the
 * latest version of each dataset that has one; a version's content is
 * served at `/datasets/{id}/v/{version}/n/{fileName}`. Labels are set with
 * `/datasets/labels/apply` (simple labels only; the whole set). Reads need
 * `view`, writes `maintain`.
 */
import { workspaceFromQuery } from '../access.js';
import {
  objectField,
  optIntegerArray,
  optNullableString,
  optString,
  optStringArray,
  reqString,
  stringParam,
} from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { seedObj, seedOptStr, seedStr, seedStrList, uniqueNames, type EmulatorKind } from '../kind.js';
import { checkResourceName, RESOURCE_NAME } from '../names.js';
import { paginate, searchFilter } from '../paging.js';
import type { RequestContext, Route } from '../router.js';
import type { WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';
import { labelDto, labelIdFor, labelNames } from './labels.js';

/** One uploaded file of a dataset. */
export interface DatasetVersionRecord {
  readonly version: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly hasHeader: boolean;
  readonly content: Buffer;
  readonly dateCreated: string;
}

export interface DatasetRecord {
  /** A platform-style string id. */
  readonly id: string;
  name: string;
  description?: string;
  labelIds: number[];
  /** Oldest first; never deleted (only with the dataset). */
  readonly versions: DatasetVersionRecord[];
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface DatasetVersionSeed {
  readonly fileName: string;
  /** The file's text. */
  readonly content: string;
  readonly header?: boolean;
}

export interface DatasetSeed {
  readonly name: string;
  readonly description?: string;
  /** Names of simple labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
  /** Oldest first. */
  readonly versions?: readonly DatasetVersionSeed[];
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly datasets: Map<string, DatasetRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly datasets?: readonly DatasetSeed[];
  }
}

/** DatasetDto as the platform sends it (the recorded list): `description` null when unset. */
function datasetDto(ws: WorkspaceRecord, dataset: DatasetRecord, withLabels: boolean): JsonObject {
  return {
    id: dataset.id,
    name: dataset.name,
    description: orNull(dataset.description),
    // As recorded: the list leaves the media type to the versions.
    mediaType: null,
    deleted: false,
    dateCreated: dataset.dateCreated,
    lastUpdated: dataset.lastUpdated,
    ...(withLabels
      ? {
          labels: dataset.labelIds.flatMap((id) => {
            const label = ws.labels.get(id);
            return label === undefined ? [] : [labelDto(label)];
          }),
        }
      : {}),
  };
}

/** DatasetVersionDto as recorded, with `fileSize` (newer platforms send it); `url` is the download path. */
function datasetVersionDto(dataset: DatasetRecord, version: DatasetVersionRecord): JsonObject {
  return {
    datasetId: dataset.id,
    datasetName: dataset.name,
    hasHeader: version.hasHeader,
    version: version.version,
    lastUpdated: version.dateCreated,
    fileName: version.fileName,
    fileSize: version.content.length,
    mediaType: version.mediaType,
    url: `/datasets/${encodeURIComponent(dataset.id)}/v/${String(version.version)}/n/${encodeURIComponent(version.fileName)}`,
  };
}

/** The platform's limit on a dataset file. */
const MAX_DATASET_BYTES = 10 * 1024 * 1024;

function nameTaken(ws: WorkspaceRecord, name: string, except?: string): boolean {
  for (const d of ws.datasets.values()) if (d.name === name && d.id !== except) return true;
  return false;
}

function datasetRoutes({ store }: EmulatorEnv): Route[] {
  const find = (
    ctx: RequestContext,
    role: 'view' | 'maintain',
  ): { ws: WorkspaceRecord; dataset: DatasetRecord } => {
    const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, role);
    const id = stringParam(ctx.params, 'datasetId');
    const dataset = ws.datasets.get(id);
    if (dataset === undefined) throw notFound(`Dataset ${id} not found in workspace '${ws.name}'`);
    return { ws, dataset };
  };
  const page = (ctx: RequestContext, items: readonly JsonObject[]): JsonObject[] =>
    paginate(items, ctx.query).items;
  return [
    {
      method: 'GET',
      pattern: '/datasets',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        const withLabels = ctx.query.list('attributes').includes('labels');
        const matches = searchFilter(ctx.query);
        const all = [...ws.datasets.values()].filter((d) => matches(d.name));
        return ok({
          datasets: page(
            ctx,
            all.map((d) => datasetDto(ws, d, withLabels)),
          ),
        });
      },
    },
    {
      method: 'POST',
      pattern: '/datasets',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        const description = optNullableString(body, 'description', '') ?? undefined;
        checkResourceName('dataset', name);
        if (nameTaken(ws, name))
          throw conflict(`A dataset named '${name}' already exists in workspace '${ws.name}'`);
        const dataset: DatasetRecord = {
          id: store.nextStringId(),
          name,
          labelIds: [],
          versions: [],
          dateCreated: ctx.timestamp,
          lastUpdated: ctx.timestamp,
          ...(description === undefined || description === '' ? {} : { description }),
        };
        ws.datasets.set(dataset.id, dataset);
        return ok({ dataset: datasetDto(ws, dataset, false) });
      },
    },
    {
      method: 'GET',
      pattern: '/datasets/versions',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'view');
        const mimeType = ctx.query.get('mimeType');
        const latest = [...ws.datasets.values()].flatMap((d) => {
          const version = d.versions.at(-1);
          return version === undefined || (mimeType !== undefined && version.mediaType !== mimeType)
            ? []
            : [datasetVersionDto(d, version)];
        });
        return ok({ versions: page(ctx, latest) });
      },
    },
    {
      method: 'GET',
      pattern: '/datasets/{datasetId}/metadata',
      handler: (ctx) => {
        const { ws, dataset } = find(ctx, 'view');
        return ok({ dataset: datasetDto(ws, dataset, ctx.query.list('attributes').includes('labels')) });
      },
    },
    {
      method: 'GET',
      pattern: '/datasets/{datasetId}/versions',
      handler: (ctx) => {
        const { dataset } = find(ctx, 'view');
        return ok({ versions: dataset.versions.map((v) => datasetVersionDto(dataset, v)) });
      },
    },
    {
      method: 'PUT',
      pattern: '/datasets/{datasetId}',
      handler: (ctx) => {
        const { ws, dataset } = find(ctx, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '') ?? dataset.name;
        const description = optNullableString(body, 'description', '');
        checkResourceName('dataset', name);
        if (nameTaken(ws, name, dataset.id)) {
          throw conflict(`A dataset named '${name}' already exists in workspace '${ws.name}'`);
        }
        dataset.name = name;
        if (description !== undefined) {
          if (description === null || description === '') delete dataset.description;
          else dataset.description = description;
        }
        dataset.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/datasets/{datasetId}',
      handler: (ctx) => {
        const { ws, dataset } = find(ctx, 'maintain');
        ws.datasets.delete(dataset.id);
        return noContent();
      },
    },
    {
      method: 'POST',
      pattern: '/datasets/{datasetId}/upload',
      handler: (ctx) => {
        const { dataset } = find(ctx, 'maintain');
        const upload = ctx.upload;
        if (upload === undefined)
          throw badRequest("A dataset upload is multipart/form-data with a 'file' part");
        if (upload.content.length > MAX_DATASET_BYTES) {
          throw badRequest(`The file is larger than ${MAX_DATASET_BYTES} bytes`);
        }
        if (!/\.(csv|tsv)$/i.test(upload.fileName)) {
          throw badRequest(`Dataset files are CSV or TSV, got '${upload.fileName}'`);
        }
        const version: DatasetVersionRecord = {
          version: (dataset.versions.at(-1)?.version ?? 0) + 1,
          fileName: upload.fileName,
          mediaType: /\.tsv$/i.test(upload.fileName) ? 'text/tab-separated-values' : 'text/csv',
          hasHeader: ctx.query.boolean('header') ?? false,
          content: upload.content,
          dateCreated: ctx.timestamp,
        };
        dataset.versions.push(version);
        dataset.lastUpdated = ctx.timestamp;
        return ok({ version: datasetVersionDto(dataset, version) });
      },
    },
    {
      method: 'GET',
      pattern: '/datasets/{datasetId}/v/{version}/n/{fileName}',
      handler: (ctx) => {
        const { dataset } = find(ctx, 'view');
        const number = Number(stringParam(ctx.params, 'version'));
        const fileName = stringParam(ctx.params, 'fileName');
        const version = dataset.versions.find((v) => v.version === number && v.fileName === fileName);
        if (version === undefined)
          throw notFound(`Version ${String(number)} of dataset ${dataset.id} not found`);
        return { status: 200, raw: { contentType: version.mediaType, data: version.content } };
      },
    },
    {
      method: 'POST',
      pattern: '/datasets/labels/apply',
      handler: (ctx) => {
        const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const datasetIds = optStringArray(body, 'datasetIds', '') ?? [];
        const labelIds = optIntegerArray(body, 'labelIds', '') ?? [];
        for (const id of labelIds) {
          const label = ws.labels.get(id);
          if (label === undefined)
            throw badRequest(`Label ${String(id)} not found in workspace '${ws.name}'`);
          if (label.resource)
            throw badRequest(`Resource label '${label.name}' cannot be applied to a dataset`);
        }
        const targets = datasetIds.map((id) => {
          const dataset = ws.datasets.get(id);
          if (dataset === undefined) throw badRequest(`Dataset ${id} not found in workspace '${ws.name}'`);
          return dataset;
        });
        for (const dataset of targets) dataset.labelIds = [...new Set(labelIds)];
        return noContent();
      },
    },
  ];
}

export const datasetsKind: EmulatorKind = {
  routes: datasetRoutes,
  workspace: {
    state: () => ({ datasets: new Map() }),
    seedSchema: {
      datasets: {
        type: 'array',
        items: seedObj(['name'], {
          name: seedStr,
          description: seedOptStr,
          labels: seedStrList,
          versions: {
            type: 'array',
            items: seedObj(['fileName', 'content'], {
              fileName: seedStr,
              content: seedStr,
              header: { type: 'boolean' },
            }),
          },
        }),
      },
    },
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems } = loader;
      const datasetName = uniqueNames(loader, 'dataset');
      (seed.datasets ?? []).forEach((d, i) => {
        datasetName(d.name, `${where}.datasets[${i}]`);
        if (!RESOURCE_NAME.test(d.name))
          problems.push(`${where}.datasets[${i}].name: invalid dataset name '${d.name}'`);
        const id = store.nextStringId();
        ws.datasets.set(id, {
          id,
          name: d.name,
          ...(d.description === undefined ? {} : { description: d.description }),
          labelIds: (d.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
          versions: (d.versions ?? []).map((v, j) => ({
            version: j + 1,
            fileName: v.fileName,
            mediaType: /\.tsv$/i.test(v.fileName) ? 'text/tab-separated-values' : 'text/csv',
            hasHeader: v.header ?? false,
            content: Buffer.from(v.content, 'utf8'),
            dateCreated: loader.timestamp,
          })),
          dateCreated: loader.timestamp,
          lastUpdated: loader.timestamp,
        });
      });
    },
    snapshot: (_store, _org, ws) =>
      ws.datasets.size === 0
        ? {}
        : {
            // Versions as text (dataset files are UTF-8 CSV/TSV; other bytes would not round-trip).
            datasets: [...ws.datasets.values()].map((d) => {
              const labels = labelNames(ws, d.labelIds);
              return {
                name: d.name,
                ...(d.description === undefined ? {} : { description: d.description }),
                ...(labels.length === 0 ? {} : { labels }),
                versions: d.versions.map((v) => ({
                  fileName: v.fileName,
                  content: v.content.toString('utf8'),
                  header: v.hasHeader,
                })),
              };
            }),
          },
  },
};
