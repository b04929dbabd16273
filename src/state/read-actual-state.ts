/**
 * `readActualState`: reads exactly what the planner needs for the desired
 * state (read-needs.ts says what and why, from what the kinds declare) and
 * maps it to `ActualState`. Unmanaged collections are not read (they stay
 * `undefined`); independent reads run concurrently, paced and bounded by the
 * client. `GET /user-info` is read first-class: its error wins, so an
 * invalid token answered with 403 is reported as such, not as a permission
 * problem.
 *
 * Requests per run — the minimum the API's shape allows (lists once, paged
 * by 100; describe only what a list lacks): 1 (GET /user-info) + [any org
 * selected] 1 (GET /orgs) + per selected org that exists, read-org.ts.
 * `expectedReadRequests` (request-count.ts) computes it from the kinds'
 * declared request costs.
 */
import pLimit from 'p-limit';
import type { ApiClient } from '../api/api-client.js';
import type { ActualState, ActualWorkspace } from '../model/actual.js';
import type { DesiredState } from '../model/desired.js';
import type { Selection } from '../model/selection.js';
import { mapUser } from './map-user.js';
import { planReads } from './read-needs.js';
import { readOrg, type WorkspaceReadHooks } from './read-org.js';
import { organizationReads } from '../kinds/organization/api.js';
import { userReads } from '../api/user-operations.js';

export interface ReadActualStateOptions {
  /** `org/name` filters (`--workspace`); empty = everything, the organisations' own collections included. */
  readonly workspaceFilter: readonly string[];
  /** What to read when it is not a plain filter (a change-scoped plan); replaces `workspaceFilter`. */
  readonly selection?: Selection;
  /**
   * Called as each selected workspace's collections have been read, before
   * the whole state is: lets the caller start work on it (the keys hashing)
   * while the other workspaces are still being read.
   */
  readonly onWorkspaceRead?: (orgName: string, workspace: ActualWorkspace) => void;
}

/**
 * Workspaces read at once. The client paces and bounds the requests anyway;
 * this only keeps the queue short, so that memory holds a few workspaces'
 * requests and answers in flight rather than every workspace's at once. A
 * workspace needs two rounds (lists, then describes), so a few dozen keep
 * the client's queue full at any rate the platform allows.
 */
export const WORKSPACES_IN_FLIGHT = 32;

export async function readActualState(
  client: ApiClient,
  desired: DesiredState,
  options: ReadActualStateOptions,
): Promise<ActualState> {
  const reads = planReads(desired, options.selection ?? options.workspaceFilter);
  const [userInfo, orgList] = await Promise.allSettled([
    client.use(userReads).getUserInfo(),
    reads.length === 0 ? Promise.resolve([]) : client.use(organizationReads).listOrganizations(),
  ]);
  if (userInfo.status === 'rejected') throw userInfo.reason;
  if (orgList.status === 'rejected') throw orgList.reason;
  const byName = new Map(orgList.value.map((org) => [org.name, org]));
  const hooks: WorkspaceReadHooks = {
    limitWorkspace: pLimit(WORKSPACES_IN_FLIGHT),
    ...(options.onWorkspaceRead === undefined ? {} : { onWorkspaceRead: options.onWorkspaceRead }),
  };
  const user = mapUser(userInfo.value.user);
  const orgs = await Promise.all(
    reads.flatMap((r) => {
      const dto = byName.get(r.org.name);
      return dto === undefined ? [] : [readOrg(client, dto, r, hooks, user.email)];
    }),
  );
  const visibleOrgs = orgList.value.map((org) => org.name).sort();
  return { user, orgs, ...(reads.length === 0 ? {} : { visibleOrgs }) };
}
