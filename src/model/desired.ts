/**
 * Desired state: what the YAML files declare, validated and normalised.
 * Produced by `src/config`, consumed by the pure planner. Emails are already
 * trimmed and lower-cased. A collection that is `undefined` is unmanaged (its
 * key was absent from the file): the planner never diffs it.
 */
import type { SourceRef } from './diagnostics.js';
import type {
  IgnoreLists,
  OrgRole,
  PruneSetting,
  SecretRef,
  Visibility,
  WorkspaceRole,
} from './resources.js';

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

export interface DesiredMember {
  readonly email: string;
  readonly role: OrgRole;
  readonly source: SourceRef;
}

export interface DesiredTeam {
  readonly name: string;
  readonly description?: string;
  /** Lower-cased emails. `undefined` = membership of this team unmanaged. */
  readonly members?: readonly string[];
  readonly source: SourceRef;
}

/** A custom workspace role of the organisation, identified by its name. */
export interface DesiredRole {
  readonly name: string;
  readonly description: string;
  /** The API's permission names: a set, kept sorted and unique. */
  readonly permissions: readonly string[];
  readonly source: SourceRef;
}

export interface DesiredOrg {
  readonly name: string;
  /** True when `workspaces/<org>/organization.yaml` exists (only then may the org be created). */
  readonly hasFile: boolean;
  readonly fullName?: string;
  readonly description?: string;
  readonly members?: readonly DesiredMember[];
  readonly teams?: readonly DesiredTeam[];
  readonly roles?: readonly DesiredRole[];
  readonly policy: Policy;
  readonly ignore: IgnoreLists;
  readonly workspaces: readonly DesiredWorkspace[];
  /** The organisation file (or, without one, the org folder). */
  readonly source: SourceRef;
}

export type DesiredParticipant =
  | {
      readonly type: 'user';
      readonly email: string;
      /** A predefined role, or a custom role's name. */
      readonly role: WorkspaceRole | (string & {});
      readonly source: SourceRef;
    }
  | {
      readonly type: 'team';
      readonly team: string;
      /** A predefined role, or a custom role's name. */
      readonly role: WorkspaceRole | (string & {});
      readonly source: SourceRef;
    };

/**
 * A credential. `keys` holds the provider's key fields: plain values for
 * literal fields, a `SecretRef` for secret fields and any field given as
 * `${NAME}` (resolved from the workspace's own variables at apply time).
 */
export interface DesiredCredential {
  readonly name: string;
  readonly provider: string;
  readonly description?: string;
  readonly baseUrl?: string;
  readonly keys: Readonly<Record<string, unknown>>;
  /** Where each variable of `keys` is referenced (`${NAME}` position), by name. */
  readonly variableSources?: Readonly<Record<string, SourceRef>>;
  readonly source: SourceRef;
}

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

export interface DesiredSecret {
  readonly name: string;
  readonly value: SecretRef;
  /** Where the value's variable is referenced (`${NAME}` position), by name. */
  readonly variableSources?: Readonly<Record<string, SourceRef>>;
  readonly source: SourceRef;
}

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
 * A workspace's Studios settings (one object, not a list): only the fields
 * the file declares are compared and sent; the others are left as they are.
 */
export interface DesiredStudios {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
  readonly source: SourceRef;
}

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

export interface DesiredWorkspace {
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
  readonly participants?: readonly DesiredParticipant[];
  readonly credentials?: readonly DesiredCredential[];
  readonly computeEnvironments?: readonly DesiredComputeEnv[];
  readonly pipelines?: readonly DesiredPipeline[];
  readonly secrets?: readonly DesiredSecret[];
  readonly labels?: readonly DesiredLabel[];
  readonly dataLinks?: readonly DesiredDataLink[];
  readonly studios?: DesiredStudios;
  readonly datasets?: readonly DesiredDataset[];
  readonly actions?: readonly DesiredAction[];
  readonly source: SourceRef;
}

/** All files of a config dir, one entry per org folder, sorted by name. */
export interface DesiredState {
  readonly orgs: readonly DesiredOrg[];
}
