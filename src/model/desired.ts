/**
 * Desired state: what the YAML files declare, validated and normalised.
 * Produced by `src/config`, consumed by the pure planner. Emails are already
 * trimmed and lower-cased. A collection that is `undefined` is unmanaged (its
 * key was absent from the file): the planner never diffs it.
 */
import type { SourceRef } from './diagnostics.js';
import type { IgnoreLists, PruneSetting, Visibility } from './resources.js';

export interface Policy {
  /** Org-level prune per kind (workspace files may override theirs). */
  readonly prune: PruneSetting;
  /** Absolute cap of deletions in one run (default 10). */
  readonly maxDeletions: number;
  /** Per-collection cap as a ratio of its live size (default 0.25), applied when it has >= 4 items. */
  readonly maxDeletionRatio: number;
  /** Lower-cased emails never removed or demoted. */
  readonly protectedUsers: readonly string[];
  /** 0 = no limit. */
  readonly maxParticipants: number;
}

/**
 * An organisation's lists, a registry: each kind that lives in an
 * organisation adds its list (`undefined` = unmanaged) in its folder's
 * `model.ts` by declaration merging
 * (`declare module '../../model/desired.js' { interface DesiredOrgCollections { … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface DesiredOrgCollections {}

export interface DesiredOrg extends DesiredOrgCollections {
  readonly name: string;
  /** True when `workspaces/<org>/organization.yaml` exists (only then may the org be created). */
  readonly hasFile: boolean;
  readonly fullName?: string;
  readonly description?: string;
  readonly policy: Policy;
  readonly ignore: IgnoreLists;
  readonly workspaces: readonly DesiredWorkspace[];
  /** The organisation file (or, without one, the org folder). */
  readonly source: SourceRef;
}

/**
 * A workspace's lists (and Studios settings), a registry: each kind that
 * lives in a workspace adds its own (`undefined` = unmanaged) in its
 * folder's `model.ts` by declaration merging
 * (`declare module '../../model/desired.js' { interface DesiredWorkspaceCollections { labels?: … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface DesiredWorkspaceCollections {}

export interface DesiredWorkspace extends DesiredWorkspaceCollections {
  readonly org: string;
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility: Visibility;
  readonly state: 'present' | 'absent';
  /** Effective prune per kind (org policy merged with the file's override). */
  readonly prune: PruneSetting;
  /** Effective ignore lists (org merged with the file's). */
  readonly ignore: IgnoreLists;
  /** GitHub owners of the file, for CODEOWNERS; never sent to the API. */
  readonly maintainers: readonly string[];
  readonly source: SourceRef;
}

/** All files of a config dir, one entry per org folder, sorted by name. */
export interface DesiredState {
  readonly orgs: readonly DesiredOrg[];
}
