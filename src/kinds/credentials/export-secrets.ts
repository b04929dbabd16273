/**
 * Which secret key fields (src/model/secret-fields.ts) an exported credential
 * declares as `${VAR}` references. Most secret fields are write-only: the
 * platform never says whether one is set, and an empty variable counts as
 * unset, so declaring a field the credential does not use would
 * leave a variable that can never be satisfied. The rule, per field:
 *
 * - a secret field the API returned (readable ones, e.g. repository tokens,
 *   read back as `(sensitive)`) is declared;
 * - otherwise the field is declared when the credential's mode needs it,
 *   judged from its non-secret fields (table below);
 * - everything else is left out, and the export says so where it matters
 *   (an SSH key's passphrase cannot be seen: add it by hand if the key has one).
 */
import { secretKeyFields } from '../../model/secret-fields.js';

type Keys = Readonly<Record<string, unknown>>;

const has = (keys: Keys, field: string): boolean => {
  const value = keys[field];
  return value !== undefined && value !== null && value !== '' && value !== false;
};

/** Secret fields a credential of `provider` needs, given its non-secret fields. */
const NEEDED: Readonly<Record<string, (keys: Keys) => readonly string[]>> = {
  // Access keys; a role-only credential (`mode: role`, no access key) has no secret.
  aws: (k) => (has(k, 'accessKey') ? ['secretKey'] : []),
  s3: (k) => (has(k, 'accessKey') ? ['secretKey'] : []),
  seqeracompute: (k) => (has(k, 'accessKey') ? ['secretKey'] : []),
  // A service account key, unless the credential uses workload identity federation.
  google: (k) => (has(k, 'workloadIdentityProvider') || has(k, 'serviceAccountEmail') ? [] : ['data']),
  azure: (k) => [
    ...(has(k, 'batchName') ? ['batchKey'] : []),
    ...(has(k, 'storageName') ? ['storageKey'] : []),
  ],
  // Entra: a service principal's secret; account keys only without one.
  azure_entra: azureEntra,
  'azure-cloud': azureEntra,
  // A client certificate's key, else a service account token.
  k8s: (k) => (has(k, 'certificate') ? ['privateKey'] : ['token']),
  ssh: () => ['privateKey'],
  'tw-agent': () => [],
  github: () => ['token'],
  gitlab: () => ['token'],
  bitbucket: () => ['token'],
  gitea: () => ['token'],
  azurerepos: () => ['token'],
  codecommit: () => ['password'],
  github_app: (k) => ['privateKey', ...(has(k, 'clientId') ? ['clientSecret'] : [])],
  'container-reg': () => ['password'],
};

function azureEntra(k: Keys): readonly string[] {
  if (has(k, 'clientId')) return ['clientSecret'];
  return [...(has(k, 'batchName') ? ['batchKey'] : []), ...(has(k, 'storageName') ? ['storageKey'] : [])];
}

/**
 * The secret fields to declare for a live credential, in the provider's
 * secret-field order. `liveKeys` are the reader's keys: secret fields the API
 * returned appear as `(sensitive)`.
 */
export function exportedSecretFields(provider: string, liveKeys: Keys): readonly string[] {
  const secret = secretKeyFields(provider);
  const needed = new Set(NEEDED[provider]?.(liveKeys) ?? []);
  return secret.filter((field) => needed.has(field) || has(liveKeys, field));
}

/** Secret fields that may be in use but cannot be seen: named in the export's notes. */
export function unseenOptionalSecretFields(provider: string, liveKeys: Keys): readonly string[] {
  if (provider === 'ssh' && !has(liveKeys, 'passphrase')) return ['passphrase'];
  return [];
}
