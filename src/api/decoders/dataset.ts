/**
 * Datasets (DatasetDto) and their versions (DatasetVersionDto): the
 * workspace's list (`GET /datasets`, with `attributes=labels`), the answer of
 * a create (CreateDatasetResponse `{dataset}`), the latest versions
 * (`GET /datasets/versions`) and an upload's answer
 * (UploadDatasetVersionResponse `{version}`). Recorded platforms send
 * `description: null` and no `fileSize` on older versions.
 */
import type { DatasetDto, DatasetVersionDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { decodeLabel } from './label.js';
import { opt } from './optional.js';

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
