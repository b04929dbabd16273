/**
 * The vocabulary of workspace labels, declared here and nowhere else: the
 * desired, live and written shapes, the plan action, and what this kind adds
 * to the shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

/**
 * A workspace label, identified by its name. A simple label has no value and
 * is never a default; a resource label (`resource: true`) has a value and may
 * be a default (pre-selected for new compute environments).
 */
export interface DesiredLabel {
  readonly name: string;
  readonly value?: string;
  readonly resource: boolean;
  readonly isDefault: boolean;
  readonly source: SourceRef;
}

export interface ActualLabel {
  readonly id: number;
  readonly name: string;
  readonly value?: string;
  readonly resource: boolean;
  readonly isDefault: boolean;
  /** The value is filled in per run (`${workflowId}`...): it cannot be changed in place. */
  readonly dynamic?: true;
}

export interface WrittenLabel {
  readonly name: string;
  /** Resource labels only. */
  readonly value?: string;
  readonly resource?: boolean;
  readonly default?: boolean;
}

export interface LabelAction extends ActionBase {
  readonly kind: 'label';
  readonly desired?: DesiredLabel;
  readonly current?: ActualLabel;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly label: true;
  }
  interface CollectionKinds {
    readonly labels: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly label: LabelAction;
  }
  interface BlockRules {
    readonly immutableLabel: true;
    readonly unknownLabel: true;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly labels?: readonly DesiredLabel[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly labels?: readonly ActualLabel[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly labels?: readonly WrittenLabel[];
  }
}
