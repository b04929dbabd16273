/**
 * The asynchronous side of compute environments: CREATING settles into
 * AVAILABLE (or ERRORED) and DELETING into gone, lazily, whenever the
 * workspace's compute environments are next read (no timers to leak), plus
 * the fields the server fills in, which a naive comparison would see as drift:
 * `discriminator`, generated forge queue names, `forgedResources`, and the
 * work dir's full URI appended to `forge.allowBuckets` (aws-batch).
 */
import { isJsonObject, toJsonObject, type Json, type JsonObject } from './json.js';
import type { WorkspaceRecord } from './store.js';

export type ComputeEnvStatus = 'CREATING' | 'AVAILABLE' | 'DISABLED' | 'DELETING' | 'ERRORED' | 'INVALID';

/** A compute environment (the workspace's `computeEnvs`, declared by routes/compute-envs.ts). */
export interface ComputeEnvRecord {
  readonly id: string;
  name: string;
  readonly platform: string;
  /** The config as the server holds it (server-filled fields included). */
  config: JsonObject;
  credentialsId?: string;
  description?: string;
  fusionMetricsCollectionEnabled?: boolean;
  status: ComputeEnvStatus;
  message?: string;
  primary: boolean;
  readonly labelIds: readonly number[];
  /** While CREATING: when it settles, and into which status. */
  pending?: { readonly at: number; readonly status: 'AVAILABLE' | 'ERRORED'; readonly message?: string };
  /** While DELETING: when it is gone. */
  goneAt?: number;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** Applies every transition that is due at `now` (removing compute environments whose deletion finished). */
export function settleComputeEnvs(ws: WorkspaceRecord, now: number): void {
  for (const ce of ws.computeEnvs.values()) {
    if (ce.goneAt !== undefined && now >= ce.goneAt) {
      ws.computeEnvs.delete(ce.id);
      continue;
    }
    if (ce.pending !== undefined && now >= ce.pending.at) {
      ce.status = ce.pending.status;
      if (ce.pending.message !== undefined) ce.message = ce.pending.message;
      if (ce.status === 'AVAILABLE') fillForgedResources(ce);
      delete ce.pending;
    }
  }
}

/** The config as the server stores it on create: `discriminator` and generated fields added. */
export function serverFilledConfig(
  platform: string,
  config: Record<string, unknown>,
  id: string,
): JsonObject {
  const filled = toJsonObject(config);
  filled.discriminator = platform;
  const forge = filled.forge;
  if (platform !== 'aws-batch' || !isJsonObject(forge)) return filled;
  filled.computeQueue ??= `TowerForge-${id}-work`;
  filled.headQueue ??= `TowerForge-${id}-head`;
  const workDir = filled.workDir;
  if (typeof workDir === 'string' && workDir.startsWith('s3://')) {
    const buckets: Json[] = Array.isArray(forge.allowBuckets) ? [...forge.allowBuckets] : [];
    if (!buckets.includes(workDir)) buckets.push(workDir);
    forge.allowBuckets = buckets;
  }
  return filled;
}

/** Resources "forged" in the cloud account once an aws-batch forge CE is AVAILABLE. */
export function fillForgedResources(ce: ComputeEnvRecord): void {
  if (ce.platform !== 'aws-batch' || !isJsonObject(ce.config.forge)) return;
  const region = typeof ce.config.region === 'string' ? ce.config.region : 'us-east-1';
  const arn = (kind: string, name: string): JsonObject => ({
    arn: `arn:aws:${kind}:${region}:000000000000:${name}`,
  });
  ce.config.forgedResources = [
    { IamRole: arn('iam', `role/TowerForge-${ce.id}-FargateRole`) },
    { ComputeEnvironment: arn('batch', `compute-environment/TowerForge-${ce.id}-work`) },
    { ComputeEnvironment: arn('batch', `compute-environment/TowerForge-${ce.id}-head`) },
    { JobQueue: arn('batch', `job-queue/TowerForge-${ce.id}-work`) },
    { JobQueue: arn('batch', `job-queue/TowerForge-${ce.id}-head`) },
  ];
}
