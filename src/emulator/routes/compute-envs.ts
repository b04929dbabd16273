/**
 * Compute environments. Create answers at once with the id while the status
 * is CREATING; after `ceCreateDelayMs` it is AVAILABLE, or ERRORED when the
 * name contains "errored" or `failComputeEnvs` accepts it. Delete marks it
 * DELETING (the name stays taken) and it is gone after `ceDeleteDelayMs`.
 * Only name, description and credentials update in place; `config` is
 * immutable. The list has no `config` and is not paged.
 */
import { workspaceFromQuery } from '../access.js';
import {
  objectField,
  optBoolean,
  optIntegerArray,
  optString,
  reqObject,
  reqString,
  stringParam,
  optNullableString,
} from '../body.js';
import {
  fillForgedResources,
  serverFilledConfig,
  settleComputeEnvs,
  type ComputeEnvRecord,
} from '../compute-env-lifecycle.js';
import { PLATFORMS, providersForPlatform } from '../credential-keys.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import {
  lastNamed,
  seedObj,
  seedOptStr,
  seedStr,
  seedStrList,
  uniqueNames,
  type EmulatorKind,
} from '../kind.js';
import { ASSET_NAME, checkAssetName, checkMaxLength } from '../names.js';
import type { RequestContext, Route } from '../router.js';
import { CE_FAILURE_NAME_MARKER } from '../settings.js';
import type { OrgRecord, WorkspaceRecord } from '../store.js';
import { orNull } from '../wire.js';
import { labelDto, labelIdFor, labelNames } from './labels.js';

export type ComputeEnvSeedStatus = 'CREATING' | 'AVAILABLE' | 'DISABLED' | 'DELETING' | 'ERRORED' | 'INVALID';

