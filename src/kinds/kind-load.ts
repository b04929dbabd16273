/**
 * How a kind's collection is read from the configuration files (its load
 * facet). The loader (`src/config/`) iterates the kinds that give one and
 * names no kind itself:
 * - `normalise.ts` turns each item of the list under `key` in the kind's
 *   `file` into its desired object (the desired state keeps it under the same
 *   key);
 * - the duplicate rule reports every repeat of an item's `identity` in the
 *   list (and in its `nested` lists), as `duplicate <what> '<label>'`;
 * - `checks` are the kind's own rules over its list (at most one primary
 *   compute environment...), run when the file declares the list;
 * - the reference rule checks each of the resource's `references` marked
 *   `checkedOnLoad`: the name must be one of the referenced kind's items
 *   declared in the files, when that collection is declared there at all
 *   (an unmanaged one is looked up on the platform at plan time).
 */
import type { DesiredOrg, DesiredWorkspace } from '../model/desired.js';
import type { SourceRef } from '../model/diagnostics.js';
import type { ResourceKind, SecretRef } from '../model/resources.js';
import type { WrittenOrganization, WrittenWorkspace } from '../formats/written.js';

/** The configuration files: one per organisation, one per workspace. */
export type ConfigFile = 'organization' | 'workspace';

interface FileShapes {
  readonly organization: { readonly written: WrittenOrganization; readonly desired: DesiredOrg };
  readonly workspace: { readonly written: WrittenWorkspace; readonly desired: DesiredWorkspace };
}

type ListKeys<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never;
}[keyof T];
type ItemOf<T> = T extends readonly (infer I)[] ? I : never;

/** The desired state of a whole file (an organisation, a workspace). */
export type DesiredFile<F extends ConfigFile> = FileShapes[F]['desired'];

/** A key of `file` that holds a list both as written and in the desired state. */
export type CollectionKey<F extends ConfigFile> = ListKeys<FileShapes[F]['written']> &
  ListKeys<FileShapes[F]['desired']>;
/** One item of the list as written (validated, no defaults applied). */
export type WrittenItem<F extends ConfigFile, K extends CollectionKey<F>> = ItemOf<
  NonNullable<FileShapes[F]['written'][K]>
>;
/** One item of the list in the desired state. */
export type DesiredItem<F extends ConfigFile, K extends CollectionKey<F>> = ItemOf<
  NonNullable<FileShapes[F]['desired'][K]>
>;

/** What makes an item unique in its list. */
export interface Identity {
  /** Compared for equality (emails trimmed and lower-cased). */
  readonly key: string;
  /** The item's field a repeat is reported at (`''`: the item itself). */
  readonly field: string;
  /** How the item is named in messages (its name as written). */
  readonly label: string;
}

/** A list inside an item whose entries must be unique too (a team's member emails). */
export interface NestedList {
  /** The item's field holding the list. */
  readonly field: string;
  /** Its entries' name in messages (`member of team core`). */
  readonly what: string;
  readonly items: readonly string[] | undefined;
  readonly identity: (entry: string) => Identity;
}

/** What normalising an item may ask of its file. */
export interface ItemSource {
  /** The item's JSON pointer, e.g. `/credentials/2`. */
  readonly pointer: string;
  /** The item's position (file, line, column, pointer). */
  readonly source: SourceRef;
  /** The file's absolute path (files it names are found beside it). */
  readonly filePath: string;
  /** The position of any pointer of the file. */
  readonly at: (pointer: string) => SourceRef;
  /** A secret field as validation left it: a `SecretRef` (anything else is an internal error). */
  readonly secretRef: (value: unknown, pointer: string) => SecretRef;
  /** Variable name → position of its first `${NAME}` at or under `pointer`; undefined when there is none. */
  readonly variableSources: (pointer: string) => Readonly<Record<string, SourceRef>> | undefined;
}

