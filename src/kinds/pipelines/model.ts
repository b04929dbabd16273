/**
 * The vocabulary of pipelines, declared here and nowhere else: the desired,
 * live and written shapes, the plan action, and what this kind adds to the
 * shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

export interface DesiredPipeline {
  readonly name: string;
  readonly description?: string;
  /** Repository URL (the launch's `pipeline`). */
  readonly url: string;
  readonly revision?: string;
  /** CE name in the same workspace. */
  readonly computeEnvironment?: string;
  readonly workDir?: string;
  readonly profiles?: readonly string[];
  /** Parsed params (sent as `paramsText`, compared after parsing). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Any other WorkflowLaunchRequest fields, passed through. */
  readonly launch?: Readonly<Record<string, unknown>>;
  /** Labels as `name` (simple) or `name=value` (resource); `undefined` = its labels are not managed. */
  readonly labels?: readonly string[];
  readonly source: SourceRef;
}

/** The launch fields a pipeline entry declares, shared with pipeline actions (which launch the same way). */
export type LaunchDeclaration = Pick<
  DesiredPipeline,
  'url' | 'revision' | 'computeEnvironment' | 'workDir' | 'profiles' | 'params' | 'launch'
>;

export interface ActualPipeline {
  readonly pipelineId: number;
  readonly name: string;
  readonly description?: string;
  readonly labelIds: readonly number[];
  /**
   * The default version's launch (WorkflowLaunchRequest-shaped, ids as the API
   * gives them, read-only and null fields dropped), plus `computeEnvId` and
   * `computeEnvName` (the described CE's id and name) when it has one.
   */
  readonly launch: Readonly<Record<string, unknown>>;
  readonly versionId?: string;
  readonly versionName?: string;
  /**
   * Set when the pipeline was only listed (pipelines unmanaged, read because a
   * compute environment replace re-points every pipeline using the old CE):
   * `launch` then holds only `computeEnvId`/`computeEnvName`.
   */
  readonly listedOnly?: true;
}

/** WorkflowLaunchRequest fields a pipeline may set besides its own top-level keys. */
export interface WrittenLaunch {
  readonly configText?: string;
  readonly preRunScript?: string;
  readonly postRunScript?: string;
  readonly towerConfig?: string;
  readonly entryName?: string;
  readonly mainScript?: string;
  readonly schemaName?: string;
  readonly outputDir?: string;
  readonly launchContainer?: string;
  readonly nextflowVersion?: string;
  readonly headJobCpus?: number;
  readonly headJobMemoryMb?: number;
  readonly pullLatest?: boolean;
  readonly stubRun?: boolean;
  readonly syntaxParser?: 'v1' | 'v2';
  readonly userSecrets?: readonly string[];
  readonly workspaceSecrets?: readonly string[];
}

/** A pipeline entry as the file writes it: the desired fields, with the launch's own keys typed. */
export type WrittenPipeline = Omit<DesiredPipeline, 'source' | 'launch'> & {
  readonly launch?: WrittenLaunch;
};

export interface PipelineAction extends ActionBase {
  readonly kind: 'pipeline';
  readonly desired?: DesiredPipeline;
  readonly current?: ActualPipeline;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly pipeline: true;
  }
  interface CollectionKinds {
    readonly pipelines: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly pipeline: PipelineAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly pipelines?: readonly DesiredPipeline[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly pipelines?: readonly ActualPipeline[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly pipelines?: readonly WrittenPipeline[];
  }
}
