/**
 * Variables for `${NAME}` references in credential keys and secret values.
 * They come only from a JSON object (the `SEQERA_SYNC_VARS` environment
 * variable, or the file given with `--vars-file`) keyed by
 * `"<org>/<workspace>"`, each an object of `NAME: value`. A workspace file
 * resolves names only under its own key, so one community's file can never
 * read another's secret; the rest of the process environment is never a
 * source. An empty value counts as unset (the skeleton `export` prints has
 * empty values). Errors name the offending key, never a value.
 */
import { SyncError } from '../errors.js';
import { VARIABLE_NAME } from '../formats/interpolate.js';

/** The environment variable holding the JSON object of every workspace's variables. */
export const VARS_VARIABLE = 'SEQERA_SYNC_VARS';

/** `<org>/<workspace>`: the names the configuration allows for folders and files. */
const SCOPE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}\/[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Longest key or name quoted back in an error (a mistaken value pasted as a key stays mostly unquoted). */
const MAX_QUOTED = 48;

/** The variables of every workspace, and where they came from (for messages). */
export interface Variables {
  /** `SEQERA_SYNC_VARS`, or `--vars-file <path>`. */
  readonly origin: string;
  /** `org/workspace` → name → value (set, non-empty values only). */
  readonly scopes: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const NO_VALUES: ReadonlyMap<string, string> = new Map();

/** No variables at all (nothing given). */
export function noVariables(origin: string = VARS_VARIABLE): Variables {
  return { origin, scopes: new Map() };
}

/** The key a workspace's variables live under. */
export function scopeKey(org: string, workspace: string): string {
  return `${org}/${workspace}`;
}

/** The variables one workspace's file may use (empty when its key is absent). */
export function variablesOf(
  variables: Variables,
  org: string,
  workspace: string,
): ReadonlyMap<string, string> {
  return variables.scopes.get(scopeKey(org, workspace)) ?? NO_VALUES;
}

function quoted(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/**
 * Parses the JSON text of the variables (`origin` names it in errors). Throws
 * a `SyncError` for anything but `{"org/ws": {"NAME": "value"}}`; the message
 * names the key at fault and never quotes a value.
 */
export function parseVariables(raw: string | undefined, origin: string): Variables {
  if (raw === undefined || raw.trim() === '') return noVariables(origin);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // The parser's message may quote the text, which holds secrets: say only what is wrong.
    throw new SyncError(
      `${origin} is not valid JSON (expected an object like {"<org>/<workspace>": {"NAME": "value"}})`,
    );
  }
  if (!isPlainObject(parsed)) {
    throw new SyncError(`${origin} must be a JSON object like {"<org>/<workspace>": {"NAME": "value"}}`);
  }
  const scopes = new Map<string, ReadonlyMap<string, string>>();
  for (const [key, names] of Object.entries(parsed)) {
    if (!SCOPE_KEY.test(key)) {
      throw new SyncError(
        `${origin}: key ${quoted(key)} is not "<org>/<workspace>" (each key names one workspace, e.g. "biocommons/ausgen")`,
      );
    }
    if (!isPlainObject(names)) {
      throw new SyncError(`${origin}: the value of ${quoted(key)} must be an object like {"NAME": "value"}`);
    }
    const values = new Map<string, string>();
    for (const [name, value] of Object.entries(names)) {
      if (!VARIABLE_NAME.test(name)) {
        throw new SyncError(
          `${origin}: ${quoted(key)} has ${quoted(name)}, which is not a variable name (A-Z, 0-9 and _, not starting with a digit)`,
        );
      }
      if (typeof value !== 'string') {
        throw new SyncError(`${origin}: ${quoted(key)} → ${name} must be a string`);
      }
      if (value !== '') values.set(name, value);
    }
    scopes.set(key, values);
  }
  return { origin, scopes };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
