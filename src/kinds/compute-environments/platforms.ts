/** Which credential providers each compute platform can use. */
import type { ComputePlatform } from './model.js';
import type { CredentialProvider } from '../credentials/model.js';

/** Credential providers each compute platform can use (HPC: SSH or a Tower Agent); undefined: any or none. */
export const PLATFORM_PROVIDERS: Readonly<
  Record<ComputePlatform, readonly CredentialProvider[] | undefined>
> = {
  'aws-batch': ['aws'],
  'aws-cloud': ['aws'],
  'eks-platform': ['aws'],
  'azure-batch': ['azure', 'azure_entra'],
  'azure-cloud': ['azure-cloud'],
  'google-batch': ['google'],
  'google-cloud': ['google'],
  'google-lifesciences': ['google'],
  'gke-platform': ['google'],
  'k8s-platform': ['k8s'],
  'slurm-platform': ['ssh', 'tw-agent'],
  'altair-platform': ['ssh', 'tw-agent'],
  'lsf-platform': ['ssh', 'tw-agent'],
  'uge-platform': ['ssh', 'tw-agent'],
  'moab-platform': ['ssh', 'tw-agent'],
  'seqeracompute-platform': ['seqeracompute'],
  'local-platform': undefined,
};
