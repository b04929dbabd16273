/**
 * The vocabulary of compute environments (and the "make primary" step),
 * declared here and nowhere else: the desired, live and written shapes, the
 * plan actions, and what this kind adds to the shared registries of
 * `src/model/` and `src/formats/written.ts` by declaration merging (those
 * files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

export interface DesiredComputeEnv {
  readonly name: string;
  /** The API's platform id, e.g. `aws-batch`, `slurm-platform`. */
  readonly platform: string;
  /** Credential name in the same workspace (may be absent for platforms that need none). */
  readonly credentials?: string;
  /** Only `true` is acted on (the API cannot unset primary). */
  readonly primary: boolean;
  readonly description?: string;
  /** The API's config object for the platform, without `discriminator` (`$${` read as `${` except in verbatim fields). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Resource labels as `name=value`, set at creation; `undefined` = its labels are not managed. */
  readonly labels?: readonly string[];
  readonly source: SourceRef;
}

export interface ActualComputeEnv {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  /** CREATING | AVAILABLE | ERRORED | INVALID | DELETING | DISABLED | ... shown as is. */
  readonly status: string;
  readonly primary: boolean;
  readonly credentialsId?: string;
  /** The name of `credentialsId` in the workspace, when the workspace's credentials were read. */
  readonly credentialsName?: string;
  readonly description?: string;
  /** The config as described, without `discriminator`. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly labelIds: readonly number[];
  readonly message?: string;
  /**
   * Set when the CE was only listed, not described: compute environments are
   * unmanaged and were read only to resolve names and ids (for pipelines).
   * `config` is then `{}` and `labelIds` `[]`.
   */
  readonly listedOnly?: true;
}

/** Compute platforms the schema accepts (the API's `ComputeConfig` discriminator values). */
export const COMPUTE_PLATFORMS = [
  'aws-batch',
  'aws-cloud',
  'azure-batch',
  'azure-cloud',
  'google-batch',
  'google-cloud',
  'google-lifesciences',
  'k8s-platform',
  'eks-platform',
  'gke-platform',
  'slurm-platform',
  'altair-platform',
  'lsf-platform',
  'uge-platform',
  'moab-platform',
  'local-platform',
  'seqeracompute-platform',
] as const;
export type ComputePlatform = (typeof COMPUTE_PLATFORMS)[number];

export interface WrittenComputeEnvironment {
  readonly name: string;
  readonly platform: ComputePlatform;
  readonly credentials?: string;
  readonly primary?: boolean;
  readonly description?: string;
  /** The API's config object for the platform (closed per platform in the schema). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Resource labels, `name=value`. */
  readonly labels?: readonly string[];
}

/** A pipeline that a compute-environment replace re-points at the new CE (managed or not). */
export interface RepointedPipeline {
  readonly pipelineId: number;
  readonly name: string;
}

/** A pipeline action that a compute-environment replace re-points at the new CE (managed or not). */
export interface RepointedAction {
  readonly actionId: string;
  readonly name: string;
}

export interface ComputeEnvAction extends ActionBase {
  readonly kind: 'computeEnvironment';
  readonly desired?: DesiredComputeEnv;
  readonly current?: ActualComputeEnv;
  /** On replace: the config/platform fields that force it. */
  readonly forcedBy?: readonly string[];
  /** On replace: pipelines to re-point at the new CE. */
  readonly repoint?: readonly RepointedPipeline[];
  /** On replace: pipeline actions to re-point at the new CE. */
  readonly repointActions?: readonly RepointedAction[];
  /** On replace: the old CE is primary, so primary moves to the new one. */
  readonly movesPrimary?: boolean;
}

/** "Make this CE the workspace's primary" (type is always `update`). */
export interface PrimaryAction extends ActionBase {
  readonly kind: 'primaryComputeEnvironment';
  /** The CE's name. */
  readonly computeEnvironment: string;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly computeEnvironment: true;
    readonly primaryComputeEnvironment: true;
  }
  interface CollectionKinds {
    readonly computeEnvironments: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly computeEnvironment: ComputeEnvAction;
    readonly primaryComputeEnvironment: PrimaryAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly computeEnvironments?: readonly DesiredComputeEnv[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly computeEnvironments?: readonly ActualComputeEnv[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly computeEnvironments?: readonly WrittenComputeEnvironment[];
  }
}
