/**
 * Pipeline actions (`/actions?workspaceId=`). The list is not paged and
 * carries no launch (`pipeline` is the repository URL); `GET /actions/{id}`
 * describes one with its launch (`computeEnv` the full CE object, as a
 * pipeline's launch). Names are unique in a workspace (a duplicate is a 400). A `github`
 * action needs a GitHub repository: the platform registers a webhook on it
 * (`hookId`, `hookUrl`); a `tower` action is launched through its endpoint;
 * a `cron` action needs a five-field expression. An update takes a name, a
 * launch and a schedule, never a source, and leaves the labels as they are;
 * labels are set with `/actions/labels/{add,apply,remove}`, and
 * `attributes=labels` adds them to a list or a describe. The list, as the
 * platform's, has no `config`; a describe has it (a cron action's schedule). Reads need
 * `view`, writes `maintain`. The `bucket` source is not modelled (400).
 */
import { workspaceFromQuery } from '../access.js';
import {
  objectField,
  optIntegerArray,
  optObject,
  optString,
  optStringArray,
  reqObject,
  reqString,
  stringParam,
  type Query,
} from '../body.js';
import { settleComputeEnvs } from '../compute-env-lifecycle.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, notFound } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { seedObj, seedStr, seedStrList, uniqueNames, type EmulatorKind } from '../kind.js';
import {
  checkLaunch,
  launchDto,
  launchSeedOf,
  parseLaunch,
  seededLaunch,
  SEED_LAUNCH,
  type LaunchSeed,
} from '../launch.js';
import {
  ACTION_SOURCES,
  CRON_EXPRESSION,
  newActionRecord,
  type ActionRecord,
  type ActionSource,
} from '../action-model.js';
import { checkLabelIds } from '../pipeline-model.js';
import type { RequestContext, Route } from '../router.js';
import type { WorkspaceRecord } from '../store.js';
import { computeEnvDto } from './compute-envs.js';
import { labelDto, labelIdFor, labelNames } from './labels.js';

/** A pipeline action (its launch like a pipeline version's). */
export interface ActionSeed {
  readonly name: string;
  readonly source: 'github' | 'tower' | 'cron';
  readonly launch: LaunchSeed;
  /** `cron` actions only; the time zone defaults to UTC. */
  readonly cron?: { readonly expression: string; readonly timezone?: string };
  /** Names of labels of the workspace (created when missing). */
  readonly labels?: readonly string[];
}

declare module '../records.js' {
  interface WorkspaceCollections {
    readonly actions: Map<string, ActionRecord>;
  }
}

declare module '../seed-types.js' {
  interface WorkspaceSeed {
    readonly actions?: readonly ActionSeed[];
  }
}

/** Where the platform serves `tower` action launches (the endpoint it reports). */
const LAUNCH_ENDPOINT = 'https://api.cloud.seqera.io';

function withLabels(query: Query): boolean {
  return query.list('attributes').includes('labels');
}

function labelsOf(ws: WorkspaceRecord, action: ActionRecord): JsonObject[] {
  return action.labelIds.flatMap((id) => {
    const label = ws.labels.get(id);
    return label === undefined ? [] : [labelDto(label)];
  });
}

function configOf(action: ActionRecord): JsonObject {
  if (action.source === 'cron' && action.cron !== undefined) {
    return { expression: action.cron.expression, timezone: action.cron.timezone, discriminator: 'cron' };
  }
  if (action.source === 'github') return { events: ['push'], discriminator: 'github' };
  return { discriminator: 'tower' };
}

function endpointOf(ws: WorkspaceRecord, action: ActionRecord): string | null {
  if (action.source === 'github') return action.hookUrl ?? null;
  if (action.source === 'tower') {
    return `${LAUNCH_ENDPOINT}/actions/${action.id}/launch?workspaceId=${String(ws.id)}`;
  }
  return null;
}

function infoDto(ws: WorkspaceRecord, action: ActionRecord, labels: boolean): JsonObject {
  return {
    id: action.id,
    name: action.name,
    pipeline: typeof action.launch.pipeline === 'string' ? action.launch.pipeline : null,
    source: action.source,
    status: 'ACTIVE',
    lastSeen: null,
    dateCreated: action.dateCreated,
    event: null,
    endpoint: endpointOf(ws, action),
    usageCmd: null,
    ...(labels ? { labels: labelsOf(ws, action) } : {}),
  };
}

