/**
 * The seed's types: the containers (users, organisations, workspaces) here,
 * each kind's fields in its route module, added to `OrgSeed` and
 * `WorkspaceSeed` by interface augmentation (see kind.ts). seed.ts
 * re-exports them all.
 */

export interface UserSeed {
  readonly userName: string;
  readonly email: string;
  /** A personal access token; the first user with one is the token user. */
  readonly token?: string;
  readonly firstName?: string;
  readonly lastName?: string;
}

/** A workspace and what it holds (each kind's field added by its route module). */
export interface WorkspaceSeed {
  readonly name: string;
  /** Default: the name. */
  readonly fullName?: string;
  readonly description?: string;
  /** Default private. */
  readonly visibility?: 'private' | 'shared' | 'PRIVATE' | 'SHARED';
}

/** An organisation and what it holds (each kind's field added by its route module). */
export interface OrgSeed {
  readonly name: string;
  /** Default: the name. */
  readonly fullName?: string;
  readonly description?: string;
  readonly location?: string;
  readonly website?: string;
  /** Active single sign-on: adding a collaborator is refused with 409. */
  readonly sso?: boolean;
  readonly workspaces?: readonly WorkspaceSeed[];
}

/** A whole platform state. */
export interface EmulatorSeed {
  /** Registered users (have signed in). Without any, one token user is created. */
  readonly users?: readonly UserSeed[];
  readonly orgs?: readonly OrgSeed[];
}
