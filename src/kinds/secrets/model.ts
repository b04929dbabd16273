/**
 * The vocabulary of workspace secrets, declared here and nowhere else: the
 * desired, live and written shapes, the plan action, and what this kind adds
 * to the shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';
import type { SecretRef } from '../../model/resources.js';

export interface DesiredSecret {
  readonly name: string;
  readonly value: SecretRef;
  /** Where the value's variable is referenced (`${NAME}` position), by name. */
  readonly variableSources?: Readonly<Record<string, SourceRef>>;
  readonly source: SourceRef;
}

export interface ActualSecret {
  readonly id: number;
  readonly name: string;
}

export interface WrittenSecret {
  readonly name: string;
  /** A `${VAR}` reference (the schema refuses literals). */
  readonly value: string;
}

export interface SecretAction extends ActionBase {
  readonly kind: 'secret';
  readonly desired?: DesiredSecret;
  readonly current?: ActualSecret;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly secret: true;
  }
  interface CollectionKinds {
    readonly secrets: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly secret: SecretAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly secrets?: readonly DesiredSecret[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly secrets?: readonly ActualSecret[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly secrets?: readonly WrittenSecret[];
  }
}