function actionDto(ws: WorkspaceRecord, action: ActionRecord, labels: boolean): JsonObject {
  return {
    id: action.id,
    name: action.name,
    source: action.source,
    status: 'ACTIVE',
    message: null,
    hookId: action.hookId ?? null,
    hookUrl: action.hookUrl ?? null,
    config: configOf(action),
    event: null,
    launch: launchDto(
      ws,
      {
        launch: action.launch,
        launchId: action.launchId,
        dateCreated: action.dateCreated,
        lastUpdated: action.lastUpdated,
      },
      (ce) => computeEnvDto(ws, ce, false),
    ),
    ...(labels ? { labels: labelsOf(ws, action) } : {}),
    deleted: null,
    lastSeen: null,
    dateCreated: action.dateCreated,
    lastUpdated: action.lastUpdated,
  };
}

function checkNameFree(ws: WorkspaceRecord, name: string, self?: ActionRecord): void {
  if (name.trim() === '') throw badRequest('Action name is required');
  for (const other of ws.actions.values()) {
    if (other !== self && other.name === name) {
      // The spec declares no 409 on create or update (only on /actions/validate): a duplicate is a 400.
      throw badRequest(`An action with name '${name}' already exists in workspace '${ws.name}'`);
    }
  }
}

function parseCron(body: Record<string, unknown>): ActionRecord['cron'] {
  const cron = optObject(body, 'cron', '');
  if (cron === undefined) return undefined;
  const expression = reqString(cron, 'expression', 'cron.');
  if (!CRON_EXPRESSION.test(expression)) throw badRequest(`Invalid cron expression '${expression}'`);
  return { expression, timezone: optString(cron, 'timezone', 'cron.') ?? 'UTC' };
}

