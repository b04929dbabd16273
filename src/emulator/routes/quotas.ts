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
import type { EmulatorKind } from '../kind.js';
import type { Route } from '../router.js';

/**
 * An organisation's quotas: its limits by the API's quota name
 * (`maxWorkspaces`...; a name left out has no limit), or the status the
 * quota endpoint answers on a platform that does not offer it (403, 404).
 */
export type QuotasRecord =
  { readonly limits: Readonly<Record<string, number>> } | { readonly unavailable: 403 | 404 };

declare module '../records.js' {
  interface OrgCollections {
    quotas: QuotasRecord;
  }
}

declare module '../seed-types.js' {
  interface OrgSeed {
    /**
     * The organisation's quotas by the API's names (`maxWorkspaces`,
     * `maxParticipantsPerWorkspace`...; a name left out has no limit), or
     * `forbidden` / `absent` for a platform whose quota endpoint answers 403 /
     * 404. Default: no limits.
     */
    readonly quotas?: Readonly<Record<string, number>> | 'forbidden' | 'absent';
  }
}

function quotaRoutes({ store }: EmulatorEnv): Route[] {
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

export const quotasKind: EmulatorKind = {
  routes: quotaRoutes,
  org: {
    state: () => ({ quotas: { limits: {} } }),
    seedSchema: {
      quotas: {
        oneOf: [
          { enum: ['forbidden', 'absent'] },
          { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
        ],
      },
    },
    loadSeed: (_loader, _store, org, seed) => {
      if (seed.quotas === 'forbidden') org.quotas = { unavailable: 403 };
      else if (seed.quotas === 'absent') org.quotas = { unavailable: 404 };
      else if (seed.quotas !== undefined) org.quotas = { limits: { ...seed.quotas } };
    },
    snapshot: (_store, _owner, org) => {
      const quotas = org.quotas;
      if ('unavailable' in quotas) return { quotas: quotas.unavailable === 403 ? 'forbidden' : 'absent' };
      return Object.keys(quotas.limits).length === 0 ? {} : { quotas: { ...quotas.limits } };
    },
  },
};
