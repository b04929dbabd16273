/**
 * Live datasets → `datasets:` entries of a workspace file, by name, each
 * with its latest version's file name and header flag, its labels and its
 * description; the latest version's content is attached as
 * `datasets/<workspace>/<file>` beside the workspace file. A dataset the
 * file cannot declare (no version yet, a file name that is not a bare
 * `.csv`/`.tsv` name — never a path — or a name the schema refuses) is left
 * out and listed under `ignore.datasets`.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { byName, leaveOut } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';
import { DATASETS_FOLDER, fileNameProblem } from './dataset-file.js';

type Dataset = NonNullable<ActualWorkspace['datasets']>[number];

function itemOf(dataset: Dataset, fileName: string, header: boolean): MutableRecord {
  return {
    name: dataset.name,
    ...(dataset.description === undefined ? {} : { description: dataset.description }),
    file: fileName,
    header,
    ...(dataset.labels.length === 0 ? {} : { labels: [...dataset.labels].sort() }),
  };
}

function mapDatasets(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  const files = new Set<string>();
  for (const dataset of [...(ws.datasets ?? [])].sort(byName)) {
    const where = address.dataset(ctx.org, ws.name, dataset.name);
    const latest = dataset.latest;
    if (latest === undefined) {
      leaveOut(ctx, 'datasets', dataset.name, where, 'it has no version to write as its file');
      continue;
    }
    const problem = fileNameProblem(latest.fileName);
    if (problem !== undefined) {
      leaveOut(ctx, 'datasets', dataset.name, where, `its file name cannot be written: ${problem}`);
      continue;
    }
    if (files.has(latest.fileName.toLowerCase())) {
      leaveOut(
        ctx,
        'datasets',
        dataset.name,
        where,
        `another dataset's file is also named ${latest.fileName}`,
      );
      continue;
    }
    const checked = checkItem(
      ctx.schema,
      'workspace',
      'datasets',
      itemOf(dataset, latest.fileName, latest.header),
      noFix,
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'datasets', dataset.name, where, checked.problem ?? 'invalid');
      continue;
    }
    files.add(latest.fileName.toLowerCase());
    items.push(checked.item);
    const { id } = dataset;
    const { version, fileName } = latest;
    ctx.sink.attachments.push({
      path: [DATASETS_FOLDER, ws.name, fileName],
      read: (client) => client.downloadDatasetVersion(ws.id, id, version, fileName),
    });
  }
  return { items, exported: items.map((item) => ({ name: String(item['name']) })) };
}

export const datasetsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'datasets',
  flowItems: [],
  map: mapDatasets,
};
