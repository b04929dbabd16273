/**
 * The shapes of the YAML files as written (after schema validation), in the
 * style of changesets' `WrittenConfig`: everything optional that the file may
 * omit, no defaults applied. `normalise-*.ts` turns them into desired state.
 *
 * These types and `schemas/*.schema.json` must not drift apart:
 * `tests/unit/config/written-types.test.ts` checks every object type's keys and
 * required keys against the schema, and the enums below against its enums.
 */
import type { CollectionKind, OrgRole, Visibility, WorkspaceRole } from '../model/resources.js';

/** Credentials providers the schema accepts (the API's `Credentials.provider`). */
export const CREDENTIAL_PROVIDERS = [
  'aws',
  'azure',
  'azure_entra',
  'azure-cloud',
  'google',
  'github',
  'github_app',
  'gitlab',
  'bitbucket',
  'gitea',
  'azurerepos',
  'codecommit',
  'ssh',
  'k8s',
  'container-reg',
  'tw-agent',
  'seqeracompute',
  's3',
] as const;
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number];

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

export const VISIBILITIES: readonly Visibility[] = ['private', 'shared'];
export const WORKSPACE_STATES = ['present', 'absent'] as const;
export type WorkspaceState = (typeof WORKSPACE_STATES)[number];

/** `prune` as written: one boolean for every kind, or a map per kind (absent kinds keep the inherited value). */
export type WrittenPrune = boolean | WrittenPruneMap;
export type WrittenPruneMap = { readonly [K in CollectionKind]?: boolean };
export type WrittenIgnore = { readonly [K in CollectionKind]?: readonly string[] };

export interface WrittenMember {
  readonly email: string;
  readonly role: OrgRole;
}

export interface WrittenTeam {
  readonly name: string;
  readonly description?: string;
  readonly members?: readonly string[];
}

export interface WrittenRole {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

export interface WrittenPolicy {
  readonly prune?: WrittenPrune;
  readonly maxDeletions?: number;
  readonly maxDeletionRatio?: number;
  readonly protectedUsers?: readonly string[];
  readonly maxParticipants?: number;
}

/** `workspaces/<org>/organization.yaml`. */
export interface WrittenOrganization {
  readonly name: string;
  readonly fullName?: string;
  readonly description?: string;
  readonly members?: readonly WrittenMember[];
  readonly teams?: readonly WrittenTeam[];
  readonly roles?: readonly WrittenRole[];
  readonly policy?: WrittenPolicy;
  readonly ignore?: WrittenIgnore;
}

export interface WrittenUserParticipant {
  readonly email: string;
  /** A predefined role, or a custom role's name (checked against the organisation's roles). */
  readonly role: WorkspaceRole | (string & {});
}

export interface WrittenTeamParticipant {
  readonly team: string;
  /** A predefined role, or a custom role's name (checked against the organisation's roles). */
  readonly role: WorkspaceRole | (string & {});
}

export type WrittenParticipant = WrittenUserParticipant | WrittenTeamParticipant;

export interface WrittenCredential {
  readonly name: string;
  readonly provider: CredentialProvider;
  readonly description?: string;
  readonly baseUrl?: string;
  /** Provider key fields (closed per provider in the schema); secret fields hold a `${VAR}` reference. */
  readonly keys: Readonly<Record<string, string | boolean>>;
}

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

export interface WrittenPipeline {
  readonly name: string;
  readonly description?: string;
  readonly url: string;
  readonly revision?: string;
  readonly computeEnvironment?: string;
  readonly workDir?: string;
  readonly profiles?: readonly string[];
  readonly params?: Readonly<Record<string, unknown>>;
  readonly launch?: WrittenLaunch;
  /** Labels, `name` (simple) or `name=value` (resource). */
  readonly labels?: readonly string[];
}

export interface WrittenSecret {
  readonly name: string;
  /** A `${VAR}` reference (the schema refuses literals). */
  readonly value: string;
}

export interface WrittenLabel {
  readonly name: string;
  /** Resource labels only. */
  readonly value?: string;
  readonly resource?: boolean;
  readonly default?: boolean;
}

export interface WrittenDataLink {
  readonly name: string;
  readonly provider: 'aws' | 'google' | 'azure';
  readonly resourceRef: string;
  readonly credentials?: string;
  readonly description?: string;
  readonly publicAccessible?: boolean;
}

/** A workspace's Studios settings (one object): only the fields written are managed. */
export interface WrittenStudios {
  readonly lifespanHours?: number;
  readonly privateStudioByDefault?: boolean;
  readonly containerRepository?: string;
}

export interface WrittenDataset {
  readonly name: string;
  readonly description?: string;
  /** A bare file name in `<org>/datasets/<workspace>/`. */
  readonly file: string;
  readonly header?: boolean;
  readonly labels?: readonly string[];
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

/** `workspaces/<org>/<name>.yaml`. */
export interface WrittenWorkspace {
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility?: Visibility;
  readonly state?: WorkspaceState;
  readonly prune?: WrittenPrune;
  readonly ignore?: WrittenIgnore;
  readonly maintainers?: readonly string[];
  readonly participants?: readonly WrittenParticipant[];
  readonly credentials?: readonly WrittenCredential[];
  readonly computeEnvironments?: readonly WrittenComputeEnvironment[];
  readonly pipelines?: readonly WrittenPipeline[];
  readonly secrets?: readonly WrittenSecret[];
  readonly labels?: readonly WrittenLabel[];
  readonly dataLinks?: readonly WrittenDataLink[];
  readonly studios?: WrittenStudios;
  readonly datasets?: readonly WrittenDataset[];
  readonly actions?: readonly WrittenAction[];
}
