/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: compute environments in a workspace file: unique by name; `primary`
 * defaults to false, and at most one is primary; a pasted config's
 * discriminator names their platform; the credential they name must suit
 * their platform.
 *
 * Export: live compute environments → `computeEnvironments:` entries. The config is
 * the described one minus what the server fills in, so that the planner's
 * comparison (src/plan/compare-config.ts: declared keys only, after
 * normalisation) finds nothing to replace and a later create sends only what
 * a person would write:
 *
 * - anything the platform's config schema does not list (`discriminator`,
 *   `forgedResources`, `deletedResources`, timestamps, ids, newer fields);
 * - the forged queue names of an aws-batch Batch Forge CE (`headQueue`,
 *   `computeQueue`) and the forged head pool of an azure-batch Forge CE;
 * - the work dir URI the server appends to `forge.allowBuckets`;
 * - empty values (null, '', false, [], {}), which the planner treats as absent.
 *
 * Keys are written where first (region, host, work dir), then the schema's
 * order, then forge settings, environment, scripts and config text.
 *
 * `credentials` names an exported credential of the workspace that the
 * platform can use; `labels` the exported labels it carries. `primary: true` is written on one CE at most, as a file
 * allows: the platform may mark several CEs of a workspace primary (it has
 * no endpoint that names "the" primary one), and then the export keeps the
 * first of them by name among those it exports, and warns. A plan right
 * after sees no change: a CE without `primary` states no opinion.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema, shapeWhen } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import type { WrittenCredential } from '../credentials/model.js';
import { collectionLoad } from '../kind-load.js';
import { labelRefList, suitsLabelRef } from '../labels/reference.js';
import { type ActualComputeEnv, COMPUTE_PLATFORMS, type ComputePlatform } from './model.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { trimSlash } from '../kit/compare-declared.js';
import type { ExportSchema } from '../kit/export-schema.js';
import { anyOf, checkItem, dropInside, dropTopLevel, type MutableRecord } from '../kit/item-check.js';
import { leaveOut, noteDropped, nonEmptyText, type MapContext, nameOrder } from '../kit/export-context.js';
import { isPlainObject, pruneToSchema } from '../kit/prune.js';
import { exportedLabelRefs, LABELS } from '../labels/export-refs.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { byName } from '../kit/load-identity.js';
import { PLATFORM_PROVIDERS } from '././platforms.js';

/**
 * A config without `discriminator`: a config pasted from `tw compute-envs
 * export` keeps it (validation checks it equals the platform); the applier
 * sets it from the platform when it sends the config.
 */
function withoutDiscriminator(config: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (!('discriminator' in config)) return config;
  const { discriminator: _discriminator, ...rest } = config;
  return rest;
}

export const computeEnvironmentsLoad = collectionLoad({
  file: 'workspace',
  key: 'computeEnvironments',
  resource: 'computeEnvironment',
  what: 'compute environment',
  identity: byName,
  nested: (ce) => [labelRefList(`label of compute environment ${ce.name}`, ce.labels)],
  normalise: (ce, from) => ({
    name: ce.name,
    platform: ce.platform,
    ...opt('credentials', ce.credentials),
    primary: ce.primary ?? false,
    ...opt('description', ce.description),
    config: withoutDiscriminator(ce.config),
    ...opt('labels', ce.labels),
    source: from.source,
  }),
  checks: [
    // At most one primary: the platform keeps one.
    (list) => {
      let first: number | undefined;
      list.items.forEach((ce, i) => {
        if (ce.primary !== true) return;
        if (first === undefined) {
          first = i;
          return;
        }
        const line = list.line(list.pointer(first, 'primary'));
        list.report(
          list.pointer(i, 'primary'),
          `at most one compute environment may be primary ('${list.items[first]?.name ?? ''}' is already primary at line ${String(line)})`,
        );
      });
    },
    // A config pasted from `tw compute-envs export` keeps its discriminator: it must name the same platform.
    (list) => {
      list.items.forEach((ce, i) => {
        const discriminator = ce.config['discriminator'];
        if (typeof discriminator !== 'string' || discriminator === ce.platform) return;
        list.report(
          list.pointer(i, 'config', 'discriminator'),
          `config.discriminator '${discriminator}' does not match platform '${ce.platform}' of compute environment '${ce.name}' (a config pasted from \`tw compute-envs export\` names the platform it was exported from)`,
        );
      });
    },
  ],
  suits: {
    credentials: (ce, target) => {
      const credential = target as WrittenCredential;
      const providers = PLATFORM_PROVIDERS[ce.platform];
      if (providers === undefined || providers.includes(credential.provider)) return undefined;
      return `platform ${ce.platform} cannot use credential '${credential.name}' (provider ${credential.provider}): it needs ${providers.join(' or ')}`;
    },
    labels: (_ce, target, entry) => suitsLabelRef(target, entry),
  },
});

/** The kind whose exported objects (with their provider as `type`) a CE's `credentials` may name. */
const CREDENTIALS = 'credentials';

/** The compute environments written: pipelines reference them. */
function mapComputeEnvs(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const credentials = ctx.exported(CREDENTIALS) ?? [];
  const labels = ctx.exported(LABELS) ?? [];
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  const primaries: string[] = [];
  for (const ce of [...(ws.computeEnvironments ?? [])].sort(nameOrder)) {
    const item = mapComputeEnv(ctx, ws, ce, credentials, labels);
    if (item === undefined) continue;
    if (ce.primary) primaries.push(ce.name);
    items.push(item);
    exported.push({ id: ce.id, name: ce.name });
  }
  const chosen = primaries[0];
  if (chosen !== undefined) {
    const index = items.findIndex((item) => item['name'] === chosen);
    items[index] = withPrimary(items[index] ?? {});
  }
  if (primaries.length > 1) {
    ctx.sink.warnings.push(
      `${ctx.org}/${ws.name}: the platform marks ${primaries.length} compute environments primary (${primaries.join(', ')}); exported ${chosen ?? ''} as primary (the first by name), the others without primary`,
    );
  }
  return { items, exported };
}

