/**
 * The keys fingerprint (SPEC 4.4): secret values are write-only on the API,
 * so the tool records a one-way, salted, slow hash of a credential's secret
 * key values in its description, as the suffix
 * `[seqera-sync:v1:<salt>:<hash>]`, and compares it to detect rotation.
 * The hash is scrypt (N=2^14, r=8, p=1, 32 bytes) over a canonical encoding
 * of the values (sorted by key name), truncated to 22 base64url characters.
 * Nothing here ever returns or logs a secret value.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ActualState, KeysFingerprint } from '../model/actual.js';
import { address } from '../model/address.js';
import type { DesiredState } from '../model/desired.js';
import { resolveCredentialKeys } from './resolve-secrets.js';

const SCRYPT_COST = 16_384;
const SCRYPT_BLOCK_SIZE = 8;
const SCRYPT_PARALLELISM = 1;
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
 * Builds `PlannerContext.keysMatch` for the plan use-case: for every declared
 * credential whose live counterpart carries a keys fingerprint and whose
 * variables are all set, whether the declared secret values still hash to it.
 * Credentials without a live fingerprint, or with an unset variable, are
 * absent from the map (the planner then says "keys not compared").
 */
export async function computeKeysMatch(
  desired: DesiredState,
  actual: ActualState,
  variables: ReadonlyMap<string, string>,
): Promise<Map<string, boolean>> {
  const checks: Promise<readonly [string, boolean]>[] = [];
  for (const org of desired.orgs) {
    const liveOrg = actual.orgs.find((o) => o.name === org.name);
    for (const ws of org.workspaces) {
      const liveWs = liveOrg?.workspaces.find((w) => w.name === ws.name);
      for (const credential of ws.credentials ?? []) {
        const live = liveWs?.credentials?.find((c) => c.name === credential.name);
        const fingerprint = live?.fingerprint;
        if (fingerprint === undefined) continue;
        const resolved = resolveCredentialKeys(credential.keys, variables);
        if (!resolved.ok) continue;
        const key = address.credential(org.name, ws.name, credential.name);
        checks.push(
          keysMatch(resolved.value.secretValues, fingerprint).then((match) => [key, match] as const),
        );
      }
    }
  }
  return new Map(await Promise.all(checks));
}
