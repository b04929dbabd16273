/** An organisation's quotas (`/orgs/{orgId}/quotas`). */
import type { ApiClient } from './api-client.js';
import { contextOf } from './call-helpers.js';
import { decodeQuotas } from './decoders/quotas.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';
import type { Transport } from './transport.js';

export type QuotaOperations = Pick<ApiClient, 'getOrganizationQuotas'>;

export function quotaOperations(t: Transport): QuotaOperations {
  return {
    async getOrganizationQuotas(orgId) {
      const result = await t.call({ method: 'GET', path: `/orgs/${segment(orgId)}/quotas` });
      return decodeQuotas(Fields.body(result.body, contextOf(result)));
    },
  };
}
