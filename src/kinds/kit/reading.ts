/** Names what was being read in an `ApiError` message (org and workspace names, not just ids). */
import { ApiError } from '../../api/errors.js';

/** Runs `read`; an `ApiError` it throws is rethrown with ` (reading <what>)` appended. */
export async function reading<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof ApiError) || err.kind === 'unauthorized') throw err;
    throw new ApiError(
      err.kind,
      err.method,
      err.path,
      err.status,
      err.platformMessage,
      `${err.message} (reading ${what})`,
    );
  }
}

/** A describe that 400s or 404s means the object went away between list and describe. */
export function gone(err: unknown): boolean {
  return err instanceof ApiError && (err.kind === 'not-found' || err.kind === 'bad-request');
}
