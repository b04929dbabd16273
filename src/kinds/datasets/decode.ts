/** A dataset as listed (DatasetDto, with its labels) and its latest version (DatasetVersionDto) → the live dataset. */
import type { DatasetDto, DatasetVersionDto } from '../../api/dataset-operations.js';
import type { ActualDataset, ActualDatasetVersion } from './model.js';

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
