/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: datasets in a workspace file: unique by name; `header` defaults to false.
 * Each entry's file is checked here (a bare name of a regular UTF-8 CSV/TSV
 * file, at most 10 MB, in the workspace's own datasets folder), with the
 * error on the entry's `file`; the desired dataset carries the file's size
 * and digest, never its content. Labels named by a dataset must be declared
 * under `labels` when the file manages labels.
 *
 * Export: live datasets → `datasets:` entries of a workspace file, by name, each
 * with its latest version's file name and header flag, its labels and its
 * description; the latest version's content is attached as
 * `datasets/<workspace>/<file>` beside the workspace file. A dataset the
 * file cannot declare (no version yet, a file name that is not a bare
 * `.csv`/`.tsv` name — never a path — or a name the schema refuses) is left
 * out and listed under `ignore.datasets`.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { SyncError } from '../../errors.js';
import { collectionLoad } from '../kind-load.js';
import { suitsSimpleLabel } from '../labels/reference.js';
import { checkDatasetFile, datasetsFolderOf } from './dataset-file.js';
import path from 'node:path';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { leaveOut, nameOrder } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';
import { DATASETS_FOLDER, fileNameProblem } from './dataset-file.js';
import { datasetReads } from './api.js';
import { byName } from '../kit/load-identity.js';

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
  for (const dataset of [...(ws.datasets ?? [])].sort(nameOrder)) {
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
      read: (client) => client.use(datasetReads).downloadDatasetVersion(ws.id, id, version, fileName),
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

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  workspace: {
    properties: {
      datasets: {
        type: 'array',
        items: {
          $ref: '#/$defs/dataset',
        },
        description:
          "Datasets (sample sheets, CSV or TSV) of the workspace, identified by name. Each one's content is a file in <org>/datasets/<workspace>/ beside the workspace files.",
      },
    },
    $defs: {
      dataset: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'file'],
        properties: {
          name: {
            type: 'string',
            description: 'Dataset name, unique in the workspace.',
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
            patternErrorMessage:
              "must be 2 to 39 letters or digits, optionally joined by single '-' or '_' (no leading, trailing or doubled '-'/'_')",
          },
          description: {
            type: 'string',
            maxLength: 1000,
            description: 'What the dataset holds. Updated in place.',
          },
          file: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            description:
              "A bare file name (.csv or .tsv) in <org>/datasets/<workspace>/: the dataset's content. A changed file uploads a new version.",
          },
          header: {
            type: 'boolean',
            default: false,
            description: "The file's first line holds the column names. Default false.",
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
              pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
              patternErrorMessage: "must be a simple label's name",
            },
            uniqueItems: true,
            description:
              "Simple workspace labels of the dataset, by name; updated in place. Absent: the dataset's labels are left as they are.",
          },
        },
      },
    },
  },
  collections: {
    datasets: collectionSchema(
      'Delete datasets (with all their versions) that exist on the platform but are not declared.',
      'Acknowledged extra datasets (by name): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      dataset: 'datasetAction',
    },
    $defs: {
      datasetAction: planActionSchema('dataset', ['create', 'update', 'delete'], {
        extra: {
          uploads: {
            const: true,
            description:
              "The declared file is uploaded as a new version (a create's first version, or an update's new one).",
          },
        },
      }),
      datasetDesired: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'file', 'header', 'size', 'sha256', 'path'],
        properties: {
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          file: {
            type: 'string',
            description: 'The bare file name a version is uploaded under.',
          },
          header: {
            type: 'boolean',
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: "Simple label names; absent when the dataset's labels are not managed.",
          },
          size: {
            type: 'integer',
            minimum: 0,
            description: "The file's size in bytes.",
          },
          sha256: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            description: "SHA-256 of the file's bytes (the content itself is never in the plan).",
          },
          path: {
            type: 'string',
            description:
              'Where the file was read when the plan was made; apply reads it there and checks the digest.',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      datasetCurrent: {
        type: 'object',
        required: ['id', 'name', 'labels'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          latest: {
            type: 'object',
            required: ['version', 'fileName', 'header'],
            properties: {
              version: {
                type: 'integer',
              },
              fileName: {
                type: 'string',
              },
              size: {
                type: 'integer',
              },
              header: {
                type: 'boolean',
              },
              sha256: {
                type: 'string',
              },
            },
          },
        },
      },
    },
  },
};