function actionRoutes({ store }: EmulatorEnv): Route[] {
  const scope = (ctx: RequestContext, minimum: 'view' | 'maintain'): WorkspaceRecord => {
    const { ws } = workspaceFromQuery(store, ctx.query, ctx.user, minimum);
    settleComputeEnvs(ws, ctx.now);
    return ws;
  };
  const find = (ws: WorkspaceRecord, ctx: RequestContext): ActionRecord => {
    const id = stringParam(ctx.params, 'actionId');
    const action = ws.actions.get(id);
    if (action === undefined) throw notFound(`Action '${id}' not found`);
    return action;
  };
  /** The body of a labels request: the actions (each in the workspace) and the labels (each a label of it). */
  const labelsRequest = (ws: WorkspaceRecord, ctx: RequestContext): [ActionRecord[], number[]] => {
    const body = objectField(ctx.body, 'request body');
    const actionIds = optStringArray(body, 'actionIds', '') ?? [];
    const labelIds = optIntegerArray(body, 'labelIds', '') ?? [];
    checkLabelIds(ws, labelIds);
    const actions = actionIds.map((id) => {
      const action = ws.actions.get(id);
      if (action === undefined) throw notFound(`Action '${id}' not found`);
      return action;
    });
    return [actions, [...new Set(labelIds)]];
  };
  const labelRoute = (
    name: string,
    change: (current: readonly number[], given: readonly number[]) => number[],
  ): Route => ({
    method: 'POST',
    pattern: `/actions/labels/${name}`,
    handler: (ctx) => {
      const ws = scope(ctx, 'maintain');
      const [actions, labelIds] = labelsRequest(ws, ctx);
      for (const action of actions) action.labelIds = change(action.labelIds, labelIds);
      return noContent();
    },
  });
  return [
    {
      method: 'GET',
      pattern: '/actions',
      handler: (ctx) => {
        const ws = scope(ctx, 'view');
        const labels = withLabels(ctx.query);
        return ok({ actions: [...ws.actions.values()].map((a) => infoDto(ws, a, labels)) });
      },
    },
    {
      method: 'POST',
      pattern: '/actions',
      handler: (ctx) => {
        const ws = scope(ctx, 'maintain');
        const body = objectField(ctx.body, 'request body');
        const name = reqString(body, 'name', '');
        checkNameFree(ws, name);
        const source = reqString(body, 'source', '');
        if (!ACTION_SOURCES.includes(source as ActionSource)) {
          throw badRequest(
            `source must be one of ${ACTION_SOURCES.join(', ')} (the emulator does not model ${source})`,
          );
        }
        const launch = parseLaunch(reqObject(body, 'launch', ''), 'launch.');
        checkLaunch(ws, launch);
        const cron = parseCron(body);
        if (source === 'cron' && cron === undefined) throw badRequest('A cron action needs cron.expression');
        if (source !== 'cron' && cron !== undefined) throw badRequest(`A ${source} action has no schedule`);
        const action = newActionRecord(store, {
          name,
          source: source as ActionSource,
          launch,
          ...(cron === undefined ? {} : { cron }),
          timestamp: ctx.timestamp,
        });
        ws.actions.set(action.id, action);
        return ok({ actionId: action.id });
      },
    },
    {
      method: 'GET',
      pattern: '/actions/{actionId}',
      handler: (ctx) => {
        const ws = scope(ctx, 'view');
        return ok({ action: actionDto(ws, find(ws, ctx), withLabels(ctx.query)) });
      },
    },
    {
      method: 'PUT',
      pattern: '/actions/{actionId}',
      handler: (ctx) => {
        const ws = scope(ctx, 'maintain');
        const action = find(ws, ctx);
        const body = objectField(ctx.body, 'request body');
        if (body['source'] !== undefined && body['source'] !== action.source) {
          throw badRequest('The source of an existing action cannot be changed');
        }
        const name = optString(body, 'name', '');
        if (name !== undefined) checkNameFree(ws, name, action);
        const launchInput = optObject(body, 'launch', '');
        const launch = launchInput === undefined ? undefined : parseLaunch(launchInput, 'launch.');
        if (launch !== undefined) checkLaunch(ws, launch);
        const cron = parseCron(body);
        if (cron !== undefined && action.source !== 'cron') {
          throw badRequest(`A ${action.source} action has no schedule`);
        }
        if (name !== undefined) action.name = name;
        if (launch !== undefined) action.launch = launch;
        if (cron !== undefined) action.cron = cron;
        action.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
    {
      method: 'DELETE',
      pattern: '/actions/{actionId}',
      handler: (ctx) => {
        const ws = scope(ctx, 'maintain');
        ws.actions.delete(find(ws, ctx).id);
        return noContent();
      },
    },
    labelRoute('apply', (_current, given) => [...given]),
    labelRoute('add', (current, given) => [...new Set([...current, ...given])]),
    labelRoute('remove', (current, given) => current.filter((id) => !given.includes(id))),
  ];
}

export const actionsKind: EmulatorKind = {
  routes: actionRoutes,
  workspace: {
    state: () => ({ actions: new Map() }),
    seedSchema: {
      actions: {
        type: 'array',
        items: seedObj(['name', 'source', 'launch'], {
          name: seedStr,
          source: { enum: ['github', 'tower', 'cron'] },
          launch: SEED_LAUNCH,
          cron: seedObj(['expression'], { expression: seedStr, timezone: seedStr }),
          labels: seedStrList,
        }),
      },
    },
    loadSeed: (loader, _org, ws, seed, where) => {
      const { store, problems, timestamp } = loader;
      const actionName = uniqueNames(loader, 'pipeline action');
      (seed.actions ?? []).forEach((a, i) => {
        const aw = `${where}.actions[${i}]`;
        actionName(a.name, aw);
        if ((a.source === 'cron') !== (a.cron !== undefined)) {
          problems.push(`${aw}.cron: a cron action has a schedule, and only a cron action`);
        }
        if (a.cron !== undefined && !CRON_EXPRESSION.test(a.cron.expression)) {
          problems.push(`${aw}.cron.expression: invalid cron expression '${a.cron.expression}'`);
        }
        try {
          const action = newActionRecord(store, {
            name: a.name,
            source: a.source,
            launch: seededLaunch(ws, a.launch, `${aw}.launch`, problems),
            ...(a.cron === undefined
              ? {}
              : { cron: { expression: a.cron.expression, timezone: a.cron.timezone ?? 'UTC' } }),
            labelIds: (a.labels ?? []).map((name) => labelIdFor(loader, ws, name)),
            timestamp,
          });
          ws.actions.set(action.id, action);
        } catch (err) {
          problems.push(`${aw}: ${err instanceof Error ? err.message : String(err)}`);
        }
      });
    },
    snapshot: (_store, _org, ws) => ({
      actions: [...ws.actions.values()].map((a) => {
        const labels = labelNames(ws, a.labelIds);
        return {
          name: a.name,
          source: a.source,
          launch: launchSeedOf(ws, a.launch),
          ...(a.cron === undefined ? {} : { cron: { ...a.cron } }),
          ...(labels.length === 0 ? {} : { labels }),
        };
      }),
    }),
  },
};
