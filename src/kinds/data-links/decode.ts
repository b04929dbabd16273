/**
 * A data link as listed (DataLinkDto) → the live link, or undefined for a
 * link the platform discovered by itself from credentials (id `v1-cloud-…`):
 * only custom links (`v1-user-…`, or any id not marked as discovered) are
 * managed, exported or pruned.
 */
import type { DataLinkDto } from '../../api/data-link-operations.js';
import type { ActualDataLink } from './model.js';

/** The id prefix of links the platform discovers from credentials. */
export const DISCOVERED_PREFIX = 'v1-cloud-';

export function isDiscovered(dto: Pick<DataLinkDto, 'id'>): boolean {
  return dto.id.startsWith(DISCOVERED_PREFIX);
}

export function mapDataLink(dto: DataLinkDto): ActualDataLink | undefined {
  if (isDiscovered(dto)) return undefined;
  const credential = dto.credentials?.[0];
  return {
    id: dto.id,
    name: dto.name,
    provider: dto.provider ?? '',
    resourceRef: dto.resourceRef ?? '',
    ...(dto.description === undefined || dto.description === '' ? {} : { description: dto.description }),
    publicAccessible: dto.publicAccessible === true,
    ...(credential === undefined ? {} : { credentialsId: credential.id, credentialsName: credential.name }),
  };
}
