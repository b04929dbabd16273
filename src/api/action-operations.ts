/**
 * Pipeline actions (`/actions?workspaceId=`). The list is not paged and
 * carries no launch; `GET /actions/{id}` describes one with its launch and
 * labels. Labels are set with `/actions/labels/apply`, which replaces an
 * action's whole set.
 */
import { contextOf, expectStringId, type OperationsContext } from './call-helpers.js';
import { decodeAction, decodeActionInfo } from './decoders/action.js';
import type { ActionDto, ActionInfoDto, CreateActionRequest, UpdateActionRequest } from './dto.js';
import { segment } from './request-path.js';
import { decodeList, decodeMember } from './response-shape.js';

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
