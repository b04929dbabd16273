/**
 * The vocabulary of pipeline actions, declared here and nowhere else: the
 * desired, live and written shapes, the plan action, and what this kind adds
 * to the shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';
import type { LaunchDeclaration, WrittenPipeline } from '../pipelines/model.js';

/** What starts a pipeline action: a push to its GitHub repository, a call of its endpoint, or a schedule. */
export type ActionTrigger = 'github' | 'tower' | 'cron';

/**
 * A pipeline action, identified by its name: what triggers it (the YAML's
 * `source`), its schedule for `cron`, the launch fields of a pipeline entry,
 * and simple labels by name.
 */
export interface DesiredAction extends LaunchDeclaration {
  readonly name: string;
  readonly trigger: ActionTrigger;
  readonly cron?: { readonly expression: string; readonly timezone?: string };
  readonly labels?: readonly string[];
  readonly source: SourceRef;
}

/** A label attached to a pipeline action. */
export interface AttachedLabel {
  readonly id: number;
  readonly name: string;
  /** A resource label's value. */
  readonly value?: string;
  readonly resource: boolean;
}

export interface ActualAction {
  readonly id: string;
  readonly name: string;
  /** `github`, `tower`, `cron` (or a source the tool does not manage, such as `bucket`). */
  readonly trigger: string;
  readonly status?: string;
  /** The schedule of a `cron` action. */
  readonly cron?: { readonly expression?: string; readonly timezone?: string };
  /** The GitHub webhook of a `github` action (not a secret). */
  readonly hookUrl?: string;
  /** The endpoint a `tower` action is launched through. */
  readonly endpoint?: string;
  readonly labels: readonly AttachedLabel[];
  /** The launch, as a pipeline's (see `ActualPipeline.launch`). */
  readonly launch: Readonly<Record<string, unknown>>;
}

/** A pipeline action: what triggers it, and the launch fields of a pipeline entry. */
export interface WrittenAction extends Pick<
  WrittenPipeline,
  'url' | 'revision' | 'computeEnvironment' | 'workDir' | 'profiles' | 'params' | 'launch'
> {
  readonly name: string;
  readonly source: 'github' | 'tower' | 'cron';
  /** `cron` actions only. */
  readonly cron?: { readonly expression: string; readonly timezone?: string };
  /** Simple labels, by name. */
  readonly labels?: readonly string[];
}

/** A plan action on a pipeline action (the automation that launches a pipeline). */
export interface PipelineActionAction extends ActionBase {
  readonly kind: 'pipelineAction';
  readonly desired?: DesiredAction;
  readonly current?: ActualAction;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly pipelineAction: true;
  }
  interface CollectionKinds {
    readonly actions: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly pipelineAction: PipelineActionAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly actions?: readonly DesiredAction[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly actions?: readonly ActualAction[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly actions?: readonly WrittenAction[];
  }
}
