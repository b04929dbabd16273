/**
 * Pipeline action records: what triggers them, and the webhook the
 * platform registers on the GitHub repository of a `github` action.
 */
import { badRequest } from './http-error.js';
import type { LaunchFields } from './launch.js';
import type { IdSequence, Store } from './store.js';

/** What triggers a pipeline action (the `bucket` source is not modelled). */
export type ActionSource = 'github' | 'tower' | 'cron';

/** A pipeline action (the workspace's `actions`, declared by routes/actions.ts). */
export interface ActionRecord {
  readonly id: string;
  name: string;
  readonly source: ActionSource;
  launch: LaunchFields;
  readonly launchId: string;
  /** `cron` actions only. */
  cron?: { expression: string; timezone: string };
  /** `github` actions only: the webhook the platform registered on the repository. */
  readonly hookId?: string;
  readonly hookUrl?: string;
  labelIds: number[];
  readonly dateCreated: string;
  lastUpdated: string;
}

const HOOK_IDS: IdSequence = { start: 300_000_000 };

export const ACTION_SOURCES: readonly ActionSource[] = ['github', 'tower', 'cron'];
/** Five fields: minute, hour, day of month, month, day of week. */
export const CRON_EXPRESSION = /^\S+( \S+){4}$/;
const GITHUB_REPOSITORY = /^https:\/\/github\.com\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/;

export interface NewAction {
  readonly name: string;
  readonly source: ActionSource;
  readonly launch: LaunchFields;
  readonly cron?: { readonly expression: string; readonly timezone: string };
  readonly labelIds?: readonly number[];
  readonly timestamp: string;
}

/** A new action record; a `github` one gets its hook (400 unless its repository is on GitHub). */
export function newActionRecord(store: Store, fields: NewAction): ActionRecord {
  let hook: { hookId: string; hookUrl: string } | undefined;
  if (fields.source === 'github') {
    const url = typeof fields.launch.pipeline === 'string' ? fields.launch.pipeline : '';
    const repository = GITHUB_REPOSITORY.exec(url);
    if (repository === null) {
      throw badRequest(`A GitHub action needs a GitHub repository (launch.pipeline '${url}')`);
    }
    const hookId = String(store.nextId(HOOK_IDS));
    const [, owner = '', repo = ''] = repository;
    hook = { hookId, hookUrl: `https://api.github.com/repos/${owner}/${repo}/hooks/${hookId}` };
  }
  return {
    id: store.nextStringId(),
    name: fields.name,
    source: fields.source,
    launch: fields.launch,
    launchId: store.nextStringId(),
    ...(fields.cron === undefined ? {} : { cron: { ...fields.cron } }),
    ...hook,
    labelIds: [...(fields.labelIds ?? [])],
    dateCreated: fields.timestamp,
    lastUpdated: fields.timestamp,
  };
}
