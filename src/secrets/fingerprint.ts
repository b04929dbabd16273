/**
 * The keys fingerprint: secret values are write-only on the API,
 * so the tool records a one-way, salted, slow hash of a credential's secret
 * key values in its description, as the suffix
 * `[seqera-sync:v1:<salt>:<hash>]`, and compares it to detect rotation.
 * The hash is scrypt (N=2^12, r=8, p=4, 32 bytes) over a canonical encoding
 * of the values (sorted by key name), truncated to 22 base64url characters.
 * Nothing here ever returns or logs a secret value.
 *
 * Cost: N·r·p is that of the common interactive setting (N=2^14, r=8, p=1):
 * about 40 ms of one core per hash here, so a guess costs an attacker the
 * same time. The memory per hash is 4 MiB instead of 16: OpenSSL allocates
 * it on libuv's pool threads, and glibc keeps a freed block of that size in
 * each thread's arena, so with 16 MiB the four pool threads alone held 64 MB
 * of the process for the rest of the run (measured; 17 MB with these).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { ActualState, ActualWorkspace, KeysFingerprint } from '../model/actual.js';
import { address } from '../model/address.js';
import type { DesiredState, DesiredWorkspace } from '../model/desired.js';
import { variablesOf, type Variables } from './variables.js';
import { resolveCredentialKeys } from './resolve-secrets.js';

const SCRYPT_COST = 4_096;
const SCRYPT_BLOCK_SIZE = 8;
const SCRYPT_PARALLELISM = 4;
const SCRYPT_KEY_LENGTH = 32;
const HASH_CHARS = 22;
const SALT_BYTES = 12;

/**
 * The suffix as read back (the one definition of the format for writer and
 * reader): salt and hash are base64url as written, and plain base64 (`+/=`) is
 * accepted too. Group 1 is the salt, group 2 the hash.
 */
const SUFFIX_BODY = String.raw`\[seqera-sync:v1:([A-Za-z0-9+/=_-]+):([A-Za-z0-9+/=_-]+)\]\s*$`;
export const FINGERPRINT_SUFFIX = new RegExp(String.raw`\s*` + SUFFIX_BODY);
/** As written by `withFingerprint`: the suffix alone, or after white space. */
const SUFFIX_PATTERN = new RegExp(String.raw`(?:^|\s+)` + SUFFIX_BODY);

/** Unambiguous encoding: a JSON array of `[name, value]` pairs sorted by name. */
function canonicalEncoding(keys: Readonly<Record<string, string>>): string {
  const names = Object.keys(keys).sort();
  return JSON.stringify(names.map((name) => [name, keys[name]]));
}

function scryptAsync(secret: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      secret,
      salt,
      SCRYPT_KEY_LENGTH,
      { N: SCRYPT_COST, r: SCRYPT_BLOCK_SIZE, p: SCRYPT_PARALLELISM },
      (error, derived) => {
        if (error) reject(error);
        else resolve(derived);
      },
    );
  });
}

/**
 * Fingerprint of `keys` (secret key name → value). With `salt`, the result is
 * deterministic; without it a random 12-byte base64url salt is drawn.
 */
export async function keysFingerprint(
  keys: Readonly<Record<string, string>>,
  salt?: string,
): Promise<KeysFingerprint> {
  const usedSalt = salt ?? randomBytes(SALT_BYTES).toString('base64url');
  const derived = await scryptAsync(canonicalEncoding(keys), usedSalt);
  return { salt: usedSalt, hash: derived.toString('base64url').slice(0, HASH_CHARS) };
}

