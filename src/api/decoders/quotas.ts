/**
 * An organisation's quotas (DescribeOrganizationQuotasResponse): the
 * `quotas` object's whole-number limits by name. A quota sent as null or
 * left out has no limit; names this tool does not know are kept (a newer
 * platform may report more).
 */
import type { OrganizationQuotasDto } from '../dto.js';
import type { Fields } from '../response-shape.js';

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