export interface ComputeEnvSeed {
  readonly name: string;
  readonly platform: string;
  /** Name of credentials of the same workspace. */
  readonly credentials?: string;
  readonly primary?: boolean;
  readonly description?: string;
  /** The platform's config object (`discriminator` and server-filled fields are added). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Default AVAILABLE. A seeded status never changes by itself (a CREATING one stays CREATING). */
  readonly status?: ComputeEnvSeedStatus;
  readonly message?: string;
  /** Names of labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly computeEnvs: Map<string, ComputeEnvRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly computeEnvironments?: readonly ComputeEnvSeed[];
  }
}

/**
 * The full compute environment (ComputeEnvResponseDto), as the platform
 * describes it: `primary` is null here (only the list tells which CE is
 * primary), unset fields are null.
 */
export function computeEnvDto(ws: WorkspaceRecord, ce: ComputeEnvRecord, withLabels: boolean): JsonObject {
  return {
    id: ce.id,
    name: ce.name,
    description: orNull(ce.description),
    platform: ce.platform,
    config: ce.config,
    dateCreated: ce.dateCreated,
    lastUpdated: ce.lastUpdated,
    lastUsed: null,
    deleted: null,
    status: ce.status,
    message: orNull(ce.message),
    primary: null,
    credentialsId: orNull(ce.credentialsId),
    ...(ce.fusionMetricsCollectionEnabled === undefined
      ? {}
      : { fusionMetricsCollectionEnabled: ce.fusionMetricsCollectionEnabled }),
    ...(withLabels ? { labels: labelsOf(ws, ce.labelIds) } : {}),
  };
}

function labelsOf(ws: WorkspaceRecord, ids: readonly number[]): JsonObject[] {
  return ids.flatMap((id) => {
    const label = ws.labels.get(id);
    return label === undefined ? [] : [labelDto(label)];
  });
}

function listEntry(ws: WorkspaceRecord, ce: ComputeEnvRecord, withLabels: boolean): JsonObject {
  return {
    id: ce.id,
    name: ce.name,
    platform: ce.platform,
    status: ce.status,
    message: orNull(ce.message),
    lastUsed: null,
    primary: ce.primary,
    workspaceName: ws.name,
    visibility: ws.visibility,
    credentialsId: orNull(ce.credentialsId),
    ...(withLabels ? { labels: labelsOf(ws, ce.labelIds) } : {}),
  };
}

function checkScripts(config: Record<string, unknown>): void {
  for (const key of ['preRunScript', 'postRunScript']) {
    const script = config[key];
    if (typeof script === 'string' && Buffer.byteLength(script) > 1024) {
      throw badRequest(`config.${key} is longer than 1024 bytes`);
    }
  }
}

function computeEnvRoutes({ store, settings }: EmulatorEnv): Route[] {
  const scope = (ctx: RequestContext, minimum: 'view' | 'admin'): { org: OrgRecord; ws: WorkspaceRecord } => {
    const found = workspaceFromQuery(store, ctx.query, ctx.user, minimum);
    settleComputeEnvs(found.ws, ctx.now);
    return found;
  };
  const find = (
    ctx: RequestContext,
    minimum: 'view' | 'admin',
  ): { ws: WorkspaceRecord; ce: ComputeEnvRecord } => {
    const { ws } = scope(ctx, minimum);
    const id = stringParam(ctx.params, 'computeEnvId');
    const ce = ws.computeEnvs.get(id);
    if (ce === undefined) throw notFound(`Compute environment '${id}' not found in workspace '${ws.name}'`);
    return { ws, ce };
  };
  const checkNameFree = (ws: WorkspaceRecord, name: string, self?: ComputeEnvRecord): void => {
    checkAssetName('compute environment', name);
    for (const ce of ws.computeEnvs.values()) {
      if (ce.name === name && ce !== self) {
        const note = ce.status === 'DELETING' ? ' (it is being deleted)' : '';
        throw conflict(
          `A compute environment named '${name}' already exists in workspace '${ws.name}'${note}`,
        );
      }
    }
  };
  const checkCredentials = (
    ws: WorkspaceRecord,
    platform: string,
    credentialsId: string | undefined,
  ): void => {
    const providers = providersForPlatform(platform);
    if (credentialsId === undefined) {
      if (providers !== undefined) throw badRequest(`credentialsId is required for platform '${platform}'`);
      return;
    }
    const cred = ws.credentials.get(credentialsId);
    if (cred === undefined)
      throw badRequest(`Credentials '${credentialsId}' not found in workspace '${ws.name}'`);
    if (providers !== undefined && !providers.includes(cred.provider)) {
      throw badRequest(
        `Credentials '${cred.name}' (${cred.provider}) cannot be used by platform '${platform}'`,
      );
    }
  };
  return [
    {
      method: 'GET',
      pattern: '/compute-envs',
      handler: (ctx) => {
        const { ws } = scope(ctx, 'view');
        const status = ctx.query.get('status');
        const withLabels = ctx.query.list('attributes').includes('labels');
        const computeEnvs = [...ws.computeEnvs.values()]
          .filter((ce) => status === undefined || ce.status === status.toUpperCase())
          .map((ce) => listEntry(ws, ce, withLabels));
        return ok({ computeEnvs });
      },
    },
    {
      method: 'POST',
      pattern: '/compute-envs',
      handler: (ctx) => {
        const { ws } = scope(ctx, 'admin');
        const body = objectField(ctx.body, 'request body');
        const input = reqObject(body, 'computeEnv', '');
        const labelIds = optIntegerArray(body, 'labelIds', '') ?? [];
        const name = reqString(input, 'name', 'computeEnv.');
        const platform = reqString(input, 'platform', 'computeEnv.');
        if (!PLATFORMS.includes(platform)) throw badRequest(`Unknown compute platform '${platform}'`);
        const config = reqObject(input, 'config', 'computeEnv.');
        if (config.discriminator !== platform) {
          throw badRequest(`computeEnv.config.discriminator must equal the platform '${platform}'`);
        }
        if (typeof config.workDir !== 'string' || config.workDir.trim() === '') {
          throw badRequest('computeEnv.config.workDir is required');
        }
        checkScripts(config);
        checkNameFree(ws, name);
        const description = optString(input, 'description', 'computeEnv.');
        checkMaxLength('computeEnv.description', description, 2000);
        const credentialsId = optString(input, 'credentialsId', 'computeEnv.');
        checkCredentials(ws, platform, credentialsId);
        const unknownLabel = labelIds.find((id) => !ws.labels.has(id));
        if (unknownLabel !== undefined)
          throw badRequest(`Label ${unknownLabel} not found in workspace '${ws.name}'`);
        // A compute environment carries resource labels (sent to the cloud provider), as the web UI offers them.
        const simpleLabel = labelIds.find((id) => ws.labels.get(id)?.resource === false);
        if (simpleLabel !== undefined)
          throw badRequest(
            `Label ${simpleLabel} is not a resource label: a compute environment takes resource labels`,
          );
        const fusionMetrics = optBoolean(input, 'fusionMetricsCollectionEnabled', 'computeEnv.');
        const id = store.nextStringId();
        const fails = name.toLowerCase().includes(CE_FAILURE_NAME_MARKER) || settings.failComputeEnv(name);
        const ce: ComputeEnvRecord = {
          id,
          name,
          platform,
          config: serverFilledConfig(platform, config, id),
          ...(credentialsId === undefined ? {} : { credentialsId }),
          ...(description === undefined ? {} : { description }),
          ...(fusionMetrics === undefined ? {} : { fusionMetricsCollectionEnabled: fusionMetrics }),
          status: 'CREATING',
          primary: false,
          labelIds: [...labelIds],
          pending: fails
            ? {
                at: ctx.now + settings.ceCreateDelayMs,
                status: 'ERRORED',
                message: `Emulated failure creating '${name}'`,
              }
            : { at: ctx.now + settings.ceCreateDelayMs, status: 'AVAILABLE' },
          dateCreated: ctx.timestamp,
          lastUpdated: ctx.timestamp,
        };
        ws.computeEnvs.set(id, ce);
        settleComputeEnvs(ws, ctx.now);
        return ok({ computeEnvId: id });
      },
    },
    {
      method: 'GET',
      pattern: '/compute-envs/{computeEnvId}',
      handler: (ctx) => {
        const { ws, ce } = find(ctx, 'view');
        return ok({ computeEnv: computeEnvDto(ws, ce, ctx.query.list('attributes').includes('labels')) });
      },
    },
    {
      method: 'PUT',
      pattern: '/compute-envs/{computeEnvId}',
      handler: (ctx) => {
        const { ws, ce } = find(ctx, 'admin');
        if (ce.status === 'DELETING') throw badRequest(`Compute environment '${ce.name}' is being deleted`);
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '');
        const description = optNullableString(body, 'description', '');
        const credentialsId = optString(body, 'credentialsId', '');
        const fusionMetrics = optBoolean(body, 'fusionMetricsCollectionEnabled', '');
        if (name !== undefined) checkNameFree(ws, name, ce);
        checkMaxLength('description', description ?? undefined, 2000);
        if (credentialsId !== undefined) checkCredentials(ws, ce.platform, credentialsId);
        if (name !== undefined) ce.name = name;
        if (description === null) delete ce.description;
        else if (description !== undefined) ce.description = description;
        if (credentialsId !== undefined) ce.credentialsId = credentialsId;
        if (fusionMetrics !== undefined) ce.fusionMetricsCollectionEnabled = fusionMetrics;
        ce.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/compute-envs/{computeEnvId}',
      handler: (ctx) => {
        const { ws, ce } = find(ctx, 'admin');
        const force = ctx.query.boolean('force') === true;
        if (ce.status === 'DELETING') return noContent();
        if (force && ce.status !== 'ERRORED' && ce.status !== 'INVALID') {
          throw badRequest(
            'force=true is only allowed for compute environments in ERRORED, INVALID or DELETING status',
          );
        }
        if (!force && ce.credentialsId !== undefined && !ws.credentials.has(ce.credentialsId)) {
          throw conflict(
            `Compute environment '${ce.name}' cannot be deleted: its credentials '${ce.credentialsId}' were deleted first (delete compute environments before their credentials)`,
          );
        }
        ce.status = 'DELETING';
        ce.primary = false;
        delete ce.pending;
        ce.goneAt = ctx.now + settings.ceDeleteDelayMs;
        ce.lastUpdated = ctx.timestamp;
        settleComputeEnvs(ws, ctx.now);
        return noContent();
      },
    },
    {
      method: 'POST',
      pattern: '/compute-envs/{computeEnvId}/primary',
      handler: (ctx) => {
        const { ws, ce } = find(ctx, 'admin');
        if (ctx.body !== undefined) objectField(ctx.body, 'request body');
        if (ce.status !== 'AVAILABLE') {
          throw badRequest(
            `Compute environment '${ce.name}' is ${ce.status}: only an AVAILABLE one can be primary`,
          );
        }
        for (const other of ws.computeEnvs.values()) other.primary = other === ce;
        return noContent();
      },
    },
  ];
}

export const computeEnvsKind: EmulatorKind = {
  routes: computeEnvRoutes,
  workspace: {
    state: () => ({ computeEnvs: new Map() }),
    settle: settleComputeEnvs,
    seedSchema: {
      computeEnvironments: {
        type: 'array',
        items: seedObj(['name', 'platform'], {
          name: seedStr,
          platform: seedStr,
          credentials: seedStr,
          primary: { type: 'boolean' },
          description: seedOptStr,
          config: { type: 'object' },
          status: { enum: ['CREATING', 'AVAILABLE', 'DISABLED', 'DELETING', 'ERRORED', 'INVALID'] },
          message: seedOptStr,
          labels: seedStrList,
        }),
      },
    },
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems, timestamp } = loader;
      const ceName = uniqueNames(loader, 'compute environment');
      // Several CEs may be primary: the platform's data can say so (a recorded list marks three).
      (seed.computeEnvironments ?? []).forEach((c, i) => {
        const cw = `${where}.computeEnvironments[${i}]`;
        ceName(c.name, cw);
        if (!ASSET_NAME.test(c.name))
          problems.push(`${cw}.name: invalid compute environment name '${c.name}'`);
        if (!PLATFORMS.includes(c.platform))
          problems.push(`${cw}.platform: unknown platform '${c.platform}'`);
        const credentialsId =
          c.credentials === undefined ? undefined : lastNamed(ws.credentials.values(), c.credentials)?.id;
        if (c.credentials !== undefined && credentialsId === undefined) {
          problems.push(`${cw}.credentials: no credentials named '${c.credentials}' in this workspace`);
        }
        const id = store.nextStringId();
        const ce: ComputeEnvRecord = {
          id,
          name: c.name,
          platform: c.platform,
          config: serverFilledConfig(c.platform, c.config ?? {}, id),
          status: c.status ?? 'AVAILABLE',
          primary: c.primary ?? false,
          labelIds: (c.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
          ...(credentialsId === undefined ? {} : { credentialsId }),
          ...(c.description === undefined ? {} : { description: c.description }),
          ...(c.message === undefined ? {} : { message: c.message }),
          dateCreated: timestamp,
          lastUpdated: timestamp,
        };
        if (ce.status === 'AVAILABLE') fillForgedResources(ce);
        ws.computeEnvs.set(id, ce);
      });
    },
    snapshot: (_store, _org, ws) => ({
      computeEnvironments: [...ws.computeEnvs.values()].map((ce) => {
        const credentials =
          ce.credentialsId === undefined ? undefined : ws.credentials.get(ce.credentialsId)?.name;
        const labels = labelNames(ws, ce.labelIds);
        return {
          name: ce.name,
          platform: ce.platform,
          ...(credentials === undefined ? {} : { credentials }),
          ...(ce.primary ? { primary: true } : {}),
          ...(ce.description === undefined ? {} : { description: ce.description }),
          config: structuredClone(ce.config),
          status: ce.status,
          ...(ce.message === undefined ? {} : { message: ce.message }),
          ...(labels.length === 0 ? {} : { labels }),
        };
      }),
    }),
  },
};
