/**
 * An organisation's quotas (`GET /orgs/{orgId}/quotas`): its limits by the
 * API's quota name, for any member of the organisation. A quota the seed
 * does not set is left out of the answer (no limit). `include` (repeated or
 * comma-separated) keeps only the named quotas. A platform without the
 * endpoint is modelled by the seed (`quotas: forbidden | absent`): 403 or
 * 404 with an error body.
 */
import { findOrg, requireOrgMember } from '../access.js';
import { integerParam } from '../body.js';
import { ok, type EmulatorEnv } from '../env.js';
import { forbidden, notFound } from '../http-error.js';
import type { Route } from '../router.js';

export function quotaRoutes({ store }: EmulatorEnv): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/orgs/{orgId}/quotas',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgMember(store, org, ctx.user);
        const quotas = org.quotas;
        if ('unavailable' in quotas) {
          throw quotas.unavailable === 403
            ? forbidden(`Quotas are not available for organization '${org.name}'`)
            : notFound('Not found: /quotas');
        }
        const include = ctx.query.list('include');
        const limits = Object.fromEntries(
          Object.entries(quotas.limits).filter(([name]) => include.length === 0 || include.includes(name)),
        );
        return ok({ quotas: limits });
      },
    },
  ];
}
