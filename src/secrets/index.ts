/**
 * Secret handling shared by the plan use-case and the applier: resolving
 * `${VAR}` references at the last moment and the one-way keys fingerprint.
 * No function here returns a secret inside a message.
 */
export {
  computeKeysMatch,
  startKeysMatch,
  type KeysMatcher,
  formatFingerprintSuffix,
  keysFingerprint,
  keysMatch,
  parseFingerprintSuffix,
  withFingerprint,
} from './fingerprint.js';
export {
  resolveCredentialKeys,
  resolveSecretRef,
  type ResolvedKeys,
  type Resolution,
} from './resolve-secrets.js';
