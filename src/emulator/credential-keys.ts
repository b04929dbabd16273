/**
 * Per-provider facts of credentials from the official spec (1.187.0):
 * which `keys` fields are write-only (stored, never returned) and which
 * compute platforms can use a provider.
 */

/** Credentials providers (OpenAPI `Credentials.provider`). */
export const PROVIDERS: readonly string[] = [
  'aws',
  'azure',
  'azure_entra',
  'google',
  'github',
  'github_app',
  'gitlab',
  'bitbucket',
  'ssh',
  'k8s',
  'container-reg',
  'tw-agent',
  'codecommit',
  'gitea',
  'azurerepos',
  'seqeracompute',
  'azure-cloud',
  's3',
];

/** writeOnly fields of each SecurityKeys variant (OpenAPI `*SecurityKeys`). */
const WRITE_ONLY: Readonly<Record<string, readonly string[]>> = {
  aws: ['secretKey'],
  azure: ['batchKey', 'storageKey'],
  'azure-cloud': ['batchKey', 'clientSecret', 'storageKey'],
  azure_entra: ['batchKey', 'clientSecret', 'storageKey'],
  azurerepos: ['password'],
  bitbucket: ['password', 'token'],
  codecommit: ['password'],
  'container-reg': ['password'],
  gitea: ['password'],
  github: ['password'],
  github_app: ['clientSecret', 'privateKey', 'webhookSecret'],
  gitlab: ['password', 'token'],
  google: ['data'],
  k8s: ['privateKey', 'token'],
  local: ['password'],
  s3: ['secretKey'],
  seqeracompute: ['secretKey'],
  ssh: ['passphrase', 'privateKey'],
  'tw-agent': [],
};

export function writeOnlyKeys(provider: string): readonly string[] {
  return WRITE_ONLY[provider] ?? [];
}

/** Providers whose credentials a compute platform accepts (undefined: needs none). */
const PLATFORM_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  'aws-batch': ['aws'],
  'aws-cloud': ['aws'],
  'google-batch': ['google'],
  'google-cloud': ['google'],
  'google-lifesciences': ['google'],
  'azure-batch': ['azure', 'azure_entra'],
  'azure-cloud': ['azure-cloud', 'azure_entra', 'azure'],
  'k8s-platform': ['k8s'],
  'eks-platform': ['aws'],
  'gke-platform': ['google'],
  'slurm-platform': ['ssh', 'tw-agent'],
  'uge-platform': ['ssh', 'tw-agent'],
  'lsf-platform': ['ssh', 'tw-agent'],
  'altair-platform': ['ssh', 'tw-agent'],
  'moab-platform': ['ssh', 'tw-agent'],
};

/** Compute platforms (OpenAPI `ComputeEnv_ComputeConfig_.platform`). */
export const PLATFORMS: readonly string[] = [
  'aws-batch',
  'aws-cloud',
  'seqeracompute-platform',
  'google-batch',
  'google-cloud',
  'azure-batch',
  'azure-cloud',
  'k8s-platform',
  'eks-platform',
  'gke-platform',
  'uge-platform',
  'slurm-platform',
  'lsf-platform',
  'altair-platform',
  'moab-platform',
  'local-platform',
  'google-lifesciences',
];

/** The providers a platform's credentials must have; undefined when the platform takes no credentials. */
export function providersForPlatform(platform: string): readonly string[] | undefined {
  return PLATFORM_PROVIDERS[platform];
}
