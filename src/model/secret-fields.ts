/**
 * The hand-kept list of secret key fields per credentials provider.
 * In YAML these must be a single `${VAR}` reference; when the API returns one
 * (some, like repository tokens, are not write-only) the reader redacts it.
 * Source: the official spec's `*SecurityKeys` schemas (writeOnly fields) plus
 * the readable-but-secret ones (`token` of git providers).
 */
export const SECRET_KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  aws: ['secretKey'],
  s3: ['secretKey'],
  seqeracompute: ['secretKey'],
  google: ['data'],
  azure: ['batchKey', 'storageKey'],
  azure_entra: ['batchKey', 'storageKey', 'clientSecret'],
  'azure-cloud': ['batchKey', 'storageKey', 'clientSecret'],
  k8s: ['privateKey', 'token'],
  ssh: ['privateKey', 'passphrase'],
  'tw-agent': [],
  github: ['password', 'token'],
  gitea: ['password', 'token'],
  azurerepos: ['password', 'token'],
  codecommit: ['password', 'token'],
  gitlab: ['password', 'token'],
  bitbucket: ['password', 'token'],
  github_app: ['privateKey', 'clientSecret', 'webhookSecret'],
  'container-reg': ['password'],
};

/** Secret fields of a provider; an unknown provider has none known (its keys are passed through). */
export function secretKeyFields(provider: string): readonly string[] {
  return SECRET_KEY_FIELDS[provider] ?? [];
}

/** What a redacted secret reads as, everywhere. */
export const SENSITIVE = '(sensitive)';
