/**
 * The config loader's public entry: a config dir → desired state, with every
 * diagnostic (schema and semantic, across all files) collected in one run.
 *
 * Contract: bad input never throws; it yields `{ ok: false, diagnostics }`
 * sorted by file, line and column (warnings included). Only a missing or
 * unreadable config dir (`FileError`) or missing schema files throw. It needs
 * no variable values: a `${NAME}` (allowed only in credential keys and secret
 * values) becomes a `SecretRef`, resolved from the workspace's own variables
 * by the planner's shell and the applier (see `variables.ts`).
 */
import pLimit from 'p-limit';
import type { DesiredState } from '../model/desired.js';
import type { Diagnostic, Loaded } from '../model/diagnostics.js';
import { findConfigFiles, type ConfigFileRef, type OrgFolder } from './config-files.js';
import { loadConfigFile, type FileLoad } from './load-file.js';
import type { LoadProgress } from './load-progress.js';
import { normaliseOrg } from './normalise.js';
import { ALL_RULES, runRules, type OrgConfig } from './rules/index.js';
import { schemaValidators } from './schema-validator.js';
import type { WrittenOrganization, WrittenWorkspace } from './written.js';

/** Config files read and parsed at once. */
const FILES_IN_FLIGHT = 8;

export interface LoadOptions {
  /** The directory file paths in messages are relative to (the user's working directory). */
  readonly displayFrom?: string;
  /** Told how many files there are and each one read (for a progress line). */
  readonly progress?: LoadProgress;
}

export async function loadDesiredState(
  configDir: string,
  options: LoadOptions = {},
): Promise<Loaded<DesiredState>> {
  const files = await findConfigFiles(configDir, options.displayFrom);
  return loadOrgFolders(files.folders, [...files.warnings, ...files.errors], new Map(), options.progress);
}

/**
 * Loads the given organisation folders (all of their files, or the subset a
 * caller listed) as `loadDesiredState` does: the semantic rules see only the
 * files given. `reuse` supplies, by folder name, an organisation file
 * already loaded (from a byte-identical file), which is not read again.
 */
export async function loadOrgFolders(
  folders: readonly OrgFolder[],
  warnings: readonly Diagnostic[],
  reuse: ReadonlyMap<string, FileLoad<WrittenOrganization>> = new Map(),
  progress?: LoadProgress,
): Promise<Loaded<DesiredState>> {
  const validators = await schemaValidators();
  const fileOptions = { validators };
  progress?.filesFound(
    folders.reduce(
      (n, folder) =>
        n + folder.workspaces.length + (folder.organization !== undefined && !reuse.has(folder.name) ? 1 : 0),
      0,
    ),
  );
  const load = async <T>(ref: ConfigFileRef): Promise<FileLoad<T>> => {
    const loaded = await loadConfigFile<T>(ref, fileOptions);
    progress?.fileRead();
    return loaded;
  };
  // A few files at a time: reading all at once only holds every text (and parse) in memory together.
  const fileLimit = pLimit(FILES_IN_FLIGHT);
  const diagnostics: Diagnostic[] = [...warnings];
  const orgs: (OrgConfig & { readonly folder: string })[] = [];
  for (const folder of folders) {
    const organization =
      reuse.get(folder.name) ??
      (folder.organization === undefined ? undefined : await load<WrittenOrganization>(folder.organization));
    const workspaces = await Promise.all(
      folder.workspaces.map((ref) => fileLimit(() => load<WrittenWorkspace>(ref))),
    );
    for (const load of [...(organization ? [organization] : []), ...workspaces])
      diagnostics.push(...load.diagnostics);
    orgs.push({
      name: folder.name,
      folder: folder.display,
      ...(organization?.file ? { organization: organization.file } : {}),
      workspaces: workspaces.flatMap((w) => (w.file ? [w.file] : [])),
    });
  }
  diagnostics.push(...runRules(ALL_RULES, orgs));
  const sorted = sortDiagnostics(diagnostics);
  if (sorted.some((d) => d.severity === 'error')) return { ok: false, diagnostics: sorted };
  return {
    ok: true,
    value: { orgs: orgs.map(normaliseOrg) },
    warnings: sorted,
  };
}

/** Sorted by file, then line, then column (stable for equal positions). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}
