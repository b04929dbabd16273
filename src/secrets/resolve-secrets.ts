/**
 * Resolves `${VAR}` secret references (`SecretRef`) from the variables at the
 * last moment before a request. A missing variable is reported by NAME only;
 * values never leave the returned object and are never formatted into text.
 */
import { isSecretRef } from '../model/resources.js';

export interface ResolvedKeys {
  /** The keys as the API takes them: plain values kept, references replaced by their values. */
  readonly keys: Readonly<Record<string, unknown>>;
  /** Secret key name → value, the input of the keys fingerprint. */
  readonly secretValues: Readonly<Record<string, string>>;
}

export type Resolution<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missing: readonly string[] };

/** Resolves every `SecretRef` in a credential's declared keys; lists all missing variables (sorted, unique). */
export function resolveCredentialKeys(
  keys: Readonly<Record<string, unknown>>,
  variables: ReadonlyMap<string, string>,
): Resolution<ResolvedKeys> {
  const resolved: Record<string, unknown> = {};
  const secretValues: Record<string, string> = {};
  const missing = new Set<string>();
  for (const [name, value] of Object.entries(keys)) {
    if (!isSecretRef(value)) {
      resolved[name] = value;
      continue;
    }
    const secret = variables.get(value.secretRef);
    if (secret === undefined) {
      missing.add(value.secretRef);
      continue;
    }
    resolved[name] = secret;
    secretValues[name] = secret;
  }
  if (missing.size > 0) return { ok: false, missing: [...missing].sort() };
  return { ok: true, value: { keys: resolved, secretValues } };
}

/** Resolves one reference (a pipeline secret's value). */
export function resolveSecretRef(
  ref: { readonly secretRef: string },
  variables: ReadonlyMap<string, string>,
): Resolution<string> {
  const value = variables.get(ref.secretRef);
  return value === undefined ? { ok: false, missing: [ref.secretRef] } : { ok: true, value };
}
