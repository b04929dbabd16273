/**
 * Writes the exported files. Existing files are never replaced unless
 * `force` is set: every target is checked first and, if any exists, nothing
 * is written (the error names them all). Without `force` each file is also
 * created exclusively, so a file that appears in between is not overwritten.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileError } from '../errors.js';

export interface FileToWrite {
  /** Absolute path. */
  readonly path: string;
  /** Shown in messages (relative to the working directory when inside it). */
  readonly display: string;
  readonly text: string;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw fileError(file, file, err);
  }
}

function fileError(file: string, display: string, err: unknown): FileError {
  const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
  return new FileError(file, `cannot write ${display}: ${reason}`);
}

export async function writeExportFiles(files: readonly FileToWrite[], force: boolean): Promise<void> {
  if (!force) {
    const present: string[] = [];
    for (const file of files) if (await exists(file.path)) present.push(file.display);
    if (present.length > 0) {
      throw new FileError(
        files.find((f) => f.display === present[0])?.path ?? '',
        `refusing to overwrite ${present.join(', ')}: move ${present.length === 1 ? 'it' : 'them'} away or pass --force`,
      );
    }
  }
  for (const file of files) {
    try {
      await mkdir(path.dirname(file.path), { recursive: true });
      await writeFile(file.path, file.text, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new FileError(file.path, `refusing to overwrite ${file.display}: it appeared while exporting`);
      }
      throw fileError(file.path, file.display, err);
    }
  }
}
