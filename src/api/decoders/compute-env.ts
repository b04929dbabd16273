/**
 * Compute environments: list rows (no config) and the describe response.
 * `primary` is null on described CEs and may be null in a list (read as
 * "not primary"); a list may mark several CEs primary, which is kept as sent
 * (the reader decides). The platform is `platform`, else the config's
 * `discriminator`.
 */
import type { ComputeEnvResponseDto, ListComputeEnvsEntry } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { decodeLabel } from './label.js';
import { opt } from './optional.js';

export function decodeComputeEnvEntry(f: Fields): ListComputeEnvsEntry {
  return {
    id: f.string('id'),
    name: f.string('name'),
    platform: f.string('platform'),
    status: f.string('status'),
    ...opt('primary', f.optBoolean('primary')),
    ...opt('credentialsId', f.optString('credentialsId')),
    ...opt('description', f.optString('description')),
    ...opt('message', f.optString('message')),
  };
}

export function decodeComputeEnv(f: Fields): ComputeEnvResponseDto {
  const config = f.object('config');
  return {
    id: f.string('id'),
    name: f.string('name'),
    platform: f.optString('platform') ?? config.optString('discriminator') ?? f.string('platform'),
    status: f.string('status'),
    ...opt('primary', f.optBoolean('primary')),
    ...opt('credentialsId', f.optString('credentialsId')),
    ...opt('description', f.optString('description')),
    ...opt('message', f.optString('message')),
    config: config.copy(),
    ...opt('labels', f.optList('labels', decodeLabel)),
  };
}
