/**
 * DTO → live pipeline action. Described (`GET /actions/{id}`), the launch is
 * mapped as a pipeline's (read-only and null fields dropped, the described
 * CE as `computeEnvId`/`computeEnvName`); only listed (a workspace deleted
 * whole), the launch holds the repository URL alone.
 */
import type { ActionDto, ActionInfoDto } from '../../api/action-operations.js';
import type { LabelDbDto } from '../../api/label-operations.js';
import type { ActualAction, AttachedLabel } from './model.js';
import { text } from '../kit/live-text.js';
import { mapLaunch } from '../pipelines/decode.js';

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
