/**
 * DTO → actual compute environment: from the describe response (config
 * without `discriminator`, label ids) when CEs are managed, or from the list
 * entry alone (`listedOnly`) when they were read only to resolve names.
 * `credentialsName` is filled when the workspace's credentials were read.
 */
import type { ComputeEnvResponseDto, ListComputeEnvsEntry } from '../../api/compute-operations.js';
import type { LabelDbDto } from '../../api/label-operations.js';
import type { ActualComputeEnv } from './model.js';
import { text } from '../kit/live-text.js';

/** Credential names by id, when the credentials were read. */
export type CredentialNames = ReadonlyMap<string, string> | undefined;

/** Ids of the labels a response carried (`attributes=labels`); anything malformed is skipped. */
export function labelIdsOf(labels: readonly LabelDbDto[] | null | undefined): number[] {
  const list: readonly unknown[] = Array.isArray(labels) ? labels : [];
  return list
    .map((label) =>
      typeof label === 'object' && label !== null ? (label as { id?: unknown }).id : undefined,
    )
    .filter((id): id is number => typeof id === 'number');
}

function common(
  dto: ListComputeEnvsEntry | ComputeEnvResponseDto,
  primary: boolean,
  names: CredentialNames,
): Omit<ActualComputeEnv, 'config' | 'labelIds'> {
  const credentialsId = text(dto.credentialsId);
  const credentialsName = credentialsId === undefined ? undefined : names?.get(credentialsId);
  const description = text(dto.description);
  const message = text(dto.message);
  return {
    id: dto.id,
    name: dto.name,
    platform: dto.platform,
    status: dto.status,
    primary,
    ...(credentialsId === undefined || credentialsId === '' ? {} : { credentialsId }),
    ...(credentialsName === undefined ? {} : { credentialsName }),
    ...(description === undefined ? {} : { description }),
    ...(message === undefined ? {} : { message }),
  };
}

/** A described CE; `entry` is its list entry (the list is authoritative for `primary` when describe omits it). */
export function mapComputeEnv(
  dto: ComputeEnvResponseDto,
  entry: ListComputeEnvsEntry | undefined,
  names: CredentialNames,
): ActualComputeEnv {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto.config)) {
    if (key !== 'discriminator') config[key] = value;
  }
  const primary = typeof dto.primary === 'boolean' ? dto.primary : entry?.primary === true;
  return { ...common(dto, primary, names), config, labelIds: labelIdsOf(dto.labels) };
}

/** A CE known only from the list (CEs unmanaged): no config, no labels. */
export function mapListedComputeEnv(entry: ListComputeEnvsEntry, names: CredentialNames): ActualComputeEnv {
  return { ...common(entry, entry.primary === true, names), config: {}, labelIds: [], listedOnly: true };
}