/** True when `keys` hash to `fingerprint` under its salt (constant-time comparison). */
export async function keysMatch(
  keys: Readonly<Record<string, string>>,
  fingerprint: KeysFingerprint,
): Promise<boolean> {
  const { hash } = await keysFingerprint(keys, fingerprint.salt);
  const expected = Buffer.from(fingerprint.hash);
  const actual = Buffer.from(hash);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** `[seqera-sync:v1:<salt>:<hash>]`. */
export function formatFingerprintSuffix(fingerprint: KeysFingerprint): string {
  return `[seqera-sync:v1:${fingerprint.salt}:${fingerprint.hash}]`;
}

/**
 * Splits a live description into the user's part and the fingerprint, if the
 * description ends with a well-formed suffix. The user's part is trimmed and
 * `undefined` when empty.
 */
export function parseFingerprintSuffix(description: string | null | undefined): {
  readonly description?: string;
  readonly fingerprint?: KeysFingerprint;
} {
  if (description === null || description === undefined) return {};
  const match = SUFFIX_PATTERN.exec(description);
  const salt = match?.[1];
  const hash = match?.[2];
  if (match === null || salt === undefined || hash === undefined) {
    return description.trim() === '' ? {} : { description: description.trim() };
  }
  const rest = description.slice(0, match.index).trim();
  return rest === '' ? { fingerprint: { salt, hash } } : { description: rest, fingerprint: { salt, hash } };
}

/**
 * `description + ' ' + suffix` (the suffix alone when there is no
 * description). When `maxLength` is given, the user's part is truncated so
 * the whole fits; the suffix is never cut. The official spec sets no
 * maximum on `Credentials.description`, so credentials pass none.
 */
export function withFingerprint(
  description: string | undefined,
  fingerprint: KeysFingerprint,
  maxLength?: number,
): string {
  const suffix = formatFingerprintSuffix(fingerprint);
  const user = (description ?? '').trim();
  if (user === '') return suffix;
  const room = maxLength === undefined ? Infinity : maxLength - suffix.length - 1;
  if (room <= 0) return suffix;
  const kept = user.length > room ? user.slice(0, room).trimEnd() : user;
  return kept === '' ? suffix : `${kept} ${suffix}`;
}

/**
 * Hashes run at once: scrypt runs on libuv's thread pool, and more hashes in
 * flight than cores only make each one slower (and the event loop, which is
 * still reading the platform, slower too).
 */
const HASHES_IN_FLIGHT = Math.max(1, availableParallelism());

/** Feeds `PlannerContext.keysMatch` one workspace at a time, as the reader finishes them. */
export interface KeysMatcher {
  /** Starts the checks of one live workspace's credentials (a workspace seen twice is checked once). */
  readonly workspaceRead: (orgName: string, workspace: ActualWorkspace) => void;
  /** Every check started so far, settled: credential address → the declared values still match. */
  readonly result: () => Promise<Map<string, boolean>>;
  /**
   * Skips every check not yet running (their credentials are absent from the
   * result): when the read fails, a run must not spend seconds hashing for a
   * plan it will never make before it exits.
   */
  readonly cancel: () => void;
}

/**
 * Builds `PlannerContext.keysMatch` incrementally, so the hashing (the slow,
 * CPU-bound part) overlaps the reads instead of following them: for every
 * declared credential whose live counterpart carries a keys fingerprint and
 * whose variables are all set for its own workspace, whether the declared secret values still hash
 * to it. Credentials without a live fingerprint, or with an unset variable,
 * are absent from the map (the planner then says "keys not compared").
 */
export function startKeysMatch(desired: DesiredState, variables: Variables): KeysMatcher {
  const declared = new Map<string, DesiredWorkspace>(
    desired.orgs.flatMap((org) => org.workspaces.map((ws) => [`${org.name}/${ws.name}`, ws] as const)),
  );
  const limit = pLimit(HASHES_IN_FLIGHT);
  const started = new Set<string>();
  const checks: Promise<readonly [string, boolean] | undefined>[] = [];
  let cancelled = false;
  const workspaceRead = (orgName: string, live: ActualWorkspace): void => {
    const wsKey = `${orgName}/${live.name}`;
    const ws = declared.get(wsKey);
    if (ws === undefined || started.has(wsKey)) return;
    started.add(wsKey);
    for (const credential of ws.credentials ?? []) {
      const fingerprint = live.credentials?.find((c) => c.name === credential.name)?.fingerprint;
      if (fingerprint === undefined) continue;
      const resolved = resolveCredentialKeys(credential.keys, variablesOf(variables, orgName, ws.name));
      if (!resolved.ok) continue;
      const key = address.credential(orgName, ws.name, credential.name);
      const values = resolved.value.secretValues;
      const check = limit(async () =>
        cancelled ? undefined : ([key, await keysMatch(values, fingerprint)] as const),
      );
      // Awaited by result(); until then (or when the read fails first) a failure is not unhandled.
      check.catch(() => undefined);
      checks.push(check);
    }
  };
  return {
    workspaceRead,
    result: async () => new Map((await Promise.all(checks)).filter((c) => c !== undefined)),
    cancel: () => {
      cancelled = true;
    },
  };
}

/** `startKeysMatch` over a live state read in full (every workspace at once). */
export async function computeKeysMatch(
  desired: DesiredState,
  actual: ActualState,
  variables: Variables,
): Promise<Map<string, boolean>> {
  const matcher = startKeysMatch(desired, variables);
  for (const org of actual.orgs) for (const ws of org.workspaces) matcher.workspaceRead(org.name, ws);
  return matcher.result();
}
