/**
 * Variables for `${NAME}` interpolation (SPEC 3.4): the environment, plus a
 * JSON object in `SEQERA_SYNC_VARS` (one CI secret carrying them all). The
 * environment wins on a clash. An empty value counts as unset, so a CI secret
 * that is not defined (GitHub expands it to '') never shadows a real value.
 */
import { SyncError } from '../errors.js';

/** A variable name: `[A-Z_][A-Z0-9_]*`. */
export const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** The variable holding a JSON object of extra variables. */
export const VARS_VARIABLE = 'SEQERA_SYNC_VARS';

/**
 * Resolves every variable available to interpolation and to `SecretRef`s.
 * Throws a `SyncError` when `SEQERA_SYNC_VARS` is set but is not a JSON object
 * of valid names to strings (numbers and booleans are accepted as text); the
 * message never quotes a value.
 */
export function resolveVariables(
  env: Readonly<Record<string, string | undefined>>,
): ReadonlyMap<string, string> {
  const variables = new Map<string, string>(parseVarsJson(env[VARS_VARIABLE]));
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') variables.set(name, value);
  }
  return variables;
}

function parseVarsJson(raw: string | undefined): [string, string][] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // The parser's message may quote the text, which holds secrets: say only where the problem is.
    throw new SyncError(`${VARS_VARIABLE} is not valid JSON (expected an object like {"NAME": "value"})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SyncError(`${VARS_VARIABLE} must be a JSON object like {"NAME": "value"}`);
  }
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (!VARIABLE_NAME.test(name)) {
      throw new SyncError(
        `${VARS_VARIABLE}: '${name}' is not a valid variable name (${VARIABLE_NAME.source})`,
      );
    }
    if (typeof value === 'string') {
      if (value !== '') entries.push([name, value]);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      entries.push([name, String(value)]);
    } else {
      throw new SyncError(`${VARS_VARIABLE}: the value of ${name} must be a string`);
    }
  }
  return entries;
}
