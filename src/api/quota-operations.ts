/** An organisation's quotas (`/orgs/{orgId}/quotas`). */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { operations } from './operations.js';
import { orgPath } from './request-path.js';
import { Fields } from './response-shape.js';

// ── Wire types (OpenAPI schemas, Seqera API 1.187.0) ──

/** OrganizationQuotas: limits by the API's quota name (`maxWorkspaces`...); a name left out has no limit. */
export type OrganizationQuotasDto = Record<string, number>;

// ── Tolerant decoders (response-shape.ts: what the platform really sends) ──

/**
 * An organisation's quotas (DescribeOrganizationQuotasResponse): the
 * `quotas` object's whole-number limits by name. A quota sent as null or
 * left out has no limit; names this tool does not know are kept (a newer
 * platform may report more).
 */
export function decodeQuotas(f: Fields): OrganizationQuotasDto {
  const quotas = f.optObject('quotas');
  if (quotas === undefined) return {};
  const limits: OrganizationQuotasDto = {};
  for (const name of Object.keys(quotas.raw)) {
    const limit = quotas.optNumber(name);
    if (limit !== undefined) limits[name] = limit;
  }
  return limits;
}

// ── Endpoint ──

export interface QuotaReads {
  /** GET /orgs/{orgId}/quotas: the organisation's limits by quota name. */
  getOrganizationQuotas(orgId: number): Promise<OrganizationQuotasDto>;
}

/** An organisation's quotas: no kind's; the live-state reader reads them for the kinds' quota checks. */
export const quotaReads = operations('quotas (reads)', ({ transport: t }: OperationsContext): QuotaReads => ({
  async getOrganizationQuotas(orgId) {
    const result = await t.call({ method: 'GET', path: `${orgPath(orgId)}/quotas` });
    return decodeQuotas(Fields.body(result.body, contextOf(result)));
  },
}));