export const computeEnvironmentsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'computeEnvironments',
  uses: [CREDENTIALS, LABELS],
  flowItems: ['environment'],
  map: mapComputeEnvs,
};

/** `primary: true` placed after `credentials` (where a person writes it). */
function withPrimary(item: MutableRecord): MutableRecord {
  const out: MutableRecord = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'description' || key === 'config') out['primary'] = true;
    out[key] = value;
  }
  out['primary'] = true;
  return out;
}

function isPlatform(platform: string): platform is ComputePlatform {
  return (COMPUTE_PLATFORMS as readonly string[]).includes(platform);
}

function mapComputeEnv(
  ctx: MapContext,
  ws: ActualWorkspace,
  ce: ActualComputeEnv,
  credentials: readonly ExportedObject[],
  labels: readonly ExportedObject[],
): MutableRecord | undefined {
  const ceAddress = address.computeEnv(ctx.org, ws.name, ce.name);
  const platform = ce.platform;
  if (!isPlatform(platform)) {
    leaveOut(ctx, 'computeEnvironments', ce.name, ceAddress, `platform ${platform} is not supported`);
    return undefined;
  }
  const credentialsName = credentialsOf(ctx, ws, ce, platform, credentials, ceAddress);
  const description = nonEmptyText(ce.description);
  const labelRefs = exportedLabelRefs(ctx, ws, ce.labelIds, labels, ceAddress);
  const candidate: MutableRecord = {
    name: ce.name,
    platform,
    ...(credentialsName === undefined ? {} : { credentials: credentialsName }),
    ...(description === undefined ? {} : { description }),
    ...(labelRefs === undefined ? {} : { labels: labelRefs }),
    config: exportedConfig(ctx.schema, platform, ce.config),
  };
  const checked = checkItem(
    ctx.schema,
    'workspace',
    'computeEnvironments',
    candidate,
    anyOf(dropInside(['config']), dropTopLevel(['description', 'labels'])),
  );
  if (checked.item === undefined) {
    leaveOut(ctx, 'computeEnvironments', ce.name, ceAddress, checked.problem ?? 'invalid');
    return undefined;
  }
  noteDropped(ctx, ceAddress, checked.dropped);
  if (ce.status !== 'AVAILABLE') {
    ctx.sink.warnings.push(
      `${ceAddress}: exported, but its status on the platform is ${ce.status}${ce.message === undefined ? '' : ` (${ce.message})`}`,
    );
  }
  return checked.item;
}

/** The CE's credential by name, when it is exported and suits the platform; else undefined (not compared). */
function credentialsOf(
  ctx: MapContext,
  ws: ActualWorkspace,
  ce: ActualComputeEnv,
  platform: ComputePlatform,
  credentials: readonly ExportedObject[],
  ceAddress: string,
): string | undefined {
  if (ce.credentialsId === undefined) return undefined;
  const live = ws.credentials?.find((c) => c.id === ce.credentialsId);
  const name = live?.name ?? ce.credentialsName ?? ce.credentialsId;
  const credential = credentials.find((c) => c.id === ce.credentialsId);
  if (credential === undefined) {
    ctx.sink.warnings.push(
      `${ceAddress}: credentials not declared (its credential ${name} is not exported from this workspace)`,
    );
    return undefined;
  }
  const providers = PLATFORM_PROVIDERS[platform];
  const provider = credential.type ?? '';
  if (providers !== undefined && !(providers as readonly string[]).includes(provider)) {
    ctx.sink.warnings.push(
      `${ceAddress}: credentials not declared (${platform} with a ${provider} credential does not validate)`,
    );
    return undefined;
  }
  return credential.name;
}

/** The live config as a file declares it (see the module header). */
export function exportedConfig(
  schema: ExportSchema,
  platform: string,
  live: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const config: Record<string, unknown> = { ...live };
  // A file may carry `discriminator` (pasted configs do), but the tool sets it: never exported.
  Reflect.deleteProperty(config, 'discriminator');
  const forge = config['forge'];
  if (platform === 'aws-batch' && isPlainObject(forge)) {
    Reflect.deleteProperty(config, 'headQueue');
    Reflect.deleteProperty(config, 'computeQueue');
    const workDir = config['workDir'];
    const buckets = forge['allowBuckets'];
    if (typeof workDir === 'string' && Array.isArray(buckets)) {
      config['forge'] = {
        ...forge,
        allowBuckets: buckets.filter(
          (bucket: unknown) => typeof bucket !== 'string' || trimSlash(bucket) !== trimSlash(workDir),
        ),
      };
    }
  }
  if (platform === 'azure-batch' && isPlainObject(forge)) Reflect.deleteProperty(config, 'headPool');
  const pruned = pruneToSchema(config, schema.definition(`config-${platform}`), schema);
  return isPlainObject(pruned) ? readableOrder(pruned) : {};
}

/** Where and on what first, scripts and config text last, the rest in the schema's order. */
const LEADING_KEYS = [
  'region',
  'location',
  'zone',
  'projectId',
  'resourceGroup',
  'server',
  'clusterName',
  'namespace',
  'hostName',
  'port',
  'userName',
  'workDir',
  'launchDir',
];
const TRAILING_KEYS = ['forge', 'environment', 'preRunScript', 'postRunScript', 'nextflowConfig'];

