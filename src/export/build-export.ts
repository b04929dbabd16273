/**
 * The pure core of `export`: live state of one organisation → the files to
 * write, the variables they reference and the warnings. No IO: the caller
 * reads the platform (read-live.ts) and writes the files (write-files.ts).
 *
 * The files are made by the kinds' export facets (export-layout.ts): the
 * organisation file (when the whole organisation is exported), then one file
 * per selected workspace, by name. A file is its kind's header, then each
 * kind's collection; what a kind exported is visible to the kinds that use
 * it, in its own file and, for the organisation file's kinds, in every
 * workspace file.
 */
import type { FileKind } from '../formats/schema-validator.js';
import type { ActualOrg } from '../model/actual.js';
import type { ExportSchema } from '../kinds/kit/export-schema.js';
import { newSink, type ExportedFile, type ExportModel, type ExportSink } from '../kinds/kit/export-model.js';
import { COLLECTION_KINDS } from '../kinds/collections.js';
import { ignoreOf, nameOrder, type MapContext } from '../kinds/kit/export-context.js';
import type { MutableRecord } from '../kinds/kit/item-check.js';
import { VariableNames } from '../kinds/kit/variable-names.js';
import type { ExportContents, ExportContext, ExportedObject, ExportSources } from '../kinds/kind-export.js';
import { EXPORT_LAYOUT, type ExportLayout, type FileLayout } from './export-layout.js';

export interface BuildExportInput {
  /** The organisation as read: its own collections when `withOrganization`, the selected workspaces' collections. */
  readonly org: ActualOrg;
  /** The token's own user (lower-cased), from `GET /user-info`. */
  readonly tokenEmail: string;
  /** Write `organization.yaml`: the whole-organisation export. */
  readonly withOrganization: boolean;
  /** Names of the workspaces to write. */
  readonly workspaces: readonly string[];
}

/** What the mapping of every file shares. */
interface Shared {
  readonly org: string;
  readonly tokenEmail: string;
  readonly schema: ExportSchema;
  readonly names: VariableNames;
  readonly sink: ExportSink;
}

/** What kinds exported so far, by kind id. */
type Exported = Map<string, readonly ExportedObject[]>;

export function buildExport(
  input: BuildExportInput,
  schema: ExportSchema,
  layout: ExportLayout = EXPORT_LAYOUT,
): ExportModel {
  const shared: Shared = {
    org: input.org.name,
    tokenEmail: input.tokenEmail,
    schema,
    names: new VariableNames(),
    sink: newSink(),
  };
  const files: ExportedFile[] = [];
  const orgExported: Exported = new Map();
  if (input.withOrganization) {
    const content = mapFile(shared, layout.organization, input.org, 'organization', orgExported);
    if (content !== undefined) files.push({ kind: 'organization', name: 'organization', content });
  }
  const selected = new Set(input.workspaces);
  for (const ws of [...input.org.workspaces].sort(nameOrder)) {
    if (!selected.has(ws.name)) continue;
    const content = mapFile(shared, layout.workspace, ws, ws.name, new Map(orgExported));
    if (content !== undefined) files.push({ kind: 'workspace', name: ws.name, content });
  }
  return {
    org: shared.org,
    files,
    variables: shared.sink.variables,
    unfingerprinted: shared.sink.unfingerprinted,
    warnings: shared.sink.warnings,
    attachments: shared.sink.attachments,
  };
}

/** One file's content, or undefined when it is not written (its kind's warning says why). */
function mapFile<F extends FileKind>(
  shared: Shared,
  layout: FileLayout<F>,
  live: ExportSources[F],
  name: string,
  exported: Exported,
): ExportContents[F] | undefined {
  const base: MapContext = {
    org: shared.org,
    schema: shared.schema,
    names: shared.names,
    sink: shared.sink,
    file: `${shared.org}/${name}.yaml`,
    ignore: {},
  };
  const contextOf = (kindId: string, uses: readonly string[]): ExportContext => ({
    ...base,
    tokenEmail: shared.tokenEmail,
    exported: (used) => {
      if (!uses.includes(used)) {
        throw new Error(
          `internal: the export of ${kindId} reads what ${used} exported without declaring it in uses`,
        );
      }
      return exported.get(used);
    },
  });
  const fileContext = contextOf(`the ${name} file`, []);
  const header = layout.file.header(fileContext, live);
  if (header === undefined) return undefined;
  const { sink } = shared;
  const mark = {
    variables: sink.variables.length,
    unfingerprinted: sink.unfingerprinted.length,
    attachments: sink.attachments.length,
  };
  const collections = new Map<string, readonly MutableRecord[]>();
  for (const { id, facet } of layout.mapped) {
    const result = facet.map(contextOf(id, facet.uses ?? []), live);
    collections.set(facet.key, result.items);
    if (result.exported !== undefined) exported.set(id, result.exported);
  }
  const items: MutableRecord = Object.fromEntries(
    layout.written.flatMap(({ facet }): [string, unknown][] => {
      const mapped = collections.get(facet.key) ?? [];
      if (facet.single !== true) return [[facet.key, [...mapped]]];
      const [first] = mapped;
      return first === undefined ? [] : [[facet.key, first]];
    }),
  );
  const ignoreValue = ignoreOf(base.ignore, COLLECTION_KINDS);
  const ignore = ignoreValue === undefined ? {} : { ignore: ignoreValue };
  const content =
    layout.file.ignore === 'before-items'
      ? { ...header, ...ignore, ...items }
      : { ...header, ...items, ...ignore };
  const checked = layout.file.check(fileContext, content, live);
  if (checked === undefined) {
    // Nothing of this file is written: the variables its items referenced are not needed.
    sink.variables.length = mark.variables;
    sink.unfingerprinted.length = mark.unfingerprinted;
    sink.attachments.length = mark.attachments;
  }
  return checked;
}
