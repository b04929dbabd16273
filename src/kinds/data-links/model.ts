/**
 * The vocabulary of custom data links, declared here and nowhere else: the
 * desired, live and written shapes, the plan action, and what this kind adds
 * to the shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

/** Where a data link points: the cloud providers whose buckets the platform can link. */
export type DataLinkProvider = 'aws' | 'google' | 'azure';

/**
 * A custom data link (a bucket in Data Explorer), identified by its name.
 * `credentials` names a credential of the same workspace.
 */
export interface DesiredDataLink {
  readonly name: string;
  readonly provider: DataLinkProvider;
  readonly resourceRef: string;
  readonly credentials?: string;
  readonly description?: string;
  readonly publicAccessible: boolean;
  readonly source: SourceRef;
}

/**
 * A custom data link (id `v1-user-…`). Links the platform discovers by
 * itself from credentials (`v1-cloud-…`) are not kept: they are neither
 * managed nor extras.
 */
export interface ActualDataLink {
  readonly id: string;
  readonly name: string;
  /** As the platform says (aws, google, azure, or another provider it knows). */
  readonly provider: string;
  readonly resourceRef: string;
  readonly description?: string;
  readonly publicAccessible: boolean;
  /** The first credential the link uses, when it has one. */
  readonly credentialsId?: string;
  /** That credential's name, as the link lists it. */
  readonly credentialsName?: string;
}

/**
 * A workspace's data links as read. The list may answer "still fetching"
 * (202) while the platform discovers buckets from credentials: the reader
 * waits and re-reads a bounded number of times. `waits` counts the 202
 * answers; `complete` is false when the last answer was still a 202 (the
 * links are then not compared).
 */
export interface ActualDataLinks {
  readonly links: readonly ActualDataLink[];
  readonly waits: number;
  readonly complete: boolean;
}

export interface WrittenDataLink {
  readonly name: string;
  readonly provider: 'aws' | 'google' | 'azure';
  readonly resourceRef: string;
  readonly credentials?: string;
  readonly description?: string;
  readonly publicAccessible?: boolean;
}

export interface DataLinkAction extends ActionBase {
  readonly kind: 'dataLink';
  readonly desired?: DesiredDataLink;
  readonly current?: ActualDataLink;
  /** On replace: the fields that force it. */
  readonly forcedBy?: readonly string[];
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly dataLink: true;
  }
  interface CollectionKinds {
    readonly dataLinks: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly dataLink: DataLinkAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly dataLinks?: readonly DesiredDataLink[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly dataLinks?: ActualDataLinks;
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly dataLinks?: readonly WrittenDataLink[];
  }
}
