/**
 * The rules for a dataset's file. A workspace file names it by a bare file
 * name; the file is `<org folder>/datasets/<workspace>/<name>`, so the
 * repository's CODEOWNERS give each workspace's folder to its maintainers.
 * It must be a regular file (not a symbolic link, not a directory) inside
 * that folder, a `.csv` or `.tsv`, UTF-8 text without NUL or other control
 * characters, and at most `DATASET_MAX_BYTES`. Names from the platform
 * (export) pass the same name rule, so no name can point outside the folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { DATASETS_FOLDER } from '../../model/dataset-folder.js';

/** The largest dataset file accepted: 10 MB. */
export const DATASET_MAX_BYTES = 10 * 1024 * 1024;

export { DATASETS_FOLDER };

/** Why `name` is not a bare `.csv`/`.tsv` file name, or undefined when it is one. */
export function fileNameProblem(name: string): string | undefined {
  if (path.posix.isAbsolute(name) || path.win32.isAbsolute(name)) {
    return `'${name}' is an absolute path: name a file in the workspace's datasets folder by its bare name`;
  }
  if (name.split(/[\\/]/).includes('..')) {
    return `'${name}' climbs out of the workspace's datasets folder ('..'): name a file in it by its bare name`;
  }
  if (/[\\/]/.test(name)) {
    return `'${name}' is a path: name a file in the workspace's datasets folder by its bare name (no '/' or '\\')`;
  }
  if (name === '.' || name.startsWith('.')) return `'${name}' is a hidden name, not a dataset file`;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the file name holds a control character';
  if (!/\.(csv|tsv)$/i.test(name)) return `'${name}' is not a .csv or .tsv file`;
  return undefined;
}

/** The media type a file is uploaded with (by its extension). */
export function mediaTypeOf(name: string): string {
  return /\.tsv$/i.test(name) ? 'text/tab-separated-values' : 'text/csv';
}

/** The content of a checked dataset file. */
export interface DatasetFileContent {
  readonly bytes: Buffer;
  readonly size: number;
  readonly sha256: string;
}

export type DatasetFileCheck =
  | { readonly ok: true; readonly content: DatasetFileContent }
  | { readonly ok: false; readonly problem: string };

/** SHA-256 of bytes, hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Why `bytes` are not UTF-8 CSV/TSV text, or undefined. */
export function contentProblem(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is not UTF-8 text';
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) {
    return 'holds NUL or other control characters: not CSV/TSV text';
  }
  return undefined;
}

/** The folder a workspace's dataset files live in, next to its workspace file. */
export function datasetsFolderOf(workspaceFile: string, workspace: string): string {
  return path.join(path.dirname(workspaceFile), DATASETS_FOLDER, workspace);
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function readAtMost(file: string, limit: number): Buffer | undefined {
  // Opened once, checked on the descriptor: the file read is the file checked.
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks the file `name` of `workspace` declared in `workspaceFile` (an
 * absolute path; the config dir is its folder's parent) and reads it.
 * `shown` is how the file is named in messages.
 */
export function checkDatasetFile(
  workspaceFile: string,
  workspace: string,
  name: string,
  limit: number = DATASET_MAX_BYTES,
): DatasetFileCheck {
  const fail = (problem: string): DatasetFileCheck => ({ ok: false, problem });
  const nameProblem = fileNameProblem(name);
  if (nameProblem !== undefined) return fail(nameProblem);
  const orgFolder = path.dirname(workspaceFile);
  const configDir = path.dirname(orgFolder);
  const folder = datasetsFolderOf(workspaceFile, workspace);
  const file = path.join(folder, name);
  const shown = `${DATASETS_FOLDER}/${workspace}/${name}`;
  const stat = lstatOrUndefined(file);
  if (stat === undefined) return fail(`${shown} does not exist next to the workspace file`);
  if (stat.isSymbolicLink()) {
    return fail(`${shown} is a symbolic link: dataset files must be regular files (not followed)`);
  }
  if (stat.isDirectory()) return fail(`${shown} is a directory, not a file`);
  if (!stat.isFile()) return fail(`${shown} is not a regular file`);
  // The folders on the way must be the workspace's own, inside the config dir (no link to another one).
  const realConfig = realOrUndefined(configDir);
  const realOrg = realOrUndefined(orgFolder);
  const realFolder = realOrUndefined(folder);
  if (
    realConfig === undefined ||
    realOrg === undefined ||
    realFolder !== path.join(realOrg, DATASETS_FOLDER, workspace) ||
    !realFolder.startsWith(realConfig + path.sep)
  ) {
    return fail(
      `${DATASETS_FOLDER}/${workspace}/ is a link to another folder: dataset files must be inside the workspace's own datasets folder`,
    );
  }
  if (stat.size > limit) {
    return fail(`${shown} is ${String(stat.size)} bytes, over the ${String(limit)}-byte limit for a dataset`);
  }
  let bytes: Buffer | undefined;
  try {
    bytes = readAtMost(file, limit);
  } catch (err) {
    const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
    return fail(`${shown} cannot be read (${typeof code === 'string' ? code : 'unreadable'})`);
  }
  if (bytes === undefined) return fail(`${shown} changed while it was read`);
  const problem = contentProblem(bytes);
  if (problem !== undefined) return fail(`${shown} ${problem}`);
  return { ok: true, content: { bytes, size: bytes.length, sha256: sha256Of(bytes) } };
}
