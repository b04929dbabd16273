/**
 * Reads the quotas of the organisations the quota check asks for (one
 * `GET /orgs/{orgId}/quotas` each, only for those whose plan creates
 * something a quota counts). A platform or token without access to them
 * (403, 404) is not an error: the organisation's quotas are unavailable,
 * and the plan says so in a note.
 */
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/errors.js';
import { reading } from '../kinds/kit/reading.js';
import type { ActualState, OrgQuotas } from '../model/actual.js';
import { quotaReads } from '../api/quota-operations.js';

export const QUOTAS_ROUTE = 'GET /orgs/{id}/quotas';

async function readOne(client: ApiClient, orgId: number, orgName: string): Promise<OrgQuotas> {
  try {
    return {
      limits: await reading(`quotas of ${orgName}`, () =>
        client.use(quotaReads).getOrganizationQuotas(orgId),
      ),
    };
  } catch (err) {
    if (err instanceof ApiError && (err.kind === 'forbidden' || err.kind === 'not-found')) {
      return { unavailable: `the platform answered ${String(err.status)} to ${err.method} ${err.path}` };
    }
    throw err;
  }
}

/** The quotas of `orgs` (names of organisations in `actual`), by name. */
export async function readQuotas(
  client: ApiClient,
  actual: ActualState,
  orgs: readonly string[],
): Promise<ReadonlyMap<string, OrgQuotas>> {
  const read = await Promise.all(
    orgs.flatMap((name) => {
      const org = actual.orgs.find((o) => o.name === name);
      return org === undefined ? [] : [readOne(client, org.orgId, name).then((q) => [name, q] as const)];
    }),
  );
  return new Map(read);
}
