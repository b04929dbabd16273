/**
 * Reading a workspace's datasets, only when the file manages them: every
 * page of the list (with labels) and of the latest versions, then the
 * content of a latest version only where its file name and size are those
 * of the declared file (the one case where the bytes decide whether a new
 * version is needed). The declared files are flags (`datasetFiles`:
 * name, file name and size of each), so the cost is known from the desired
 * state and the live sizes alone. Datasets that carry labels need the
 * workspace's labels (their ids). A workspace deleted whole lists its
 * datasets (they go with it), without their versions.
 */
import type { ApiClient } from '../../api/api-client.js';
import type { ActualDataset } from './model.js';
import type { DesiredWorkspace } from '../../model/desired.js';
import type { KindRead, LiveWorkspaceSize, ReadFlags, RequestCost, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { sha256Of } from './dataset-file.js';
import { mapDataset, mapDatasetVersion, type DatasetVersionDto, datasetReads } from './api.js';

export const DATASETS_ROUTE = 'GET /datasets';
export const DATASET_VERSIONS_ROUTE = 'GET /datasets/versions';
export const DATASET_DOWNLOAD_ROUTE = 'GET /datasets/{id}/v/{id}/n/{id}';

/** A declared file as a read flag entry. */
interface DeclaredFile {
  readonly name: string;
  readonly file: string;
  readonly size: number;
}

const SEPARATOR = '\n';

function flagOf(d: DeclaredFile): string {
  return [d.name, d.file, String(d.size)].join(SEPARATOR);
}

function declaredFiles(reads: ReadFlags): DeclaredFile[] {
  const flag = reads['datasetFiles'];
  if (!Array.isArray(flag)) return [];
  return (flag as readonly string[]).map((entry) => {
    const [name = '', file = '', size = ''] = entry.split(SEPARATOR);
    return { name, file, size: Number(size) };
  });
}

/**
 * The live size that says whether a dataset's latest version is downloaded:
 * keyed by dataset and file name, valued by the version's size (-1 when the
 * platform does not say it, which downloads whenever the name matches).
 */
export function latestFileSizeKey(dataset: string, file: string): string {
  return `datasetFile${SEPARATOR}${dataset}${SEPARATOR}${file}`;
}

function downloads(declared: DeclaredFile, size: number | undefined): boolean {
  return size !== undefined && (size === -1 || size === declared.size);
}

async function readDatasets(
  client: ApiClient,
  workspaceId: number,
  declared: readonly DeclaredFile[],
): Promise<ActualDataset[]> {
  const [datasets, versions] = await Promise.all([
    client.use(datasetReads).listDatasets(workspaceId),
    client.use(datasetReads).listLatestDatasetVersions(workspaceId),
  ]);
  const latestOf = new Map<string, DatasetVersionDto>();
  for (const v of versions) {
    const known = latestOf.get(v.datasetId);
    if (known === undefined || known.version < v.version) latestOf.set(v.datasetId, v);
  }
  const byName = new Map(declared.map((d) => [d.name, d]));
  return Promise.all(
    datasets.map(async (dto) => {
      const latest = latestOf.get(dto.id);
      if (latest === undefined) return mapDataset(dto, undefined);
      const wanted = byName.get(dto.name);
      const fileName = latest.fileName ?? '';
      const size = latest.fileSize ?? -1;
      if (wanted === undefined || wanted.file !== fileName || !downloads(wanted, size)) {
        return mapDataset(dto, mapDatasetVersion(latest));
      }
      const text = await client
        .use(datasetReads)
        .downloadDatasetVersion(workspaceId, dto.id, latest.version, fileName);
      return mapDataset(dto, mapDatasetVersion(latest, sha256Of(Buffer.from(text, 'utf8'))));
    }),
  );
}

function needs(ws: DesiredWorkspace): ReadFlags {
  if (ws.datasets === undefined) return { datasets: false };
  return {
    datasets: true,
    datasetFiles: ws.datasets.map((d) => flagOf({ name: d.name, file: d.file, size: d.size })),
  };
}

function requests(reads: ReadFlags, live: LiveWorkspaceSize): RequestCost[] {
  if (reads['datasets'] === 'list')
    return [{ route: DATASETS_ROUTE, listOf: live['datasets'] ?? 0, withoutTotal: true }];
  if (reads['datasets'] !== true) return [];
  const fetched = declaredFiles(reads).filter((d) =>
    downloads(d, live[latestFileSizeKey(d.name, d.file)]),
  ).length;
  return [
    { route: DATASETS_ROUTE, listOf: live['datasets'] ?? 0, withoutTotal: true },
    { route: DATASET_VERSIONS_ROUTE, listOf: live['datasetVersions'] ?? 0, withoutTotal: true },
    ...(fetched === 0
      ? []
      : [{ route: DATASET_DOWNLOAD_ROUTE, requests: fetched, after: DATASET_VERSIONS_ROUTE }]),
  ];
}

const datasets: WorkspaceRead<'datasets'> = {
  field: 'datasets',
  asks: (ws) => ({ labels: (ws.datasets ?? []).some((d) => d.labels !== undefined) }),
  needs,
  // A workspace deleted whole: its datasets are listed (they go with it), without their versions.
  whenDeleted: { datasets: 'list' },
  read: (ctx, reads) =>
    readingOf(
      reads['datasets'] === true
        ? reading(ctx.label('datasets'), () =>
            readDatasets(ctx.client, ctx.workspaceId, declaredFiles(reads)),
          )
        : reads['datasets'] === 'list'
          ? reading(ctx.label('datasets'), async () =>
              (await ctx.client.use(datasetReads).listDatasets(ctx.workspaceId)).map((dto) =>
                mapDataset(dto, undefined),
              ),
            )
          : Promise.resolve(undefined),
    ),
  requests,
};

export const datasetsRead: KindRead = { workspace: datasets };
