/**
 * Finds the configuration files of a config dir:
 * `<dir>/<org>/organization.yaml` and `<dir>/<org>/<workspace>.yaml`.
 * Hidden entries are skipped; stray YAML files (a `.yml` extension, or a file
 * outside an organisation folder) are reported as warnings, never read.
 * Configuration files must be regular files inside the config dir: a symbolic
 * link is followed only when its target stays inside the config dir; one that
 * leaves it, or a `.yaml` entry that is not a regular file (a device, a pipe),
 * is an error naming the entry, and the target is never read or shown.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { FileKind } from '../formats/schema-validator.js';

export const ORGANIZATION_FILE = 'organization.yaml';

export interface ConfigFileRef {
  readonly kind: FileKind;
  /** The organisation folder's name. */
  readonly org: string;
  /** File name without `.yaml`. */
  readonly baseName: string;
  readonly absolutePath: string;
  /** Path shown in diagnostics: relative to the config dir's parent, with `/`. */
  readonly display: string;
}

export interface OrgFolder {
  readonly name: string;
  readonly display: string;
  readonly organization?: ConfigFileRef;
  /** Workspace files, sorted by name. */
  readonly workspaces: readonly ConfigFileRef[];
}

export interface ConfigFiles {
  /** Sorted by name. */
  readonly folders: readonly OrgFolder[];
  readonly warnings: readonly Diagnostic[];
  /** Entries refused (a link out of the config dir, not a regular file); never read. */
  readonly errors: readonly Diagnostic[];
}

type EntryKind = 'file' | 'directory' | 'other' | 'outside';

interface Walk {
  /** The config dir with every symbolic link resolved. */
  readonly realRoot: string;
  readonly display: (p: string) => string;
  readonly warn: (p: string, message: string) => void;
  readonly fail: (p: string, message: string) => void;
}

const OUTSIDE_MESSAGE =
  'is a symbolic link to somewhere outside the config dir: configuration files must be regular files inside it (not read)';

/**
 * How a file's path is shown in messages: relative to `from` (the directory
 * the user runs the command in) when the file is inside it, so it can be
 * opened from there; absolute otherwise. Without `from`: relative to the
 * parent of the config dir (`workspaces/<org>/<name>.yaml`).
 */
export function displayPath(root: string, from: string | undefined): (p: string) => string {
  const base = from === undefined ? path.dirname(root) : path.resolve(from);
  return (p) => {
    const relative = path.relative(base, p);
    const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? p : relative;
    return shown.split(path.sep).join('/');
  };
}

/** Throws `FileError` when the config dir is missing or not a directory. */
export async function findConfigFiles(configDir: string, displayFrom?: string): Promise<ConfigFiles> {
  const root = path.resolve(configDir);
  const display = displayPath(root, displayFrom);
  await assertDirectory(root, configDir);
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const diagnostic = (p: string, severity: 'warning' | 'error', message: string): Diagnostic => ({
    file: display(p),
    line: 1,
    column: 1,
    pointer: '',
    severity,
    message,
  });
  const walk: Walk = {
    realRoot: await realpath(root),
    display,
    warn: (p, message) => warnings.push(diagnostic(p, 'warning', message)),
    fail: (p, message) => errors.push(diagnostic(p, 'error', message)),
  };
  const folders: OrgFolder[] = [];
  for (const entry of await listDir(root)) {
    const full = path.join(root, entry.name);
    const kind = await kindOf(full, entry, walk.realRoot);
    if (kind === 'outside') walk.fail(full, `${entry.name} ${OUTSIDE_MESSAGE}`);
    else if (kind === 'directory') folders.push(await readOrgFolder(full, entry.name, walk));
    else if (/\.ya?ml$/.test(entry.name)) {
      walk.warn(
        full,
        `ignored: configuration files belong in an organisation folder (${display(root)}/<org>/<name>.yaml)`,
      );
    }
  }
  if (folders.length === 0) {
    warnings.push({
      file: display(root),
      line: 1,
      column: 1,
      pointer: '',
      severity: 'warning',
      message: 'no organisation folders found (expected <org>/organization.yaml and <org>/<workspace>.yaml)',
    });
  }
  return { folders, warnings, errors };
}

async function readOrgFolder(dir: string, org: string, walk: Walk): Promise<OrgFolder> {
  let organization: ConfigFileRef | undefined;
  const workspaces: ConfigFileRef[] = [];
  for (const entry of await listDir(dir)) {
    const full = path.join(dir, entry.name);
    const yaml = /\.ya?ml$/.test(entry.name);
    const kind = await kindOf(full, entry, walk.realRoot);
    if (kind === 'outside') {
      if (yaml) walk.fail(full, `${entry.name} ${OUTSIDE_MESSAGE}`);
      continue;
    }
    if (kind !== 'file') {
      if (yaml && kind === 'other') walk.fail(full, `${entry.name} is not a regular file (not read)`);
      continue;
    }
    if (entry.name.endsWith('.yml')) {
      walk.warn(
        full,
        `ignored: seqera-sync reads only .yaml files (rename to ${entry.name.slice(0, -4)}.yaml)`,
      );
      continue;
    }
    if (!entry.name.endsWith('.yaml')) continue;
    const ref = {
      org,
      baseName: entry.name.slice(0, -'.yaml'.length),
      absolutePath: full,
      display: walk.display(full),
    };
    if (entry.name === ORGANIZATION_FILE) organization = { ...ref, kind: 'organization' };
    else workspaces.push({ ...ref, kind: 'workspace' });
  }
  return { name: org, display: walk.display(dir), ...(organization ? { organization } : {}), workspaces };
}

/**
 * What an entry is. A symbolic link counts as what it points to when that is
 * inside `realRoot`, else as `outside`; a dangling one counts as a file (reading
 * it then reports the file as unreadable).
 */
async function kindOf(full: string, entry: Dirent, realRoot: string): Promise<EntryKind> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (!entry.isSymbolicLink()) return 'other';
  let target: string;
  try {
    target = await realpath(full);
  } catch {
    return 'file';
  }
  const relative = path.relative(realRoot, target);
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (relative === '' || leaves) return 'outside';
  try {
    const info = await stat(target);
    return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'file';
  }
}

async function assertDirectory(root: string, asGiven: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch {
    throw new FileError(asGiven, `config dir '${asGiven}' does not exist (set --config-dir)`);
  }
  if (!isDirectory) throw new FileError(asGiven, `config dir '${asGiven}' is not a directory`);
}

async function listDir(dir: string): Promise<Dirent[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new FileError(dir, `cannot read directory '${dir}'${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}
