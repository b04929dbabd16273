/**
 * What creating a dataset costs (the bench's lower bound): 1 POST
 * /datasets (name and description), then, once it exists, its first
 * version's upload (1 POST) and, when it declares labels, the labels
 * applied apart (1 POST: a create takes none). A seeded dataset's live
 * sizes are what its read facet prices: how many latest versions the
 * platform lists, and each latest version's size under its file name
 * (`latestFileSizeKey`), which decides whether the reader downloads it.
 */
import type { ResourceWrites } from '../kind.js';
import { latestFileSizeKey } from './read.js';

export const DATASET_CREATE_ROUTE = 'POST /datasets';
export const DATASET_UPLOAD_ROUTE = 'POST /datasets/{id}/upload';
export const DATASET_LABELS_ROUTE = 'POST /datasets/labels/apply';

/** A seeded dataset, as much of it as its live sizes need (see `DatasetSeed`). */
interface SeededDataset {
  readonly name?: unknown;
  readonly versions?: readonly { readonly fileName?: unknown; readonly content?: unknown }[];
}

function datasetSeedSizes(ws: object): Readonly<Record<string, number>> {
  const { datasets } = ws as { readonly datasets?: readonly SeededDataset[] };
  const sizes: Record<string, number> = {};
  let latest = 0;
  for (const dataset of datasets ?? []) {
    const version = dataset.versions?.at(-1);
    if (version === undefined) continue;
    latest++;
    if (typeof dataset.name !== 'string' || typeof version.fileName !== 'string') continue;
    const content = typeof version.content === 'string' ? version.content : '';
    sizes[latestFileSizeKey(dataset.name, version.fileName)] = Buffer.byteLength(content, 'utf8');
  }
  return { datasetVersions: latest, ...sizes };
}

export const datasetWrites: ResourceWrites = {
  create: DATASET_CREATE_ROUTE,
  afterCreate: (item) => {
    const labels = item['labels'];
    return [
      DATASET_UPLOAD_ROUTE,
      ...(Array.isArray(labels) && labels.length > 0 ? [DATASET_LABELS_ROUTE] : []),
    ];
  },
  seedSizes: datasetSeedSizes,
};
