/**
 * Pipeline actions on the platform (`/actions?workspaceId=`). The list is not
 * paged and carries no launch; `GET /actions/{id}` describes one with its
 * launch and labels. Labels are set with `/actions/labels/apply`, which
 * replaces an action's whole set. A listed and described action → the live
 * action.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import type { WorkflowLaunchRequest } from '../pipelines/api.js';
import { expectStringId, type OperationsContext } from '../../api/call-helpers.js';
import { contextOf } from '../../api/call-helpers.js';
import { decodeLabel, type LabelDbDto } from '../../api/decoders/label.js';
import { opt } from '../../api/decoders/optional.js';
import { operations } from '../../api/operations.js';
import { decodeLaunch, type LaunchDbDto } from '../pipelines/api.js';
import { segment } from '../../api/request-path.js';
import { decodeList, decodeMember, type Fields } from '../../api/response-shape.js';
import { text } from '../kit/live-text.js';
import { mapLaunch } from '../pipelines/api.js';
import type { ActualAction, AttachedLabel } from './model.js';

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

export interface ActionReads {
  /** Not paged; without launches. */
  listActions(workspaceId: number): Promise<ActionInfoDto[]>;
  /** GET /actions/{id} with `attributes=labels`: the action with its launch and labels. */
  describeAction(workspaceId: number, actionId: string): Promise<ActionDto>;
}

const actionPath = (actionId: string): string => `/actions/${segment(actionId)}`;

/** The pipeline actions kind's own read endpoints. */
export const actionReads = operations(
  'pipeline actions (reads)',
  ({ transport: t }: OperationsContext): ActionReads => {
    return {
      async listActions(workspaceId) {
        const result = await t.call({ method: 'GET', path: '/actions', query: { workspaceId } });
        return decodeList(result.body, 'actions', contextOf(result), decodeActionInfo);
      },
      async describeAction(workspaceId, actionId) {
        const result = await t.call({
          method: 'GET',
          path: actionPath(actionId),
          query: { workspaceId, attributes: 'labels' },
        });
        return decodeMember(result.body, 'action', contextOf(result), decodeAction);
      },
    };
  },
);

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

export interface ActionWrites {
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

/** The pipeline actions kind's own write endpoints. */
export const actionWrites = operations(
  'pipeline actions (writes)',
  ({ transport: t }: OperationsContext): ActionWrites => {
    return {
      async createAction(workspaceId, body) {
        const result = await t.call({ method: 'POST', path: '/actions', query: { workspaceId }, body });
        return expectStringId(result, 'actionId');
      },
      async updateAction(workspaceId, actionId, body) {
        await t.call({ method: 'PUT', path: actionPath(actionId), query: { workspaceId }, body });
      },
      async deleteAction(workspaceId, actionId) {
        await t.call({ method: 'DELETE', path: actionPath(actionId), query: { workspaceId } });
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
  },
);

/**
 * DTO → live pipeline action. Described (`GET /actions/{id}`), the launch is
 * mapped as a pipeline's (read-only and null fields dropped, the described
 * CE as `computeEnvId`/`computeEnvName`); only listed (a workspace deleted
 * whole), the launch holds the repository URL alone.
 */
function attached(labels: readonly LabelDbDto[] | undefined): AttachedLabel[] {
  return (labels ?? []).map((label) => ({
    id: label.id,
    name: label.name,
    resource: label.resource === true,
    ...(label.resource === true && typeof label.value === 'string' ? { value: label.value } : {}),
  }));
}

function cronOf(dto: ActionDto): ActualAction['cron'] {
  if (dto.cron === undefined) return undefined;
  const expression = text(dto.cron.expression);
  const timezone = text(dto.cron.timezone);
  return {
    ...(expression === undefined ? {} : { expression }),
    ...(timezone === undefined ? {} : { timezone }),
  };
}

export function mapAction(info: ActionInfoDto, dto: ActionDto): ActualAction {
  const cron = cronOf(dto);
  const hookUrl = text(dto.hookUrl);
  const endpoint = text(info.endpoint);
  const status = text(dto.status ?? info.status);
  return {
    id: dto.id,
    name: dto.name,
    trigger: dto.source,
    ...(status === undefined ? {} : { status }),
    ...(cron === undefined ? {} : { cron }),
    ...(hookUrl === undefined ? {} : { hookUrl }),
    ...(endpoint === undefined ? {} : { endpoint }),
    labels: attached(dto.labels ?? info.labels),
    launch: dto.launch === undefined ? {} : mapLaunch(dto.launch),
  };
}

export function mapListedAction(info: ActionInfoDto): ActualAction {
  const url = text(info.pipeline);
  return {
    id: info.id,
    name: info.name,
    trigger: info.source,
    labels: attached(info.labels),
    launch: url === undefined ? {} : { pipeline: url },
  };
}
