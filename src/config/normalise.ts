/**
 * Loaded files → desired state (src/model/desired.ts): the containers'
 * own fields with their defaults (visibility private, state present, policy
 * defaults), prune and ignore merged; each kind's list normalised by its load
 * facet (emails trimmed and lower-cased, secret fields turned into
 * `SecretRef`s, every item carrying its source position). Runs only on files
 * that passed every check, so it cannot fail on user input.
 */
import { KINDS } from '../kinds/index.js';
import type { DesiredOrg, DesiredWorkspace } from '../model/desired.js';
import { loadsOf, normaliseCollections, sourceOf } from './collections.js';
import type { LoadedOrganization, LoadedWorkspace } from './load-file.js';
import { DEFAULT_POLICY, NO_IGNORE, mergeIgnore, mergePrune, normalisePolicy } from './normalise-policy.js';

/** `{ [key]: value }` when the value is defined, else `{}` (exactOptionalPropertyTypes). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

const ORGANIZATION_LISTS = loadsOf(KINDS, 'organization');
const WORKSPACE_LISTS = loadsOf(KINDS, 'workspace');

export interface OrgInput {
  readonly name: string;
  /** Display path of the folder (the source of an org without a file). */
  readonly folder: string;
  readonly organization?: LoadedOrganization;
  readonly workspaces: readonly LoadedWorkspace[];
}

export function normaliseOrg(input: OrgInput): DesiredOrg {
  const file = input.organization;
  const w = file?.written;
  const policy = w === undefined ? DEFAULT_POLICY : normalisePolicy(w.policy);
  const ignore = mergeIgnore(NO_IGNORE, w?.ignore);
  const workspaces = input.workspaces
    .map((ws) => normaliseWorkspace(ws, input.name, policy.prune, ignore))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const base = {
    name: input.name,
    hasFile: file !== undefined,
    policy,
    ignore,
    workspaces,
    source: file === undefined ? { file: input.folder, line: 1, column: 1, pointer: '' } : sourceOf(file, ''),
  };
  if (file === undefined || w === undefined) return base;
  return {
    ...base,
    ...opt('fullName', w.fullName),
    ...opt('description', w.description),
    ...normaliseCollections<'organization'>(file, ORGANIZATION_LISTS),
  };
}

function normaliseWorkspace(
  file: LoadedWorkspace,
  org: string,
  orgPrune: DesiredOrg['policy']['prune'],
  orgIgnore: DesiredOrg['ignore'],
): DesiredWorkspace {
  const w = file.written;
  return {
    org,
    name: w.name,
    fullName: w.fullName,
    ...opt('description', w.description),
    visibility: w.visibility ?? 'private',
    state: w.state ?? 'present',
    prune: mergePrune(orgPrune, w.prune),
    ignore: mergeIgnore(orgIgnore, w.ignore),
    maintainers: w.maintainers ?? [],
    ...normaliseCollections<'workspace'>(file, WORKSPACE_LISTS),
    source: sourceOf(file, ''),
  };
}
