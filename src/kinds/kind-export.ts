/**
 * The export facet of a kind: how its live objects become the items of a
 * file (`seqera-sync export`). Two parts make a file:
 *
 * - the kind the file stands for (the organisation, a workspace) gives a
 *   `file` facet: the file's own keys (its header) and the final check of
 *   the whole content;
 * - the kinds that live in it give an `items` facet: the key of their
 *   collection in the file and the mapping of the live objects to items.
 *
 * The exporter (`src/export/build-export.ts`) maps the organisation file,
 * then one file per workspace; within a file it maps the kinds in the
 * registry's order (a kind after those it `uses`), and writes the header,
 * then the collections in the registry's order, with `ignore` where the file
 * facet puts it. What one kind needs from another (a compute environment
 * names an exported credential) is declared in `uses` and read through
 * `ExportContext.exported`, never by importing the other kind.
 */
import type { ApiClient } from '../api/api-client.js';
import type { FileKind } from '../formats/schema-validator.js';
import type { WrittenOrganization, WrittenWorkspace } from '../formats/written.js';
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import type { SourceRef } from '../model/diagnostics.js';
import type { MapContext } from './kit/export-context.js';
import type { ExportModel } from './kit/export-model.js';
import type { MutableRecord } from './kit/item-check.js';

/** The live object each file is mapped from. */
export interface ExportSources {
  readonly organization: ActualOrg;
  readonly workspace: ActualWorkspace;
}

/** The content each file is written with. */
export interface ExportContents {
  readonly organization: WrittenOrganization;
  readonly workspace: WrittenWorkspace;
}

/** An object a kind wrote to a file, as the kinds that `use` it see it. */
export interface ExportedObject {
  /** Its live id, when it has one. */
  readonly id?: string;
  /** The name (or email) the file gives it. */
  readonly name: string;
  /** Its sort, when others need it (a credential's provider). */
  readonly type?: string;
}

/** One file's mapping state, with what the kinds a kind `uses` exported. */
export interface ExportContext extends MapContext {
  /** The token's own user (lower-cased). */
  readonly tokenEmail: string;
  /**
   * The objects a kind named in `uses` (by id) wrote in this export: its
   * own file's, or the organisation file's; undefined when that file is not
   * written by this export.
   */
  readonly exported: (kindId: string) => readonly ExportedObject[] | undefined;
}

/** A kind's items of one file, and what other kinds may reference. */
export interface ExportedItems {
  readonly items: readonly MutableRecord[];
  /** What it wrote, for the kinds that `use` it (a kind that nobody uses may leave it out). */
  readonly exported?: readonly ExportedObject[];
}

/** The facet of the kind a file stands for. */
export interface FileExport<F extends FileKind> {
  readonly part: 'file';
  readonly file: F;
  /**
   * The file's own keys in the order they are written; undefined when the
   * file cannot be written (a warning says why).
   */
  readonly header: (ctx: ExportContext, live: ExportSources[F]) => MutableRecord | undefined;
  /** Where the file's `ignore` lists go: between the header and the collections, or after the collections. */
  readonly ignore: 'before-items' | 'after-items';
  /**
   * The whole content checked (and escaped for interpolation) as it will be
   * written; undefined when it is not written (a warning says why, and the
   * variables its items allocated are dropped). May throw a SyncError when a
   * failure must stop the export.
   */
  readonly check: (
    ctx: ExportContext,
    content: MutableRecord,
    live: ExportSources[F],
  ) => ExportContents[F] | undefined;
}

/** The facet of a kind whose objects are items of a file. */
export interface ItemsExport<F extends FileKind> {
  readonly part: 'items';
  readonly file: F;
  /** The key of its collection in the file (`credentials`). */
  readonly key: string;
  /**
   * Ids of the kinds whose exported objects its mapping reads (through
   * `ExportContext.exported`): they are mapped first. A kind of the
   * organisation file may use only kinds of that file.
   */
  readonly uses?: readonly string[];
  /**
   * Keys (its own or nested in its items) whose list items are written as
   * one-line flow maps when they are short (`{ email: x, role: y }`).
   */
  readonly flowItems?: readonly string[];
  /** Shown after the variables the files reference, when there are any. */
  readonly variablesReport?: VariablesReport;
  /**
   * The desired list (under `key`) that makes the reader read everything
   * the export writes of the kind; without it an empty list, as a managed
   * collection is read whole. Asked of the organisation file's kinds when
   * that file is written (teams list themselves, so that each team's
   * members are read).
   */
  readonly readAll?: (ctx: ExportReadContext) => Promise<readonly unknown[]>;
  /** Maps the file's live object's objects of this kind (items in the order written). */
  readonly map: (ctx: ExportContext, live: ExportSources[F]) => ExportedItems;
}

/** What a kind's `readAll` may use. */
export interface ExportReadContext {
  readonly client: ApiClient;
  readonly orgId: number;
  /** The position the export's synthetic declarations carry. */
  readonly source: SourceRef;
}

/** What the export's report says about a kind's items that reference variables. */
export interface VariablesReport {
  /**
   * What plans do with its items until their variables are set: a clause;
   * the kinds' clauses make one sentence, in the registry's order.
   */
  readonly untilSet?: string;
  /** Lines on what the first plan once the variables are set does with its items (none when nothing). */
  readonly onceSet?: (model: ExportModel) => readonly string[];
}

/** A kind's export facet. */
export type KindExport =
  | FileExport<'organization'>
  | FileExport<'workspace'>
  | ItemsExport<'organization'>
  | ItemsExport<'workspace'>;
