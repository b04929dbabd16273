/**
 * Vocabulary shared by desired state, actual state and the plan.
 * Imports nothing from the rest of `src/`.
 */

/** Roles the YAML may declare for an organisation member. */
export type OrgRole = 'owner' | 'member';
export const ORG_ROLES: readonly OrgRole[] = ['owner', 'member'];

/**
 * Predefined workspace roles. Live roles are free strings (custom roles exist),
 * so actual state keeps `string`; desired state is validated to these.
 */
export type WorkspaceRole = 'owner' | 'admin' | 'maintain' | 'launch' | 'connect' | 'view';

/** True for one of the predefined workspace roles (anything else names a custom role). */
export function isPredefinedRole(role: string): role is WorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(role);
}
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = [
  'owner',
  'admin',
  'maintain',
  'launch',
  'connect',
  'view',
];

export type Visibility = 'private' | 'shared';

/**
 * The collections a file can manage; also the keys of `policy.prune` and
 * `ignore`. A registry: each kind adds its own name in its folder's
 * `model.ts` by declaration merging
 * (`declare module '../../model/resources.js' { interface CollectionKinds { labels: true } }`),
 * so this file names none. The runtime list, in the files' order, is
 * `COLLECTION_KINDS` in `src/kinds/collections.ts`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface CollectionKinds {}
export type CollectionKind = keyof CollectionKinds;

/** Effective prune setting: one boolean per collection kind. */
export type PruneSetting = Readonly<Record<CollectionKind, boolean>>;

/** Acknowledged extras per collection kind (names; emails lower-cased). */
export type IgnoreLists = Readonly<Record<CollectionKind, readonly string[]>>;

/**
 * Kinds of plan actions' resources: the containers here, and each kind's own
 * in its folder's `model.ts` by declaration merging
 * (`declare module '../../model/resources.js' { interface ResourceKinds { label: true } }`).
 * A kind may have several (`primaryComputeEnvironment` is the "make
 * primary" step of compute environments).
 */
export interface ResourceKinds {
  readonly organization: true;
  readonly workspace: true;
}
export type ResourceKind = keyof ResourceKinds;

/**
 * A `${NAME}` reference in a credential key or secret value. Values never
 * enter desired state, the plan or any output: the applier resolves them
 * from the variables of the resource's own workspace at the last moment.
 */
export interface SecretRef {
  readonly secretRef: string;
}

export function isSecretRef(value: unknown): value is SecretRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { secretRef?: unknown }).secretRef === 'string' &&
    Object.keys(value).length === 1
  );
}

/** Identity of an email: trimmed and lower-cased (people match case-insensitively). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