function readableOrder(config: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const keys = Object.keys(config);
  const rank = (key: string): number => {
    const lead = LEADING_KEYS.indexOf(key);
    if (lead >= 0) return lead - LEADING_KEYS.length;
    const trail = TRAILING_KEYS.indexOf(key);
    return trail >= 0 ? keys.length + trail : keys.indexOf(key);
  };
  return Object.fromEntries([...keys].sort((a, b) => rank(a) - rank(b)).map((key) => [key, config[key]]));
}

/**
 * A platform's `config` shape: the fields every platform has, its own, and
 * the optional `discriminator` (which must name the platform), listed by
 * name as the API's schemas list them. `apiSchema` names the API's schema of that config.
 */
function platformConfig(
  platform: string,
  apiSchema: string,
  fields: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const discriminator = {
    type: 'string',
    description: `Optional, as \`tw compute-envs export\` writes it: must be \`${platform}\`, the compute environment's platform (the tool sets it when it sends the config).`,
  };
  const properties = Object.entries({ ...everyPlatform, ...fields, discriminator }).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  return {
    title: `${platform} config`,
    description: `Compute environment config for platform \`${platform}\` (the API's ${apiSchema}; \`discriminator\`, when given, must equal the platform).`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(properties),
  };
}

/**
 * Fields several platforms' configurations share, each written once (the
 * configurations list their fields in their own order).
 */
const field = {
  fusionSnapshots: {
    type: 'boolean',
    description: 'Enable Fusion snapshots so interrupted (e.g. Spot-reclaimed) tasks resume.',
  },
  gpuEnabled: { type: 'boolean', description: 'Use GPU-enabled instances.' },
  imageId: { type: 'string', description: 'Custom VM image id.' },
  ebsBootSize: { type: 'integer', description: 'Boot disk size (GB).', minimum: 0 },
  arm64Enabled: { type: 'boolean', description: 'Use ARM64 instances.' },
  bootDiskSizeGB: { type: 'integer', description: 'Boot disk size (GB).', minimum: 0 },
  computeQueue: {
    type: 'string',
    description: 'Queue (partition) Nextflow submits task jobs to by default.',
  },
  environment: {
    type: 'array',
    items: { $ref: '#/$defs/configEnvVariable' },
    description: 'Environment variables set in the head job and/or the compute jobs.',
  },
  fusion2Enabled: { type: 'boolean', description: 'Use the Fusion v2 file system (requires Wave).' },
  headJobCpus: { type: 'integer', description: 'CPUs of the Nextflow head job.', minimum: 1 },
  headJobCpus2: { type: 'integer', description: 'CPUs of the Nextflow head pod.', minimum: 1 },
  headJobMemoryMb: { type: 'integer', description: 'Memory (MB) of the Nextflow head job.', minimum: 1 },
  headJobMemoryMb2: { type: 'integer', description: 'Memory (MB) of the Nextflow head pod.', minimum: 1 },
  headQueue: { type: 'string', description: 'Queue (partition) the Nextflow head job is submitted to.' },
  nextflowConfig: {
    type: 'string',
    description:
      'Nextflow configuration text appended to every run on this compute environment. Never interpolated: `${...}` reaches the platform as written.',
    'x-verbatim': true,
  },
  postRunScript: {
    type: 'string',
    description:
      'Bash script run after all Nextflow processes have completed. Never interpolated: `${...}` reaches the platform as written.',
    'x-verbatim': true,
  },
  preRunScript: {
    type: 'string',
    description:
      'Bash script run before Nextflow starts (e.g. `module load ...`). Never interpolated: `${...}` reaches the platform as written.',
    'x-verbatim': true,
  },
  region: { type: 'string', description: 'Cloud region, e.g. `ap-southeast-2`.' },
  waveEnabled: { type: 'boolean', description: 'Use Wave containers.' },
  workDir: {
    type: 'string',
    description:
      'Nextflow work directory of this compute environment (e.g. `s3://bucket/work`, or a path on the cluster). Changing it replaces the compute environment.',
  },
  instanceType: { type: 'string', description: 'Instance (machine) type.' },
  schedConfig: { $ref: '#/$defs/schedConfig', description: 'Seqera scheduling settings.' },
  schedEnabled: { type: 'boolean', description: 'Use Seqera scheduling (Intelligent Compute).' },
  managedIdentityClientId: { type: 'string', description: 'Client id of the Azure managed identity.' },
  bootDiskSizeGb: { type: 'integer', description: 'Boot disk size (GB).', minimum: 0 },
  copyImage: { type: 'string', description: 'Container image used to stage files.' },
  debugMode: { type: 'integer', description: 'Debug level of the job runner.', minimum: 0 },
  labels: {
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Labels applied to the cloud resources (a free map of strings).',
  },
  location: { type: 'string', description: 'Google Cloud location (region) of the jobs.' },
  nfsMount: { type: 'string', description: 'Mount path of an NFS file system.' },
  nfsTarget: { type: 'string', description: 'NFS target (`host:/path`) to mount.' },
  projectId: { type: 'string', description: 'Google Cloud project id.' },
  sshDaemon: { type: 'boolean', description: 'Run an SSH daemon in the jobs (debugging).' },
  sshImage: { type: 'string', description: 'Container image of the SSH daemon.' },
  usePrivateAddress: { type: 'boolean', description: 'Jobs get no public IP address.' },
  computeServiceAccount: { type: 'string', description: 'Service account of the task pods.' },
  headPodSpec: {
    type: 'string',
    description:
      'Custom pod spec (YAML text) merged into the head pod. Never interpolated: `${...}` reaches the platform as written.',
    'x-verbatim': true,
  },
  headServiceAccount: { type: 'string', description: 'Service account of the Nextflow head pod.' },
  namespace: { type: 'string', description: 'Kubernetes namespace runs are launched in.' },
  podCleanup: {
    type: 'string',
    enum: ['on_success', 'always', 'never'],
    description: 'When task pods are deleted: on_success, always or never.',
  },
  server: { type: 'string', description: 'Kubernetes API server URL.' },
  servicePodSpec: {
    type: 'string',
    description:
      'Custom pod spec (YAML text) for service pods. Never interpolated: `${...}` reaches the platform as written.',
    'x-verbatim': true,
  },
  sslCert: { type: 'string', description: 'CA certificate (PEM) of the Kubernetes API server.' },
  storageClaimName: { type: 'string', description: 'Persistent volume claim mounted as shared storage.' },
  storageMountPath: { type: 'string', description: 'Mount path of the shared storage volume.' },
  headJobOptions: {
    type: 'string',
    description: 'Extra scheduler options for the head job submission, e.g. an account or project code.',
  },
  hostName: {
    type: 'string',
    description: 'Login node host name (SSH credentials only; unused with a Tower Agent).',
  },
  launchDir: {
    type: 'string',
    description: 'Directory on the cluster from which the Nextflow head job is launched.',
  },
  maxQueueSize: {
    type: 'integer',
    description: 'Maximum number of jobs Nextflow keeps queued at once.',
    minimum: 1,
  },
  port: { type: 'integer', description: 'SSH port of the login node.', minimum: 1, maximum: 65535 },
  propagateHeadJobOptions: { type: 'boolean', description: 'Also apply `headJobOptions` to every task job.' },
  userName: { type: 'string', description: 'User name on the cluster (SSH credentials only).' },
};

