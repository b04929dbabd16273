/**
 * The collections the kinds hold, derived from the registry: which lists an
 * organisation or a workspace has in the configuration files (each kind's
 * load facet) and in the live state (each kind's read facet). The engines
 * iterate these instead of naming the collections.
 */
import { KINDS } from './index.js';
import type { ConfigFile } from './kind-load.js';
import type { OrgCollection, WorkspaceCollection } from './kind-read.js';

/** The lists of each configuration file, by their key (the same key in the desired state). */
export const CONFIG_COLLECTIONS: Readonly<Record<ConfigFile, readonly string[]>> = {
  organization: KINDS.flatMap((kind) => (kind.load?.file === 'organization' ? [kind.load.key] : [])),
  workspace: KINDS.flatMap((kind) => (kind.load?.file === 'workspace' ? [kind.load.key] : [])),
};

/** The collections of a live organisation and of a live workspace, one per kind that reads one. */
export const LIVE_COLLECTIONS: {
  readonly org: readonly OrgCollection[];
  readonly workspace: readonly WorkspaceCollection[];
} = {
  org: KINDS.flatMap((kind) => (kind.read?.org === undefined ? [] : [kind.read.org.field])),
  workspace: KINDS.flatMap((kind) => (kind.read?.workspace === undefined ? [] : [kind.read.workspace.field])),
};
