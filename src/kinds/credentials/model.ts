/**
 * The vocabulary of credentials, declared here and nowhere else: the desired,
 * live and written shapes, the plan action, and what this kind adds to the
 * shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { KeysFingerprint } from '../../model/actual.js';
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

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

export interface ActualCredential {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  /** Description with the fingerprint suffix stripped. */
  readonly description?: string;
  readonly fingerprint?: KeysFingerprint;
  readonly baseUrl?: string;
  /** Non-secret key fields as returned (secret ones absent or `(sensitive)`), without `discriminator`. */
  readonly keys: Readonly<Record<string, unknown>>;
  /** Set when the platform returned no `keys` at all (neither listed nor described): `keys` is then `{}` by default, not by reading. */
  readonly keysUnknown?: true;
}

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

export interface WrittenCredential {
  readonly name: string;
  readonly provider: CredentialProvider;
  readonly description?: string;
  readonly baseUrl?: string;
  /** Provider key fields (closed per provider in the schema); secret fields hold a `${VAR}` reference. */
  readonly keys: Readonly<Record<string, string | boolean>>;
}

export interface CredentialAction extends ActionBase {
  readonly kind: 'credential';
  readonly desired?: DesiredCredential;
  readonly current?: ActualCredential;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly credential: true;
  }
  interface CollectionKinds {
    readonly credentials: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly credential: CredentialAction;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly credentials?: readonly DesiredCredential[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly credentials?: readonly ActualCredential[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly credentials?: readonly WrittenCredential[];
  }
}