/** The fields every platform's configuration has. */
const everyPlatform = {
  environment: field.environment,
  nextflowConfig: field.nextflowConfig,
  postRunScript: field.postRunScript,
  preRunScript: field.preRunScript,
  workDir: field.workDir,
};

/** The fields the Kubernetes platforms (k8s, EKS, GKE) share. */
const kubernetesFields = {
  computeServiceAccount: field.computeServiceAccount,
  headJobCpus: field.headJobCpus2,
  headJobMemoryMb: field.headJobMemoryMb2,
  headPodSpec: field.headPodSpec,
  headServiceAccount: field.headServiceAccount,
  namespace: field.namespace,
  podCleanup: field.podCleanup,
  server: field.server,
  servicePodSpec: field.servicePodSpec,
  sslCert: field.sslCert,
  storageClaimName: field.storageClaimName,
  storageMountPath: field.storageMountPath,
};

/** The fields the HPC schedulers (Slurm, Altair PBS, LSF, UGE, Moab) share. */
const schedulerFields = {
  computeQueue: field.computeQueue,
  headJobOptions: field.headJobOptions,
  headQueue: field.headQueue,
  hostName: field.hostName,
  launchDir: field.launchDir,
  maxQueueSize: field.maxQueueSize,
  port: field.port,
  propagateHeadJobOptions: field.propagateHeadJobOptions,
  userName: field.userName,
};

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  workspace: {
    properties: {
      computeEnvironments: {
        type: 'array',
        items: { $ref: '#/$defs/computeEnvironment' },
        description: 'Compute environments of the workspace.',
      },
    },
    $defs: {
      configEnvVariable: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', description: 'Environment variable name.', minLength: 1 },
          value: {
            type: 'string',
            description:
              'Environment variable value (a `${` is an error here: write `$${` for a literal `${`).',
          },
          head: { type: 'boolean', description: 'Set the variable in the Nextflow head job.' },
          compute: { type: 'boolean', description: 'Set the variable in the compute jobs.' },
        },
      },
      schedConfig: {
        type: 'object',
        additionalProperties: false,
        properties: {
          backendStrategy: {
            type: 'string',
            enum: ['ECS', 'EC2', 'VM'],
            description: 'Backend that runs tasks: ECS, EC2 or VM.',
          },
          diskAllocation: { type: 'string', description: 'Disk allocation mode of the compute nodes.' },
          fusionSnapshots: {
            type: 'boolean',
            description: 'Enable Fusion snapshots so interrupted tasks resume.',
          },
          machineTypes: {
            type: 'array',
            items: { type: 'string' },
            description: 'Instance types for compute nodes (empty = chosen per task).',
          },
          nvmeEnabled: { type: 'boolean', description: 'Only use instance types with local NVMe storage.' },
          pool: { $ref: '#/$defs/schedPool', description: 'Warm-pool settings.' },
          predictionModel: { type: 'string', description: 'Resource-prediction model used to size tasks.' },
          provisioningModel: {
            type: 'string',
            enum: ['spot', 'spotFirst', 'ondemand'],
            description: 'Provisioning model: spot, spotFirst or ondemand.',
          },
        },
      },
      schedPool: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean', description: 'Keep a warm pool of idle VMs.' },
          desiredWarm: { type: 'integer', description: 'Number of idle VMs kept warm.', minimum: 0 },
          scaleToZeroSecs: {
            type: 'integer',
            description: 'Seconds of inactivity after which the pool scales to zero.',
            minimum: 0,
          },
        },
      },
      awsBatchForge: {
        type: 'object',
        additionalProperties: false,
        properties: {
          type: {
            type: 'string',
            enum: ['SPOT', 'EC2'],
            description: 'Instance purchasing model of the Batch compute queue: SPOT or EC2 (on-demand).',
          },
          minCpus: {
            type: 'integer',
            description: 'Minimum vCPUs kept running in the compute queue.',
            minimum: 0,
          },
          maxCpus: { type: 'integer', description: 'Maximum vCPUs of the compute queue.', minimum: 0 },
          gpuEnabled: { type: 'boolean', description: 'Use GPU-enabled instances and AMI.' },
          ebsAutoScale: {
            type: 'boolean',
            description: 'Grow EBS volumes automatically (not with Fusion v2).',
          },
          instanceTypes: {
            type: 'array',
            items: { type: 'string' },
            description: 'Instance types or families allowed in the compute queue.',
            uniqueItems: true,
          },
          allocStrategy: {
            type: 'string',
            enum: [
              'BEST_FIT',
              'BEST_FIT_PROGRESSIVE',
              'SPOT_CAPACITY_OPTIMIZED',
              'SPOT_PRICE_CAPACITY_OPTIMIZED',
            ],
            description: 'AWS Batch allocation strategy.',
          },
          imageId: { type: 'string', description: 'Custom AMI id.' },
          vpcId: { type: 'string', description: 'VPC id the forged resources are created in.' },
          subnets: {
            type: 'array',
            items: { type: 'string' },
            description: 'Subnet ids of the compute queue.',
            uniqueItems: true,
          },
          securityGroups: {
            type: 'array',
            items: { type: 'string' },
            description: 'Security group ids of the instances.',
            uniqueItems: true,
          },
          fsxMount: { type: 'string', description: 'Mount path of an FSx for Lustre file system.' },
          fsxName: { type: 'string', description: 'FSx for Lustre DNS name.' },
          fsxSize: { type: 'integer', description: 'FSx for Lustre size (GB) to create.', minimum: 0 },
          disposeOnDeletion: {
            type: 'boolean',
            description: 'Delete the forged AWS resources when the compute environment is deleted.',
          },
          ec2KeyPair: { type: 'string', description: 'EC2 key pair for SSH access to the instances.' },
          allowBuckets: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Extra S3 buckets the compute jobs may read and write (the work dir bucket is added by the platform).',
            uniqueItems: true,
          },
          ebsBlockSize: {
            type: 'integer',
            description: 'Initial EBS volume size (GB) with EBS auto-scaling.',
            minimum: 0,
          },
          fusionEnabled: {
            type: 'boolean',
            description: 'Fusion v1 file system (legacy; prefer `fusion2Enabled`).',
          },
          bidPercentage: {
            type: 'integer',
            description: 'Maximum Spot price as a percentage of the on-demand price.',
            minimum: 0,
            maximum: 100,
          },
          efsCreate: { type: 'boolean', description: 'Create a new EFS file system.' },
          efsId: { type: 'string', description: 'Existing EFS file system id.' },
          efsMount: { type: 'string', description: 'Mount path of the EFS file system.' },
          dragenEnabled: { type: 'boolean', description: 'Enable a DRAGEN queue.' },
          dragenAmiId: { type: 'string', description: 'AMI id of the DRAGEN instances.' },
          ebsBootSize: field.ebsBootSize,
          ecsConfig: {
            type: 'string',
            description:
              'Extra ECS agent configuration text. Never interpolated: `${...}` reaches the platform as written.',
            'x-verbatim': true,
          },
          fargateHeadEnabled: { type: 'boolean', description: 'Run the Nextflow head job on Fargate.' },
          arm64Enabled: { type: 'boolean', description: 'Use ARM64 (Graviton) instances.' },
          dragenInstanceType: { type: 'string', description: 'Instance type of the DRAGEN queue.' },
        },
      },
      azBatchForge: {
        type: 'object',
        additionalProperties: false,
        properties: {
          vmType: { type: 'string', description: 'VM size of the forged pool.' },
          vmCount: { type: 'integer', description: 'Number of VMs (maximum with auto-scaling).', minimum: 0 },
          autoScale: { type: 'boolean', description: 'Scale the forged pool automatically.' },
          disposeOnDeletion: {
            type: 'boolean',
            description: 'Delete the forged pool when the compute environment is deleted.',
          },
          containerRegIds: {
            type: 'array',
            items: { type: 'string' },
            description: 'Container registry credential ids attached to the pool.',
          },
          bootDiskSizeGB: field.bootDiskSizeGB,
          dualPoolConfig: { type: 'boolean', description: 'Create separate head and worker pools.' },
          headPool: {
            $ref: '#/$defs/azBatchPool',
            description: 'Head pool settings (with `dualPoolConfig`).',
          },
          workerPool: {
            $ref: '#/$defs/azBatchPool',
            description: 'Worker pool settings (with `dualPoolConfig`).',
          },
        },
      },
      azBatchPool: {
        type: 'object',
        additionalProperties: false,
        properties: {
          vmType: { type: 'string', description: 'VM size of the pool.' },
          vmCount: { type: 'integer', description: 'Number of VMs of the pool.', minimum: 0 },
          autoScale: { type: 'boolean', description: 'Scale the pool automatically.' },
          bootDiskSizeGB: field.bootDiskSizeGB,
        },
      },
      'config-aws-batch': platformConfig('aws-batch', 'AwsBatchConfig', {
        cliPath: { type: 'string', description: 'Path of the AWS CLI in the AMI (manual setups).' },
        computeJobRole: { type: 'string', description: 'IAM role ARN of the task jobs.' },
        computeQueue: {
          type: 'string',
          description: 'AWS Batch queue for task jobs (manual setup; forged otherwise).',
        },
        dragenInstanceType: { type: 'string', description: 'Instance type of DRAGEN jobs.' },
        dragenQueue: { type: 'string', description: 'AWS Batch queue for DRAGEN jobs.' },
        executionRole: { type: 'string', description: 'ECS task execution role ARN.' },
        forge: {
          $ref: '#/$defs/awsBatchForge',
          description:
            'Batch Forge: let the platform create the AWS Batch queues and resources. Omit for manual queues (`headQueue`, `computeQueue`).',
        },
        fusion2Enabled: field.fusion2Enabled,
        fusionSnapshots: field.fusionSnapshots,
        headJobCpus: field.headJobCpus,
        headJobMemoryMb: field.headJobMemoryMb,
        headJobRole: { type: 'string', description: 'IAM role ARN of the head job.' },
        headQueue: {
          type: 'string',
          description: 'AWS Batch queue for the Nextflow head job (manual setup; forged otherwise).',
        },
        logGroup: { type: 'string', description: 'CloudWatch log group of the jobs.' },
        lustreId: { type: 'string', description: 'FSx for Lustre id (deprecated).', deprecated: true },
        nvnmeStorageEnabled: {
          type: 'boolean',
          description: 'Use instance NVMe storage for the work dir with Fusion (the API spells it `nvnme`).',
        },
        region: field.region,
        storageType: { type: 'string', description: 'Storage type (deprecated).', deprecated: true },
        volumes: {
          type: 'array',
          items: { type: 'string' },
          description: 'Host volumes mounted into the containers (`/host:/container`).',
        },
        waveEnabled: field.waveEnabled,
      }),
      'config-aws-cloud': platformConfig('aws-cloud', 'AwsCloudConfig', {
        allowBuckets: {
          type: 'array',
          items: { type: 'string' },
          description: 'S3 buckets the instances may read and write.',
          uniqueItems: true,
        },
        arm64Enabled: field.arm64Enabled,
        ebsBootSize: field.ebsBootSize,
        ebsEncrypted: { type: 'boolean', description: 'Encrypt the EBS volumes.' },
        ebsKmsKeyId: { type: 'string', description: 'KMS key id for EBS encryption.' },
        ec2KeyPair: { type: 'string', description: 'EC2 key pair for SSH access.' },
        fusion2Enabled: field.fusion2Enabled,
        gpuEnabled: field.gpuEnabled,
        imageId: field.imageId,
        instanceProfileArn: { type: 'string', description: 'IAM instance profile ARN.' },
        instanceType: field.instanceType,
        logGroup: { type: 'string', description: 'CloudWatch log group.' },
        region: field.region,
        schedConfig: field.schedConfig,
        schedEnabled: field.schedEnabled,
        securityGroups: {
          type: 'array',
          items: { type: 'string' },
          description: 'Security group ids.',
          uniqueItems: true,
        },
        subnetId: {
          type: 'string',
          description: 'Subnet id (deprecated: use `subnetIds`).',
          deprecated: true,
        },
        subnetIds: {
          type: 'array',
          items: { type: 'string' },
          description: 'Subnet ids.',
          uniqueItems: true,
        },
        vpcId: { type: 'string', description: 'VPC id.' },
        waveEnabled: field.waveEnabled,
      }),
      'config-azure-batch': platformConfig('azure-batch', 'AzBatchConfig', {
        autoPoolMode: { type: 'boolean', description: 'Auto pool mode (deprecated).', deprecated: true },
        deleteJobsOnCompletion: {
          type: 'string',
          enum: ['on_success', 'always', 'never'],
          description: 'When Azure Batch jobs are deleted: on_success, always or never.',
        },
        deleteJobsOnCompletionEnabled: {
          type: 'boolean',
          description: 'Delete Azure Batch jobs when the run completes.',
        },
        deletePoolsOnCompletion: { type: 'boolean', description: 'Delete pools when the run completes.' },
        deleteTasksOnCompletion: { type: 'boolean', description: 'Delete tasks when they complete.' },
        forge: {
          $ref: '#/$defs/azBatchForge',
          description:
            'Batch Forge: let the platform create the Azure Batch pool. Omit for manual pools (`headPool`).',
        },
        fusion2Enabled: field.fusion2Enabled,
        headJobCpus: field.headJobCpus,
        headJobMemoryMb: field.headJobMemoryMb,
        headPool: { type: 'string', description: 'Azure Batch pool of the head job (manual setup).' },
        jobMaxWallClockTime: {
          type: 'string',
          description: 'Maximum wall-clock time of a job (ISO-8601 duration).',
        },
        managedIdentityClientId: field.managedIdentityClientId,
        managedIdentityHeadResourceId: {
          type: 'string',
          description: 'Resource id of the head job managed identity.',
        },
        managedIdentityPoolClientId: {
          type: 'string',
          description: 'Client id of the pool managed identity.',
        },
        managedIdentityPoolResourceId: {
          type: 'string',
          description: 'Resource id of the pool managed identity.',
        },
        region: field.region,
        subnetId: { type: 'string', description: 'Subnet id.' },
        terminateJobsOnCompletion: { type: 'boolean', description: 'Terminate jobs when the run completes.' },
        tokenDuration: { type: 'string', description: 'Duration of the SAS token (e.g. `48h`).' },
        waveEnabled: field.waveEnabled,
        workerPool: { type: 'string', description: 'Azure Batch pool of the task jobs (manual setup).' },
      }),
      'config-azure-cloud': platformConfig('azure-cloud', 'AzCloudConfig', {
        dataCollectionEndpoint: { type: 'string', description: 'Azure Monitor data collection endpoint.' },
        dataCollectionRuleId: { type: 'string', description: 'Azure Monitor data collection rule id.' },
        fusion2Enabled: field.fusion2Enabled,
        instanceType: field.instanceType,
        logTableName: { type: 'string', description: 'Log Analytics table name.' },
        logWorkspaceId: { type: 'string', description: 'Log Analytics workspace id.' },
        managedIdentityClientId: field.managedIdentityClientId,
        managedIdentityId: { type: 'string', description: 'Managed identity resource id.' },
        networkId: { type: 'string', description: 'Virtual network id.' },
        region: field.region,
        resourceGroup: { type: 'string', description: 'Resource group.' },
        schedConfig: field.schedConfig,
        schedEnabled: field.schedEnabled,
        subnets: { type: 'array', items: { type: 'string' }, description: 'Subnet ids.', uniqueItems: true },
        subscriptionId: { type: 'string', description: 'Azure subscription id.' },
        waveEnabled: field.waveEnabled,
      }),
      'config-google-batch': platformConfig('google-batch', 'GoogleBatchConfig', {
        bootDiskImage: { type: 'string', description: 'Boot disk image.' },
        bootDiskSizeGb: field.bootDiskSizeGb,
        computeJobsInstanceTemplate: { type: 'string', description: 'Instance template of task jobs.' },
        computeJobsMachineType: {
          type: 'array',
          items: { type: 'string' },
          description: 'Machine types allowed for task jobs.',
        },
        copyImage: field.copyImage,
        cpuPlatform: { type: 'string', description: 'Minimum CPU platform.' },
        debugMode: field.debugMode,
        fusion2Enabled: field.fusion2Enabled,
        fusionSnapshots: field.fusionSnapshots,
        headJobCpus: field.headJobCpus,
        headJobInstanceTemplate: { type: 'string', description: 'Instance template of the head job.' },
        headJobMemoryMb: field.headJobMemoryMb,
        labels: field.labels,
        location: field.location,
        machineType: { type: 'string', description: 'Machine type of the head job.' },
        network: { type: 'string', description: 'VPC network.' },
        networkTags: { type: 'array', items: { type: 'string' }, description: 'Network tags of the VMs.' },
        nfsMount: field.nfsMount,
        nfsTarget: field.nfsTarget,
        projectId: field.projectId,
        serviceAccount: { type: 'string', description: 'Service account email of the jobs.' },
        spot: { type: 'boolean', description: 'Use Spot VMs.' },
        sshDaemon: field.sshDaemon,
        sshImage: field.sshImage,
        subnetwork: { type: 'string', description: 'VPC subnetwork.' },
        usePrivateAddress: field.usePrivateAddress,
        waveEnabled: field.waveEnabled,
      }),
      'config-google-cloud': platformConfig('google-cloud', 'GoogleCloudConfig', {
        arm64Enabled: field.arm64Enabled,
        bootDiskSizeGb: field.bootDiskSizeGb,
        fusion2Enabled: field.fusion2Enabled,
        gpuEnabled: field.gpuEnabled,
        imageId: field.imageId,
        instanceType: field.instanceType,
        projectId: field.projectId,
        region: field.region,
        schedConfig: field.schedConfig,
        schedEnabled: field.schedEnabled,
        serviceAccountEmail: { type: 'string', description: 'Service account email of the VM.' },
        waveEnabled: field.waveEnabled,
        zone: { type: 'string', description: 'Compute Engine zone.' },
      }),
      'config-google-lifesciences': platformConfig('google-lifesciences', 'GoogleLifeSciencesConfig', {
        bootDiskSizeGb: field.bootDiskSizeGb,
        copyImage: field.copyImage,
        debugMode: field.debugMode,
        headJobCpus: field.headJobCpus,
        headJobMemoryMb: field.headJobMemoryMb,
        labels: field.labels,
        location: field.location,
        nfsMount: field.nfsMount,
        nfsTarget: field.nfsTarget,
        preemptible: { type: 'boolean', description: 'Use preemptible VMs.' },
        projectId: field.projectId,
        region: field.region,
        sshDaemon: field.sshDaemon,
        sshImage: field.sshImage,
        usePrivateAddress: field.usePrivateAddress,
        zones: { type: 'array', items: { type: 'string' }, description: 'Compute Engine zones.' },
      }),
      'config-k8s-platform': platformConfig('k8s-platform', 'K8sComputeConfig', {
        ...kubernetesFields,
      }),
      'config-eks-platform': platformConfig('eks-platform', 'EksComputeConfig', {
        clusterName: { type: 'string', description: 'EKS cluster name.' },
        fusion2Enabled: field.fusion2Enabled,
        region: field.region,
        waveEnabled: field.waveEnabled,
        ...kubernetesFields,
      }),
      'config-gke-platform': platformConfig('gke-platform', 'GkeComputeConfig', {
        clusterName: { type: 'string', description: 'GKE cluster name.' },
        fusion2Enabled: field.fusion2Enabled,
        region: field.region,
        waveEnabled: field.waveEnabled,
        ...kubernetesFields,
      }),
      'config-slurm-platform': platformConfig('slurm-platform', 'SlurmComputeConfig', {
        ...schedulerFields,
      }),
      'config-altair-platform': platformConfig('altair-platform', 'AltairPbsComputeConfig', {
        ...schedulerFields,
      }),
      'config-lsf-platform': platformConfig('lsf-platform', 'LsfComputeConfig', {
        perJobMemLimit: { type: 'boolean', description: 'Memory limits apply per job (LSB_JOB_MEMLIMIT).' },
        perTaskReserve: {
          type: 'boolean',
          description: 'Resource reservations apply per task (RESOURCE_RESERVE_PER_TASK).',
        },
        unitForLimits: {
          type: 'string',
          description: 'Unit of memory limits (LSF_UNIT_FOR_LIMITS), e.g. `MB`.',
        },
        ...schedulerFields,
      }),
      'config-uge-platform': platformConfig('uge-platform', 'UnivaComputeConfig', {
        ...schedulerFields,
      }),
      'config-moab-platform': platformConfig('moab-platform', 'MoabComputeConfig', {
        ...schedulerFields,
      }),
      'config-local-platform': platformConfig('local-platform', 'LocalComputeConfig', {
        fusion2Enabled: field.fusion2Enabled,
        schedConfig: field.schedConfig,
        schedEnabled: field.schedEnabled,
        waveEnabled: field.waveEnabled,
      }),
      'config-seqeracompute-platform': platformConfig('seqeracompute-platform', 'SeqeraComputeConfig', {
        defaultDataRetentionPolicy: {
          type: 'boolean',
          description: 'Apply the default data retention policy.',
        },
        instanceTypeSize: {
          type: 'string',
          enum: ['SMALL', 'MEDIUM', 'LARGE'],
          description: 'Instance size class: SMALL, MEDIUM or LARGE.',
        },
        region: field.region,
      }),
      computeEnvironment: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'platform', 'config'],
        properties: {
          name: {
            type: 'string',
            description: 'Compute environment name, unique in the workspace.',
            pattern: '^[a-zA-Z0-9_-]{1,100}$',
            patternErrorMessage: "must be 1 to 100 letters, digits, '-' or '_'",
          },
          platform: {
            type: 'string',
            enum: [...COMPUTE_PLATFORMS],
            description:
              'The API platform id, e.g. `aws-batch`, `slurm-platform`, `altair-platform` (PBS Pro). Changing it replaces the compute environment.',
          },
          credentials: {
            type: 'string',
            description: 'Name of a credential of this workspace.',
            minLength: 1,
          },
          primary: {
            type: 'boolean',
            description:
              'Make this the primary compute environment (at most one per workspace; `false` is no opinion).',
          },
          description: { type: 'string', description: 'Free text.', maxLength: 2000 },
          config: {
            type: 'object',
            description:
              'The API config object for the platform (checked per platform; e.g. pasted from `tw compute-envs export`). Any change replaces the compute environment.',
          },
          labels: {
            type: 'array',
            items: {
              type: 'string',
              pattern:
                '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}=[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
              patternErrorMessage:
                "must be a resource label as name=value (a compute environment carries resource labels only), each part 2 to 39 letters or digits, optionally joined by single '-' or '_'",
            },
            uniqueItems: true,
            maxItems: 25,
            description:
              'Resource labels as `name=value`, set when the compute environment is created: a change replaces it. Absent: its labels are not managed (a replace keeps them).',
          },
        },
        allOf: COMPUTE_PLATFORMS.map((platform) =>
          shapeWhen(
            'platform',
            platform,
            'config',
            `config-${platform}`,
            `Config of a \`${platform}\` compute environment.`,
          ),
        ),
      },
    },
  },
  collections: {
    computeEnvironments: collectionSchema(
      'Delete compute environments that exist on the platform but are not declared.',
      'Acknowledged extra compute environments (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      computeEnvironment: 'computeEnvironmentAction',
      primaryComputeEnvironment: 'primaryComputeEnvironmentAction',
    },
    $defs: {
      computeEnvironmentAction: planActionSchema(
        'computeEnvironment',
        ['create', 'update', 'replace', 'delete'],
        {
          extra: {
            forcedBy: {
              type: 'array',
              items: { type: 'string' },
              description: 'On replace: the platform/config fields that force it.',
            },
            repoint: {
              type: 'array',
              description:
                'On replace: pipelines re-pointed at the new compute environment (managed or not).',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['pipelineId', 'name'],
                properties: { pipelineId: { type: 'integer' }, name: { type: 'string' } },
              },
            },
            repointActions: {
              type: 'array',
              description:
                'On replace: pipeline actions re-pointed at the new compute environment (managed or not).',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['actionId', 'name'],
                properties: { actionId: { type: 'string' }, name: { type: 'string' } },
              },
            },
            movesPrimary: {
              type: 'boolean',
              description:
                'On replace: the old compute environment is primary, so primary moves to the new one.',
            },
          },
        },
      ),
      primaryComputeEnvironmentAction: planActionSchema('primaryComputeEnvironment', [], {
        type: { const: 'update', description: 'What the action does.' },
        desired: false,
        current: false,
        extra: {
          computeEnvironment: {
            type: 'string',
            description: "The compute environment's name.",
            minLength: 1,
          },
        },
        required: ['computeEnvironment'],
      }),
      computeEnvironmentDesired: {
        type: 'object',
        required: ['name', 'platform', 'config'],
        properties: {
          name: { type: 'string' },
          platform: { type: 'string' },
          primary: { type: 'boolean' },
          config: { type: 'object' },
          labels: {
            type: 'array',
            items: { type: 'string' },
            description: 'Resource labels as `name=value`; absent when the file does not manage them.',
          },
          source: { $ref: '#/$defs/sourceRef' },
        },
      },
      computeEnvironmentCurrent: {
        type: 'object',
        required: ['id', 'name', 'platform', 'config'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          platform: { type: 'string' },
          primary: { type: 'boolean' },
          config: { type: 'object' },
        },
      },
    },
  },
};
