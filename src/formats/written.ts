/**
 * The shapes of the YAML files as written (after schema validation), in the
 * style of changesets' `WrittenConfig`: everything optional that the file may
 * omit, no defaults applied. `normalise-*.ts` turns them into desired state.
 *
 * The files' own keys are here; each kind's item shape and its key in the
 * file are in its folder's `model.ts` (`src/kinds/<kind>/model.ts`), merged
 * into `WrittenOrganization` / `WrittenWorkspace` through the registries
 * below. These types and `schemas/*.schema.json` must not drift apart:
 * `tests/unit/config/written-types.test.ts` checks every object type's keys and
 * required keys against the schema, and the enums (here and in the kinds'
 * `model.ts`) against its enums.
 */
import type { CollectionKind, Visibility } from '../model/resources.js';

export const VISIBILITIES: readonly Visibility[] = ['private', 'shared'];
export const WORKSPACE_STATES = ['present', 'absent'] as const;
export type WorkspaceState = (typeof WORKSPACE_STATES)[number];

/** `prune` as written: one boolean for every kind, or a map per kind (absent kinds keep the inherited value). */
export type WrittenPrune = boolean | WrittenPruneMap;
export type WrittenPruneMap = { readonly [K in CollectionKind]?: boolean };
export type WrittenIgnore = { readonly [K in CollectionKind]?: readonly string[] };

export interface WrittenPolicy {
  readonly prune?: WrittenPrune;
  readonly maxDeletions?: number;
  readonly maxDeletionRatio?: number;
  readonly protectedUsers?: readonly string[];
  readonly maxParticipants?: number;
}

/**
 * The lists of an organisation file, a registry: each kind that lives in an
 * organisation adds its written list in its folder's `model.ts` by
 * declaration merging
 * (`declare module '../../formats/written.js' { interface WrittenOrganizationCollections { … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface WrittenOrganizationCollections {}

/** `workspaces/<org>/organization.yaml`. */
export interface WrittenOrganization extends WrittenOrganizationCollections {
  readonly name: string;
  readonly fullName?: string;
  readonly description?: string;
  readonly policy?: WrittenPolicy;
  readonly ignore?: WrittenIgnore;
}

/**
 * The lists (and Studios settings) of a workspace file, a registry: each
 * kind that lives in a workspace adds its written shape in its folder's
 * `model.ts` by declaration merging
 * (`declare module '../../formats/written.js' { interface WrittenWorkspaceCollections { labels?: … } }`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry the kinds' model.ts files fill by declaration merging
export interface WrittenWorkspaceCollections {}

/** `workspaces/<org>/<name>.yaml`. */
export interface WrittenWorkspace extends WrittenWorkspaceCollections {
  readonly name: string;
  readonly fullName: string;
  readonly description?: string;
  readonly visibility?: Visibility;
  readonly state?: WorkspaceState;
  readonly prune?: WrittenPrune;
  readonly ignore?: WrittenIgnore;
  readonly maintainers?: readonly string[];
}
