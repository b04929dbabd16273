/**
 * Credentials on the platform (`/credentials?workspaceId=`): the wire shape
 * and its decoder (both provider spellings), the list, one credential
 * described, the writes, and a credential → the live one (its secret keys
 * never read: only the fingerprint the tool wrote in its description).
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { expectStringId } from '../../api/call-helpers.js';
import { contextOf } from '../../api/call-helpers.js';
import { segment } from '../../api/request-path.js';
import { decodeList, decodeMember, type Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';
import { ApiError } from '../../api/errors.js';
import type { KeysFingerprint } from '../../model/actual.js';
import { secretKeyFields, SENSITIVE } from '../../model/secret-fields.js';
import { FINGERPRINT_SUFFIX } from '../../secrets/fingerprint.js';
import { text } from '../kit/live-text.js';
import type { ActualCredential } from './model.js';

/** `keys` is a SecurityKeys variant: `discriminator` equals the provider. */
export interface Credentials {
  id?: string;
  name: string;
  provider: string;
  description?: string | null;
  baseUrl?: string | null;
  category?: string | null;
  keys?: Record<string, unknown> & { discriminator?: string };
  status?: string;
}

/**
 * Credentials (list rows and `GET /credentials/{id}`). The provider is
 * `provider`; rows in the 2021 shape name it `discriminator` instead (and
 * `keys.discriminator` always repeats it): the first one present is the
 * provider, mapped here once. A row may carry no `keys` at all (the list
 * leaves them out for some providers): `keys` is then undefined, not `{}`, so
 * a reader can tell "no key fields returned" from "no key fields".
 */
export function decodeCredentials(f: Fields): Credentials & { id: string } {
  const keys = f.optObject('keys');
  const provider =
    f.optString('provider') ?? f.optString('discriminator') ?? keys?.optString('discriminator');
  return {
    id: f.string('id'),
    name: f.string('name'),
    provider: provider ?? f.fail('provider', "a string (nor is 'discriminator')"),
    ...opt('description', f.optString('description')),
    ...opt('baseUrl', f.optString('baseUrl')),
    ...opt('category', f.optString('category')),
    ...opt('keys', keys?.copy()),
  };
}

export interface CredentialReads {
  /** Not paged by the API; includes non-secret key fields. */
  listCredentials(workspaceId: number): Promise<Credentials[]>;
  /** GET /credentials/{id}: the one credential, with the non-secret `keys` a list row may leave out. */
  describeCredentials(workspaceId: number, credentialsId: string): Promise<Credentials>;
}

const credentialsPath = (id: string): string => `/credentials/${segment(id)}`;

/** The credentials kind's own read endpoints. */
export const credentialReads = operations(
  'credentials (reads)',
  ({ transport: t }: OperationsContext): CredentialReads => {
    return {
      async listCredentials(workspaceId) {
        const result = await t.call({ method: 'GET', path: '/credentials', query: { workspaceId } });
        return decodeList(result.body, 'credentials', contextOf(result), decodeCredentials);
      },
      async describeCredentials(workspaceId, credentialsId) {
        const result = await t.call({
          method: 'GET',
          path: credentialsPath(credentialsId),
          query: { workspaceId },
        });
        return decodeMember(result.body, 'credentials', contextOf(result), decodeCredentials);
      },
    };
  },
);

export interface CredentialWrites {
  /** Returns the new credentials id. */
  createCredentials(workspaceId: number, credentials: Credentials): Promise<string>;
  updateCredentials(workspaceId: number, credentialsId: string, credentials: Credentials): Promise<void>;
  deleteCredentials(workspaceId: number, credentialsId: string): Promise<void>;
}

/** The credentials kind's own write endpoints. */
export const credentialWrites = operations(
  'credentials (writes)',
  ({ transport: t }: OperationsContext): CredentialWrites => {
    return {
      async createCredentials(workspaceId, body) {
        const result = await t.call({
          method: 'POST',
          path: '/credentials',
          query: { workspaceId },
          body: { credentials: body },
        });
        return expectStringId(result, 'credentialsId');
      },
      async updateCredentials(workspaceId, credentialsId, body) {
        await t.call({
          method: 'PUT',
          path: credentialsPath(credentialsId),
          query: { workspaceId },
          body: { credentials: body },
        });
      },
      async deleteCredentials(workspaceId, credentialsId) {
        await t.call({ method: 'DELETE', path: credentialsPath(credentialsId), query: { workspaceId } });
      },
    };
  },
);

/**
 * DTO → actual credential: the keys fingerprint suffix
 * `[seqera-sync:v1:<salt>:<hash>]` is parsed off the description, `keys`
 * loses its `discriminator`, and any secret key field (secret-fields.ts) the
 * API returned is redacted to `(sensitive)`: secret values never enter
 * actual state.
 */
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
