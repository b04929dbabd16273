/**
 * DTO → actual credential: the keys fingerprint suffix
 * `[seqera-sync:v1:<salt>:<hash>]` is parsed off the description, `keys`
 * loses its `discriminator`, and any secret key field (secret-fields.ts) the
 * API returned is redacted to `(sensitive)`: secret values never enter
 * actual state.
 */
import type { Credentials } from '../../api/compute-operations.js';
import { ApiError } from '../../api/errors.js';
import type { KeysFingerprint } from '../../model/actual.js';
import type { ActualCredential } from './model.js';
import { secretKeyFields, SENSITIVE } from '../../model/secret-fields.js';
import { FINGERPRINT_SUFFIX } from '../../secrets/fingerprint.js';
import { text } from '../kit/live-text.js';

/** Splits a live description into the text and the fingerprint suffix (when present). */
export function splitFingerprint(description: string): {
  readonly description: string;
  readonly fingerprint?: KeysFingerprint;
} {
  const match = FINGERPRINT_SUFFIX.exec(description);
  if (match?.[1] === undefined || match[2] === undefined) return { description };
  return {
    description: description.slice(0, match.index),
    fingerprint: { salt: match[1], hash: match[2] },
  };
}

/** Keys without `discriminator`, secret fields redacted (null secret values dropped). */
export function redactKeys(provider: string, keys: unknown): Record<string, unknown> {
  const secret = new Set(secretKeyFields(provider));
  const out: Record<string, unknown> = {};
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return out;
  for (const [key, value] of Object.entries(keys)) {
    if (key === 'discriminator') continue;
    if (secret.has(key)) {
      if (value !== null && value !== undefined && value !== '') out[key] = SENSITIVE;
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** Listed credentials carry their id (the client checks it; a row without one is an invalid response). */
export function mapCredential(dto: Credentials): ActualCredential {
  if (typeof dto.id !== 'string') {
    throw new ApiError(
      'invalid-response',
      'GET',
      '/credentials',
      200,
      undefined,
      `GET /credentials failed: unexpected response (200): credentials '${dto.name}' have no id`,
    );
  }
  const split = splitFingerprint(text(dto.description) ?? '');
  const baseUrl = text(dto.baseUrl);
  return {
    id: dto.id,
    name: dto.name,
    provider: dto.provider,
    ...(split.description === '' ? {} : { description: split.description }),
    ...(split.fingerprint === undefined ? {} : { fingerprint: split.fingerprint }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    keys: redactKeys(dto.provider, dto.keys),
    ...(dto.keys === undefined ? { keysUnknown: true as const } : {}),
  };
}
