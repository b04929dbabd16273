/**
 * Datasets (`/datasets?workspaceId=`): the list (with labels), the latest
 * version of each, create, update, delete, a version's upload (multipart)
 * and download, and the labels of a dataset (`/datasets/labels/apply`,
 * which replaces the whole set).
 */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { decodeDataset, decodeDatasetVersion } from './decoders/dataset.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { decodeMember } from './response-shape.js';
import type { Transport } from './transport.js';

export type DatasetOperations = Pick<
  ApiClient,
  | 'listDatasets'
  | 'listLatestDatasetVersions'
  | 'createDataset'
  | 'updateDataset'
  | 'deleteDataset'
  | 'uploadDatasetVersion'
  | 'downloadDatasetVersion'
  | 'applyDatasetLabels'
>;

export function datasetOperations(t: Transport, pageSize?: number): DatasetOperations {
  const dataset = (datasetId: string): string => `/datasets/${segment(datasetId)}`;
  return {
    listDatasets: (workspaceId) =>
      paginate(t, '/datasets', { workspaceId, attributes: 'labels' }, 'datasets', decodeDataset, pageSize),
    listLatestDatasetVersions: (workspaceId) =>
      paginate(t, '/datasets/versions', { workspaceId }, 'versions', decodeDatasetVersion, pageSize),
    async createDataset(workspaceId, body) {
      const result = await t.call({ method: 'POST', path: '/datasets', query: { workspaceId }, body });
      return decodeMember(result.body, 'dataset', contextOf(result), decodeDataset);
    },
    async updateDataset(workspaceId, datasetId, body) {
      await t.call({ method: 'PUT', path: dataset(datasetId), query: { workspaceId }, body });
    },
    async deleteDataset(workspaceId, datasetId) {
      await t.call({ method: 'DELETE', path: dataset(datasetId), query: { workspaceId } });
    },
    async uploadDatasetVersion(workspaceId, datasetId, file, header) {
      const form = new FormData();
      form.append('file', new Blob([file.content], { type: file.mediaType }), file.name);
      // A resend can at worst add one more version with the same content (never a second dataset),
      // which the next plan finds equal: the upload may be retried after an ambiguous failure.
      const result = await t.call({
        method: 'POST',
        path: `${dataset(datasetId)}/upload`,
        query: { workspaceId, header },
        body: form,
        replaySafe: true,
      });
      return decodeMember(result.body, 'version', contextOf(result), decodeDatasetVersion);
    },
    async downloadDatasetVersion(workspaceId, datasetId, version, fileName) {
      const result = await t.call({
        method: 'GET',
        path: `${dataset(datasetId)}/v/${segment(version)}/n/${segment(fileName)}`,
        query: { workspaceId },
      });
      return result.text;
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
}
