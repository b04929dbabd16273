/**
 * Datasets in a workspace file: unique by name; `header` defaults to false.
 * Each entry's file is checked here (a bare name of a regular UTF-8 CSV/TSV
 * file, at most 10 MB, in the workspace's own datasets folder), with the
 * error on the entry's `file`; the desired dataset carries the file's size
 * and digest, never its content. Labels named by a dataset must be declared
 * under `labels` when the file manages labels.
 */
import { opt } from '../../api/decoders/optional.js';
import { SyncError } from '../../errors.js';
import { collectionLoad } from '../kind-load.js';
import { byName } from '../kit/load-identity.js';
import { suitsSimpleLabel } from '../labels/reference.js';
import { checkDatasetFile, datasetsFolderOf } from './dataset-file.js';
import path from 'node:path';

export const datasetsLoad = collectionLoad({
  file: 'workspace',
  key: 'datasets',
  resource: 'dataset',
  what: 'dataset',
  identity: byName,
  normalise: (d, from) => {
    const workspace = path.basename(from.filePath).replace(/\.yaml$/, '');
    const checked = checkDatasetFile(from.filePath, workspace, d.file);
    if (!checked.ok) {
      // The check ran at validation; the file changed since.
      throw new SyncError(
        `${from.source.file}:${String(from.source.line)}: dataset ${d.name}: ${checked.problem}`,
      );
    }
    return {
      name: d.name,
      ...opt('description', d.description),
      file: d.file,
      header: d.header ?? false,
      ...opt('labels', d.labels),
      size: checked.content.size,
      sha256: checked.content.sha256,
      path: path.join(datasetsFolderOf(from.filePath, workspace), d.file),
      source: from.source,
    };
  },
  suits: { labels: suitsSimpleLabel('a dataset') },
  // Where the file was read from is not part of the dataset: its content is its digest.
  whereFrom: ['path'],
  checks: [
    (list) => {
      const workspace = path.basename(list.filePath).replace(/\.yaml$/, '');
      list.items.forEach((item, index) => {
        const checked = checkDatasetFile(list.filePath, workspace, item.file);
        if (!checked.ok) list.report(list.pointer(index, 'file'), checked.problem);
      });
    },
  ],
});
