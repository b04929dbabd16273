/**
 * The vocabulary of datasets, declared here and nowhere else: the desired,
 * live and written shapes, the plan action, and what this kind adds to the
 * shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

/**
 * A dataset (a sample sheet), identified by its name. Its content is the
 * file `<config-dir>/<org>/datasets/<workspace>/<file>`, described here by
 * its size and digest (the bytes stay in the file; the applier reads them
 * from `path` and checks the digest before uploading).
 */
export interface DesiredDataset {
  readonly name: string;
  readonly description?: string;
  /** The bare file name, the name a version is uploaded under. */
  readonly file: string;
  /** The first line holds the column names. */
  readonly header: boolean;
  /** Names of simple workspace labels; undefined: the dataset's labels are not managed. */
  readonly labels?: readonly string[];
  /** The file's size in bytes. */
  readonly size: number;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  /** The file's absolute path when it was loaded. */
  readonly path: string;
  readonly source: SourceRef;
}

/** The latest version of a dataset: its file's name, size and header flag, and its digest once downloaded. */
export interface ActualDatasetVersion {
  readonly version: number;
  readonly fileName: string;
  /** Bytes; undefined when the platform does not say. */
  readonly size?: number;
  readonly header: boolean;
  /** SHA-256 of the content, hex: read only when name and size match the declared file. */
  readonly sha256?: string;
}

export interface ActualDataset {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** Names of its labels. */
  readonly labels: readonly string[];
  /** Undefined when no version was uploaded. */
  readonly latest?: ActualDatasetVersion;
}

export interface WrittenDataset {
  readonly name: string;
  readonly description?: string;
  /** A bare file name in `<org>/datasets/<workspace>/`. */
  readonly file: string;
  readonly header?: boolean;
  readonly labels?: readonly string[];
}

export interface DatasetAction extends ActionBase {
  readonly kind: 'dataset';
  readonly desired?: DesiredDataset;
  readonly current?: ActualDataset;
  /** On create or update: the declared file is uploaded as a new version. */
  readonly uploads?: true;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly dataset: true;
  }
  interface CollectionKinds {
    readonly datasets: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly dataset: DatasetAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly datasets?: readonly DesiredDataset[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly datasets?: readonly ActualDataset[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly datasets?: readonly WrittenDataset[];
  }
}
