/**
 * Datasets on the platform (`/datasets?workspaceId=`): the list (with labels),
 * the latest version of each, create, update, delete, a version's upload
 * (multipart) and download, and the labels of a dataset
 * (`/datasets/labels/apply`, which replaces the whole set); a listed dataset →
 * the live one.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { decodeMember } from '../../api/response-shape.js';
import { contextOf } from '../../api/call-helpers.js';
import { paginate } from '../../api/paginate.js';
import { segment } from '../../api/request-path.js';
import { type Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import { decodeLabel, type LabelDbDto } from '../../api/decoders/label.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';
import type { ActualDataset, ActualDatasetVersion } from './model.js';

/** DatasetDto (list with `attributes=labels`, create answer); `labels` only when asked for. */
export interface DatasetDto {
  id: string;
  name: string;
  description?: string | null;
  labels?: LabelDbDto[] | null;
}

/** DatasetVersionDto: one uploaded file of a dataset. */
export interface DatasetVersionDto {
  datasetId: string;
  version: number;
  fileName?: string | null;
  /** Bytes; older platforms do not send it. */
  fileSize?: number | null;
  hasHeader?: boolean | null;
  mediaType?: string | null;
}

/**
 * Datasets (DatasetDto) and their versions (DatasetVersionDto): the
 * workspace's list (`GET /datasets`, with `attributes=labels`), the answer of
 * a create (CreateDatasetResponse `{dataset}`), the latest versions
 * (`GET /datasets/versions`) and an upload's answer
 * (UploadDatasetVersionResponse `{version}`). Recorded platforms send
 * `description: null` and no `fileSize` on older versions.
 */
export function decodeDataset(f: Fields): DatasetDto {
  return {
    id: f.string('id'),
    name: f.string('name'),
    ...opt('description', f.optString('description')),
    ...opt('labels', f.optList('labels', decodeLabel)),
  };
}

export function decodeDatasetVersion(f: Fields): DatasetVersionDto {
  return {
    datasetId: f.string('datasetId'),
    version: f.number('version'),
    ...opt('fileName', f.optString('fileName')),
    ...opt('fileSize', f.optNumber('fileSize')),
    ...opt('hasHeader', f.optBoolean('hasHeader')),
    ...opt('mediaType', f.optString('mediaType')),
  };
}

export interface DatasetReads {
  /** Paged; with `attributes=labels`. */
  listDatasets(workspaceId: number): Promise<DatasetDto[]>;
  /** Paged; the latest version of every dataset of the workspace that has one. */
  listLatestDatasetVersions(workspaceId: number): Promise<DatasetVersionDto[]>;
  /** A version's content, as text. */
  downloadDatasetVersion(
    workspaceId: number,
    datasetId: string,
    version: number,
    fileName: string,
  ): Promise<string>;
}

const datasetPath = (datasetId: string): string => `/datasets/${segment(datasetId)}`;

/** The datasets kind's own read endpoints. */
export const datasetReads = operations(
  'datasets (reads)',
  ({ transport: t, pageSize }: OperationsContext): DatasetReads => {
    return {
      listDatasets: (workspaceId) =>
        paginate(t, '/datasets', { workspaceId, attributes: 'labels' }, 'datasets', decodeDataset, pageSize),
      listLatestDatasetVersions: (workspaceId) =>
        paginate(t, '/datasets/versions', { workspaceId }, 'versions', decodeDatasetVersion, pageSize),
      async downloadDatasetVersion(workspaceId, datasetId, version, fileName) {
        const result = await t.call({
          method: 'GET',
          path: `${datasetPath(datasetId)}/v/${segment(version)}/n/${segment(fileName)}`,
          query: { workspaceId },
        });
        return result.text;
      },
    };
  },
);

/** CreateDatasetRequest / UpdateDatasetRequest. */
export interface DatasetRequest {
  name: string;
  description?: string;
}

export interface DatasetWrites {
  /** Answers 409 when the name exists. */
  createDataset(workspaceId: number, body: DatasetRequest): Promise<DatasetDto>;
  updateDataset(workspaceId: number, datasetId: string, body: DatasetRequest): Promise<void>;
  /** Deletes the dataset with all its versions. */
  deleteDataset(workspaceId: number, datasetId: string): Promise<void>;
  /** Multipart upload of a new version (`?header=`); returns the version made. */
  uploadDatasetVersion(
    workspaceId: number,
    datasetId: string,
    file: { readonly name: string; readonly content: Uint8Array; readonly mediaType: string },
    header: boolean,
  ): Promise<DatasetVersionDto>;
  /** Sets the dataset's labels to exactly `labelIds`. */
  applyDatasetLabels(workspaceId: number, datasetId: string, labelIds: readonly number[]): Promise<void>;
}

/** The datasets kind's own write endpoints. */
export const datasetWrites = operations(
  'datasets (writes)',
  ({ transport: t }: OperationsContext): DatasetWrites => {
    return {
      async createDataset(workspaceId, body) {
        const result = await t.call({ method: 'POST', path: '/datasets', query: { workspaceId }, body });
        return decodeMember(result.body, 'dataset', contextOf(result), decodeDataset);
      },
      async updateDataset(workspaceId, datasetId, body) {
        await t.call({ method: 'PUT', path: datasetPath(datasetId), query: { workspaceId }, body });
      },
      async deleteDataset(workspaceId, datasetId) {
        await t.call({ method: 'DELETE', path: datasetPath(datasetId), query: { workspaceId } });
      },
      async uploadDatasetVersion(workspaceId, datasetId, file, header) {
        const form = new FormData();
        form.append('file', new Blob([file.content], { type: file.mediaType }), file.name);
        // A resend can at worst add one more version with the same content (never a second dataset),
        // which the next plan finds equal: the upload may be retried after an ambiguous failure.
        const result = await t.call({
          method: 'POST',
          path: `${datasetPath(datasetId)}/upload`,
          query: { workspaceId, header },
          body: form,
          replaySafe: true,
        });
        return decodeMember(result.body, 'version', contextOf(result), decodeDatasetVersion);
      },
      async applyDatasetLabels(workspaceId, datasetId, labelIds) {
        await t.call({
          method: 'POST',
          path: '/datasets/labels/apply',
          query: { workspaceId },
          body: { datasetIds: [datasetId], labelIds: [...labelIds] },
          replaySafe: true,
        });
      },
    };
  },
);

/** A dataset as listed (DatasetDto, with its labels) and its latest version (DatasetVersionDto) → the live dataset. */
export function mapDatasetVersion(dto: DatasetVersionDto, sha256?: string): ActualDatasetVersion {
  return {
    version: dto.version,
    fileName: dto.fileName ?? '',
    ...(dto.fileSize === undefined || dto.fileSize === null ? {} : { size: dto.fileSize }),
    header: dto.hasHeader === true,
    ...(sha256 === undefined ? {} : { sha256 }),
  };
}

export function mapDataset(dto: DatasetDto, latest: ActualDatasetVersion | undefined): ActualDataset {
  const description = dto.description ?? undefined;
  return {
    id: dto.id,
    name: dto.name,
    ...(description === undefined || description === '' ? {} : { description }),
    labels: (dto.labels ?? []).map((l) => l.name).sort(),
    ...(latest === undefined ? {} : { latest }),
  };
}
