/** An organisation's quotas (`/orgs/{orgId}/quotas`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { decodeQuotas } from './decoders/quotas.js';
import type { OrganizationQuotasDto } from './dto.js';
import { segment } from './request-path.js';
import { Fields } from './response-shape.js';

/** The client's quota method (part of `ApiClient`). */
export interface QuotaOperations {
  /** GET /orgs/{orgId}/quotas: the organisation's limits by quota name. */
  getOrganizationQuotas(orgId: number): Promise<OrganizationQuotasDto>;
}

export function quotaOperations({ transport: t }: OperationsContext): QuotaOperations {
  return {
    async getOrganizationQuotas(orgId) {
      const result = await t.call({ method: 'GET', path: `/orgs/${segment(orgId)}/quotas` });
      return decodeQuotas(Fields.body(result.body, contextOf(result)));
    },
  };
}
