/**
 * Pipeline actions: list rows (`ListActionsResponse.ActionInfo`, labels with
 * `attributes=labels`, `labels: null` without) and the described action
 * (`ActionResponseDto`, its launch kept whole like a pipeline's, its
 * schedule from `config` when that is a cron config).
 */
import type { ActionDto, ActionInfoDto, CronActionConfig } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { decodeLabel } from './label.js';
import { opt } from './optional.js';
import { decodeLaunch } from './pipeline.js';

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
