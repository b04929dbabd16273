/** Reads the API token from `TOWER_ACCESS_TOKEN` only (never a flag, never printed). */
import { UsageError } from '../errors.js';

export function requireToken(env: Readonly<Record<string, string | undefined>>): string {
  const token = env.TOWER_ACCESS_TOKEN?.trim();
  if (token === undefined || token === '') {
    throw new UsageError(
      'TOWER_ACCESS_TOKEN is not set: export the access token of the service account that owns the managed organisations',
    );
  }
  return token;
}
