/**
 * The vocabulary of a workspace's Studios settings, declared here and nowhere
 * else: the desired, live and written shapes, the plan action, and what this
 * kind adds to the shared registries of `src/model/` and
 * `src/formats/written.ts` by declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

/**
 * A workspace's Studios settings (one object, not a list): only the fields
 * the file declares are compared and sent; the others are left as they are.
 */
export interface DesiredStudios {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
  readonly source: SourceRef;
}

/** A workspace's Studios settings as the platform reports them (a field it leaves null is absent). */
export interface ActualStudios {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
}

/** A workspace's Studios settings (one object): only the fields written are managed. */
export interface WrittenStudios {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
}

/** The workspace's Studios settings (type is always `update`: they exist with the workspace). */
export interface StudiosAction extends ActionBase {
  readonly kind: 'studiosSettings';
  readonly desired?: DesiredStudios;
  readonly current?: ActualStudios;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly studiosSettings: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly studiosSettings: StudiosAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly studios?: DesiredStudios;
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    /** `undefined` when not read (the file does not declare `studios`). */
    readonly studios?: ActualStudios;
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly studios?: WrittenStudios;
  }
}
