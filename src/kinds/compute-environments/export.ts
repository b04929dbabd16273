/**
 * Live compute environments → `computeEnvironments:` entries. The config is
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
import { type ActualComputeEnv, COMPUTE_PLATFORMS, type ComputePlatform } from './model.js';
import { PLATFORM_PROVIDERS } from './platforms.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { trimSlash } from '../kit/compare-declared.js';
import type { ExportSchema } from '../kit/export-schema.js';
import { anyOf, checkItem, dropInside, dropTopLevel, type MutableRecord } from '../kit/item-check.js';
import { byName, leaveOut, noteDropped, nonEmptyText, type MapContext } from '../kit/export-context.js';
import { isPlainObject, pruneToSchema } from '../kit/prune.js';
import { exportedLabelRefs, LABELS } from '../labels/export-refs.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';

/** The kind whose exported objects (with their provider as `type`) a CE's `credentials` may name. */
const CREDENTIALS = 'credentials';

/** The compute environments written: pipelines reference them. */
function mapComputeEnvs(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const credentials = ctx.exported(CREDENTIALS) ?? [];
  const labels = ctx.exported(LABELS) ?? [];
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  const primaries: string[] = [];
  for (const ce of [...(ws.computeEnvironments ?? [])].sort(byName)) {
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
