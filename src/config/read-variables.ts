/**
 * Where the variables are read from: the file named by `--vars-file`, or the
 * `SEQERA_SYNC_VARS` environment variable. Giving both is an error, so the
 * values in use are never in doubt. No other environment variable is read.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FileError, UsageError } from '../errors.js';
import { noVariables, parseVariables, VARS_VARIABLE, type Variables } from '../secrets/variables.js';

/** Largest variables file read (1 MiB). */
export const MAX_VARS_FILE_BYTES = 1024 * 1024;

export async function readVariables(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  varsFile: string | undefined,
): Promise<Variables> {
  const fromEnv = env[VARS_VARIABLE];
  const envSet = fromEnv !== undefined && fromEnv.trim() !== '';
  if (varsFile === undefined) return envSet ? parseVariables(fromEnv, VARS_VARIABLE) : noVariables();
  if (envSet) {
    throw new UsageError(
      `both --vars-file and ${VARS_VARIABLE} are set: give the variables one way only (unset ${VARS_VARIABLE}, or drop --vars-file)`,
    );
  }
  const path = resolve(cwd, varsFile);
  const origin = `--vars-file ${varsFile}`;
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileError(path, `${origin}: not a regular file`);
    if (info.size > MAX_VARS_FILE_BYTES) {
      throw new FileError(path, `${origin}: too large (at most ${MAX_VARS_FILE_BYTES} bytes are read)`);
    }
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof FileError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new FileError(
      path,
      `${origin}: cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  return parseVariables(text, origin);
}
