/**
 * Pipeline actions (`/actions?workspaceId=`). The list is not paged and
 * carries no launch; `GET /actions/{id}` describes one with its launch and
 * labels. Labels are set with `/actions/labels/apply`, which replaces an
 * action's whole set.
 */
import { contextOf, expectStringId, type OperationsContext } from './call-helpers.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember, type Fields } from './response-shape.js';
import { opt } from './decoders/optional.js';
import { decodeLabel, type LabelDbDto } from './label-operations.js';
import { decodeLaunch, type LaunchDbDto, type WorkflowLaunchRequest } from './pipeline-operations.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** An action's schedule (CronActionRequest / CronActionConfig). */
export interface CronActionConfig {
  expression?: string;
  timezone?: string;
}

/** ListActionsResponse.ActionInfo: a pipeline action as listed (no launch). */
export interface ActionInfoDto {
  id: string;
  name: string;
  source: string;
  status?: string;
  /** The repository URL. */
  pipeline?: string;
  /** A `tower` action's launch endpoint, a `github` action's hook. */
  endpoint?: string;
  labels?: LabelDbDto[];
}

/** ActionResponseDto (GET /actions/{id}): the action with its launch. */
export interface ActionDto {
  id: string;
  name: string;
  source: string;
  status?: string;
  hookUrl?: string;
  /** The schedule of a `cron` action (`config` with `discriminator: cron`). */
  cron?: CronActionConfig;
  labels?: LabelDbDto[];
  launch?: LaunchDbDto;
}

/** CreateActionRequest (the `bucket` source is not managed). */
export interface CreateActionRequest {
  name: string;
  source: 'github' | 'tower' | 'cron';
  launch: WorkflowLaunchRequest;
  cron?: CronActionConfig;
}

/** UpdateActionRequest: `source` cannot change; labels are not part of it. */
export interface UpdateActionRequest {
  name: string;
  launch: WorkflowLaunchRequest;
  cron?: CronActionConfig;
}

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * Pipeline actions: list rows (`ListActionsResponse.ActionInfo`, labels with
 * `attributes=labels`, `labels: null` without) and the described action
 * (`ActionResponseDto`, its launch kept whole like a pipeline's, its
 * schedule from `config` when that is a cron config).
 */
export function decodeActionInfo(f: Fields): ActionInfoDto {
  return {
    id: f.string('id'),
    name: f.string('name'),
    source: f.string('source'),
    ...opt('status', f.optString('status')),
    ...opt('pipeline', f.optString('pipeline')),
    ...opt('endpoint', f.optString('endpoint')),
    ...opt('labels', f.optList('labels', decodeLabel)),
  };
}

function decodeCron(config: Fields | undefined): CronActionConfig | undefined {
  if (config === undefined || config.optString('discriminator') !== 'cron') return undefined;
  return {
    ...opt('expression', config.optString('expression')),
    ...opt('timezone', config.optString('timezone')),
  };
}

export function decodeAction(f: Fields): ActionDto {
  const launch = f.optObject('launch');
  return {
    id: f.string('id'),
    name: f.string('name'),
    source: f.string('source'),
    ...opt('status', f.optString('status')),
    ...opt('hookUrl', f.optString('hookUrl')),
    ...opt('cron', decodeCron(f.optObject('config'))),
    ...opt('labels', f.optList('labels', decodeLabel)),
    ...opt('launch', launch === undefined ? undefined : decodeLaunch(launch)),
  };
}

// ── Client methods ──

/** The client's pipeline-action methods (part of `ApiClient`). */
export interface ActionOperations {
  /** Not paged; without launches. */
  listActions(workspaceId: number): Promise<ActionInfoDto[]>;
  /** GET /actions/{id} with `attributes=labels`: the action with its launch and labels. */
  describeAction(workspaceId: number, actionId: string): Promise<ActionDto>;
  /** Returns the new action's id. */
  createAction(workspaceId: number, body: CreateActionRequest): Promise<string>;
  updateAction(workspaceId: number, actionId: string, body: UpdateActionRequest): Promise<void>;
  deleteAction(workspaceId: number, actionId: string): Promise<void>;
  /** Replaces the labels of the given actions with exactly `labelIds`. */
  applyActionLabels(
    workspaceId: number,
    actionIds: readonly string[],
    labelIds: readonly number[],
  ): Promise<void>;
}

export function actionOperations({ transport: t }: OperationsContext): ActionOperations {
  const action = (actionId: string): string => `/actions/${segment(actionId)}`;
  return {
    async listActions(workspaceId) {
      const result = await t.call({ method: 'GET', path: '/actions', query: { workspaceId } });
      return decodeList(result.body, 'actions', contextOf(result), decodeActionInfo);
    },
    async describeAction(workspaceId, actionId) {
      const result = await t.call({
        method: 'GET',
        path: action(actionId),
        query: { workspaceId, attributes: 'labels' },
      });
      return decodeMember(result.body, 'action', contextOf(result), decodeAction);
    },
    async createAction(workspaceId, body) {
      const result = await t.call({ method: 'POST', path: '/actions', query: { workspaceId }, body });
      return expectStringId(result, 'actionId');
    },
    async updateAction(workspaceId, actionId, body) {
      await t.call({ method: 'PUT', path: action(actionId), query: { workspaceId }, body });
    },
    async deleteAction(workspaceId, actionId) {
      await t.call({ method: 'DELETE', path: action(actionId), query: { workspaceId } });
    },
    async applyActionLabels(workspaceId, actionIds, labelIds) {
      await t.call({
        method: 'POST',
        path: '/actions/labels/apply',
        query: { workspaceId },
        body: { actionIds: [...actionIds], labelIds: [...labelIds] },
        // Replacing a whole set is idempotent: a resend gives the same set.
        replaySafe: true,
      });
    },
  };
}
