/** Workspace labels (`/labels?workspaceId=`): simple and resource labels. */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { decodeLabel } from './decoders/label.js';
import { paginate } from './paginate.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import type { Transport } from './transport.js';

export type LabelOperations = Pick<ApiClient, 'listLabels' | 'createLabel' | 'updateLabel' | 'deleteLabel'>;

export function labelOperations(t: Transport, pageSize?: number): LabelOperations {
  const label = (labelId: number): string => `/labels/${segment(labelId)}`;
  return {
    listLabels: (workspaceId) =>
      paginate(t, '/labels', { workspaceId, type: 'all' }, 'labels', decodeLabel, pageSize),
    async createLabel(workspaceId, body) {
      // The platform answers an existing name/value with the existing label, so a resend cannot duplicate.
      const result = await t.call({
        method: 'POST',
        path: '/labels',
        query: { workspaceId },
        body,
        replaySafe: true,
      });
      return decodeLabel(Fields.body(result.body, contextOf(result)));
    },
    async updateLabel(workspaceId, labelId, body) {
      await t.call({ method: 'PUT', path: label(labelId), query: { workspaceId }, body });
    },
    async deleteLabel(workspaceId, labelId) {
      await t.call({ method: 'DELETE', path: label(labelId), query: { workspaceId } });
    },
  };
}
