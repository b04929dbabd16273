/**
 * What the kinds' export facets (`src/kinds/kind-export.ts`) make of the
 * files: for each file, the kind it stands for, the kinds whose items it
 * holds in the order their collections are written (the registry's), and
 * the order they are mapped in (each after the kinds of that file it uses,
 * ties broken by the registry's order); and the keys whose list items are
 * written as flow maps. Checked once, when the layout is made: one kind per
 * file, one kind per collection key, and `uses` that name a kind with items,
 * of the organisation file or of the same file, without cycles.
 */
import type { FileKind } from '../formats/schema-validator.js';
import { KINDS } from '../kinds/index.js';
import type { Kind } from '../kinds/kind.js';
import { dependencyOrder } from '../kinds/kit/dependency-order.js';
import type { FileExport, ItemsExport, KindExport, VariablesReport } from '../kinds/kind-export.js';

/** A kind's items facet, with the kind's id. */
export interface KindItems<F extends FileKind> {
  readonly id: string;
  readonly facet: ItemsExport<F>;
}

export interface FileLayout<F extends FileKind> {
  /** The facet of the kind the file stands for. */
  readonly file: FileExport<F>;
  /** The kinds with items in the file, in the order their collections are written. */
  readonly written: readonly KindItems<F>[];
  /** The same kinds in the order they are mapped. */
  readonly mapped: readonly KindItems<F>[];
}

export interface ExportLayout {
  readonly organization: FileLayout<'organization'>;
  readonly workspace: FileLayout<'workspace'>;
  /** Keys whose list items are written as one-line flow maps when short. */
  readonly flowItemKeys: ReadonlySet<string>;
  /** The kinds' notes on their items that reference variables, in the registry's order. */
  readonly variablesReports: readonly VariablesReport[];
}

function isFileFacet<F extends FileKind>(
  facet: KindExport | undefined,
  file: F,
): facet is KindExport & FileExport<F> {
  return facet?.part === 'file' && facet.file === file;
}

function isItemsFacet<F extends FileKind>(
  facet: KindExport | undefined,
  file: F,
): facet is KindExport & ItemsExport<F> {
  return facet?.part === 'items' && facet.file === file;
}

function fileLayout<F extends FileKind>(kinds: readonly Kind[], file: F): FileLayout<F> {
  const owners = kinds.filter((kind) => isFileFacet(kind.export, file));
  const owner = owners[0]?.export;
  if (owners.length !== 1 || !isFileFacet(owner, file)) {
    throw new Error(
      `the ${file} file needs exactly one kind with its file facet, found ${owners.length === 0 ? 'none' : owners.map((k) => k.id).join(', ')}`,
    );
  }
  const written: KindItems<F>[] = [];
  for (const kind of kinds) {
    const facet = kind.export;
    if (!isItemsFacet(facet, file)) continue;
    const clash = written.find((other) => other.facet.key === facet.key);
    if (clash !== undefined) {
      throw new Error(`kinds ${clash.id} and ${kind.id} both write the key ${facet.key} of the ${file} file`);
    }
    written.push({ id: kind.id, facet });
  }
  return { file: owner, written, mapped: mappingOrder(written, file) };
}

/** Each kind after the kinds of the same file it uses; ties in the given order. */
function mappingOrder<F extends FileKind>(items: readonly KindItems<F>[], file: F): KindItems<F>[] {
  return dependencyOrder(
    items,
    (item) => item.id,
    (item) => item.facet.uses ?? [],
    (left) =>
      new Error(`the export facets' "uses" form a cycle among ${left.join(', ')} in the ${file} file`),
  );
}

/** Every `uses` names a kind with items of the organisation file or of the user's own file. */
function checkUses(kinds: readonly Kind[]): void {
  const fileOf = new Map<string, FileKind>();
  for (const kind of kinds) if (kind.export?.part === 'items') fileOf.set(kind.id, kind.export.file);
  for (const kind of kinds) {
    const facet = kind.export;
    if (facet?.part !== 'items') continue;
    for (const used of facet.uses ?? []) {
      const usedFile = fileOf.get(used);
      if (usedFile === undefined) {
        throw new Error(`kind ${kind.id} uses ${used}, which exports no items`);
      }
      if (usedFile !== 'organization' && usedFile !== facet.file) {
        throw new Error(
          `kind ${kind.id} (${facet.file} file) uses ${used}, whose items are in the ${usedFile} file`,
        );
      }
    }
  }
}

export function exportLayout(kinds: readonly Kind[]): ExportLayout {
  checkUses(kinds);
  const flowItemKeys = new Set(
    kinds.flatMap((kind) => (kind.export?.part === 'items' ? (kind.export.flowItems ?? []) : [])),
  );
  const variablesReports = kinds.flatMap((kind) =>
    kind.export?.part === 'items' && kind.export.variablesReport !== undefined
      ? [kind.export.variablesReport]
      : [],
  );
  return {
    organization: fileLayout(kinds, 'organization'),
    workspace: fileLayout(kinds, 'workspace'),
    flowItemKeys,
    variablesReports,
  };
}

/** The layout of the registry's kinds. */
export const EXPORT_LAYOUT: ExportLayout = exportLayout(KINDS);
