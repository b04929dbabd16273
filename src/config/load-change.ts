/**
 * Loads a change and its base (`--base-config-dir`) for a plan scoped to the
 * change, reading no more than that plan needs.
 *
 * Files are paired by their path relative to each config dir. A pair with
 * identical bytes is unchanged and is not parsed at all, on either side.
 * Everything else is loaded and validated, and the pure comparison
 * (`scopeChange`) then judges by declared content, as without this step:
 *
 * - an organisation folder only one side has is loaded whole on that side;
 * - an organisation whose `organization.yaml` differs in bytes (or exists on
 *   one side only) is loaded whole on both sides, as it may be planned whole;
 * - otherwise an organisation with a differing, added or removed workspace
 *   file loads its `organization.yaml` once (the bytes are the same on both
 *   sides, so the base reuses the change's) and those workspace files only;
 *   an organisation with no such file loads nothing.
 *
 * The semantic rules that span files (duplicate names across workspaces,
 * for one) see only the files loaded here, so they cannot judge the rest
 * of the tree: `validate` on the whole configuration does (the pull
 * request workflow runs it before this plan).
 */
import pLimit from 'p-limit';
import { readFile, stat } from 'node:fs/promises';
import type { DesiredState } from '../model/desired.js';
import type { Loaded } from '../model/diagnostics.js';
import { findConfigFiles, type ConfigFileRef, type OrgFolder } from './config-files.js';
import { loadOrgFolders } from './load-desired-state.js';
import { loadConfigFile, MAX_FILE_BYTES, type FileLoad } from './load-file.js';
import type { LoadProgress } from './load-progress.js';
import { schemaValidators } from './schema-validator.js';
import type { WrittenOrganization } from './written.js';

/** File pairs compared at once. */
const PAIRS_IN_FLIGHT = 64;

export interface ChangeLoadOptions {
  /** The directory file paths in messages are relative to (the user's working directory). */
  readonly displayFrom?: string;
  /** Told how many files are parsed and each one read (for a progress line). */
  readonly progress?: LoadProgress;
}

/** A workspace file of the change, named by its path (the name a valid file declares). */
export interface WorkspaceFileName {
  readonly org: string;
  readonly name: string;
}

export interface ChangeLoad {
  /** The change's files the plan needs, loaded as `plan` loads them. */
  readonly change: Loaded<DesiredState>;
  /** The base's files the plan needs, loaded as `validate` does; absent when the change did not load. */
  readonly base?: Loaded<DesiredState>;
  /** Every workspace file of the change, parsed or not. */
  readonly workspaceFiles: readonly WorkspaceFileName[];
  /** Display paths of the files parsed: the change's, then the base's. */
  readonly parsed: readonly string[];
}

/** True when both files exist and hold the same bytes (an unreadable or oversized file never does). */
async function sameBytes(a: ConfigFileRef | undefined, b: ConfigFileRef | undefined): Promise<boolean> {
  if (a === undefined || b === undefined) return a === b;
  try {
    const [left, right] = await Promise.all([stat(a.absolutePath), stat(b.absolutePath)]);
    if (!left.isFile() || !right.isFile() || left.size !== right.size || left.size > MAX_FILE_BYTES) {
      return false;
    }
    const [x, y] = await Promise.all([readFile(a.absolutePath), readFile(b.absolutePath)]);
    return x.equals(y);
  } catch {
    return false;
  }
}

interface FolderPlan {
  readonly change?: OrgFolder;
  readonly base?: OrgFolder;
  /** The base reuses the change's `organization.yaml` (identical bytes). */
  readonly sharedOrgFile: boolean;
}

async function planFolder(
  change: OrgFolder | undefined,
  base: OrgFolder | undefined,
  limit: ReturnType<typeof pLimit>,
): Promise<FolderPlan> {
  if (change === undefined || base === undefined) {
    return { ...(change ? { change } : {}), ...(base ? { base } : {}), sharedOrgFile: false };
  }
  if (!(await limit(() => sameBytes(change.organization, base.organization)))) {
    return { change, base, sharedOrgFile: false };
  }
  const names = [...new Set([...change.workspaces, ...base.workspaces].map((ref) => ref.baseName))];
  const byName = (refs: readonly ConfigFileRef[], name: string): ConfigFileRef | undefined =>
    refs.find((ref) => ref.baseName === name);
  const differing = new Set<string>();
  await Promise.all(
    names.map((name) =>
      limit(async () => {
        if (!(await sameBytes(byName(change.workspaces, name), byName(base.workspaces, name)))) {
          differing.add(name);
        }
      }),
    ),
  );
  if (differing.size === 0) return { sharedOrgFile: false };
  const keep = (folder: OrgFolder): OrgFolder => ({
    ...folder,
    workspaces: folder.workspaces.filter((ref) => differing.has(ref.baseName)),
  });
  return { change: keep(change), base: keep(base), sharedOrgFile: change.organization !== undefined };
}

const filesOf = (folder: OrgFolder, withOrgFile: boolean): string[] => [
  ...(withOrgFile && folder.organization ? [folder.organization.display] : []),
  ...folder.workspaces.map((ref) => ref.display),
];

/** Loads what a plan of the change in `configDir` against `baseDir` needs (both dirs must exist). */
export async function loadChange(
  configDir: string,
  baseDir: string,
  options: ChangeLoadOptions,
): Promise<ChangeLoad> {
  const [changeFiles, baseFiles] = await Promise.all([
    findConfigFiles(configDir, options.displayFrom),
    findConfigFiles(baseDir, options.displayFrom),
  ]);
  const names = [
    ...new Set([...changeFiles.folders, ...baseFiles.folders].map((folder) => folder.name)),
  ].sort();
  const limit = pLimit(PAIRS_IN_FLIGHT);
  const plans = await Promise.all(
    names.map((name) =>
      planFolder(
        changeFiles.folders.find((f) => f.name === name),
        baseFiles.folders.find((f) => f.name === name),
        limit,
      ),
    ),
  );
  const workspaceFiles = changeFiles.folders.flatMap((folder) =>
    folder.workspaces.map((ref) => ({ org: folder.name, name: ref.baseName })),
  );

  // An organisation file both sides share is loaded once, as the change loads it.
  const shared = new Map<string, FileLoad<WrittenOrganization>>();
  const sharedRefs = plans.flatMap((p) => (p.sharedOrgFile ? [p.change?.organization] : []));
  if (sharedRefs.length > 0) {
    const fileOptions = { validators: await schemaValidators() };
    options.progress?.filesFound(sharedRefs.filter((ref) => ref !== undefined).length);
    for (const ref of sharedRefs) {
      if (ref === undefined) continue;
      const load = await loadConfigFile<WrittenOrganization>(ref, fileOptions);
      options.progress?.fileRead();
      if (load.file !== undefined) shared.set(ref.org, load);
    }
  }
  const changeFolders = plans.flatMap((p) => (p.change ? [p.change] : []));
  const change = await loadOrgFolders(
    changeFolders,
    [...changeFiles.warnings, ...changeFiles.errors],
    shared,
    options.progress,
  );
  const changeParsed = changeFolders.flatMap((f) => filesOf(f, true));
  if (!change.ok) return { change, workspaceFiles, parsed: changeParsed };
  const baseFolders = plans.flatMap((p) => (p.base ? [p.base] : []));
  const base = await loadOrgFolders(baseFolders, baseFiles.errors, shared, options.progress);
  return {
    change,
    base,
    workspaceFiles,
    parsed: [...changeParsed, ...baseFolders.flatMap((f) => filesOf(f, !shared.has(f.name)))],
  };
}