/** What a kind's own checks of its list see (rules a schema cannot express). */
export interface ListCheck<I, W> {
  /** The list as written (the checks run only when the file declares it). */
  readonly items: readonly I[];
  /** The whole file (a workspace's visibility). */
  readonly file: W;
  /** The file's absolute path, and as messages show it (files it names are found beside it). */
  readonly filePath: string;
  readonly fileDisplay: string;
  /** The organisation file, when it exists and loaded cleanly (its policy). */
  readonly organization: WrittenOrganization | undefined;
  /** The JSON pointer of the list itself (`/participants`). */
  readonly listPointer: string;
  /** The JSON pointer of an item, or of a field inside it: `pointer(2, 'config', 'region')`. */
  readonly pointer: (index: number, ...fields: readonly string[]) => string;
  /** The line a pointer of the file is at (for "first declared at line N"). */
  readonly line: (pointer: string) => number;
  /** Reports an error at a pointer of the file. */
  readonly report: (pointer: string, message: string) => void;
}

/** A kind's collection in one configuration file, typed by the file's shapes. */
export interface CollectionLoad<F extends ConfigFile, K extends CollectionKey<F>> {
  readonly file: F;
  /** The list's key in the file and in the desired state. */
  readonly key: K;
  /** The plan resource its items become (whose `references` the loader checks). */
  readonly resource: ResourceKind;
  /** An item's name in messages (`compute environment`). */
  readonly what: string;
  /** The item's identity; undefined skips the item in the duplicate check. */
  readonly identity: (item: WrittenItem<F, K>) => Identity | undefined;
  readonly nested?: (item: WrittenItem<F, K>) => readonly NestedList[];
  /** Written item → desired object (defaults applied, emails lower-cased, secrets as `SecretRef`s). */
  readonly normalise: (item: WrittenItem<F, K>, from: ItemSource) => DesiredItem<F, K>;
  /**
   * Fields of the desired object that say where it was read from, like its
   * `source` (a dataset's absolute `path`): the saved plan's desired digest
   * leaves them out, so the same files in another folder digest the same.
   */
  readonly whereFrom?: readonly (keyof DesiredItem<F, K> & string)[];
  /**
   * Further checks of a reference once its target is found, by the
   * referring field: a message when the target does not suit the item.
   */
  readonly suits?: Readonly<
    Record<string, (item: WrittenItem<F, K>, target: unknown, entry: string) => string | undefined>
  >;
  /** The kind's own rules over its list. */
  readonly checks?: readonly ((list: ListCheck<WrittenItem<F, K>, FileShapes[F]['written']>) => void)[];
}

/** The load facet as the loader sees it: items of unknown shape (validation has checked them). */
export interface KindLoad {
  readonly file: ConfigFile;
  readonly key: string;
  /** The key holds one object, not a list (normalised once, at `/<key>`; no duplicates to check). */
  readonly single?: true;
  readonly resource: ResourceKind;
  readonly what: string;
  readonly identity: (item: unknown) => Identity | undefined;
  readonly nested?: (item: unknown) => readonly NestedList[];
  readonly normalise: (item: unknown, from: ItemSource) => unknown;
  readonly suits?: Readonly<
    Record<string, (item: unknown, target: unknown, entry: string) => string | undefined>
  >;
  readonly whereFrom?: readonly string[];
  readonly checks?: readonly ((list: ListCheck<unknown, unknown>) => void)[];
}

/** A kind's typed collection, as the loader sees it (the file's schema guarantees the item's shape). */
export function collectionLoad<F extends ConfigFile, K extends CollectionKey<F>>(
  load: CollectionLoad<F, K>,
): KindLoad {
  return load as unknown as KindLoad;
}

type ObjectKeys<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[]
    ? never
    : NonNullable<T[K]> extends object
      ? K
      : never;
}[keyof T];

/** A key of `file` that holds one object both as written and in the desired state. */
export type ObjectKey<F extends ConfigFile> = ObjectKeys<FileShapes[F]['written']> &
  ObjectKeys<FileShapes[F]['desired']>;

/** A kind whose key holds one object (a workspace's Studios settings), typed by the file's shapes. */
export interface ObjectLoad<F extends ConfigFile, K extends ObjectKey<F>> {
  readonly file: F;
  readonly key: K;
  readonly resource: ResourceKind;
  readonly what: string;
  /** The object as written → its desired object. */
  readonly normalise: (
    item: NonNullable<FileShapes[F]['written'][K]>,
    from: ItemSource,
  ) => NonNullable<FileShapes[F]['desired'][K]>;
}

/** A kind's typed single object, as the loader sees it. */
export function objectLoad<F extends ConfigFile, K extends ObjectKey<F>>(load: ObjectLoad<F, K>): KindLoad {
  return { ...load, single: true, identity: () => undefined } as unknown as KindLoad;
}
