/** Organization create (POST /orgs) and update (PUT /orgs/{id}, read-modify-write). Never deleted. */
import type { OrganizationDbDto } from './api.js';
import type { OrganizationAction } from '../../model/plan.js';
import { createOrAdopt } from '../kit/adopt.js';
import { requireCurrent, requireDesired, type ActionContext } from '../kit/action-context.js';
import { optionalField } from '../kit/fields.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { organizationReads, organizationWrites } from './api.js';

async function findOrg(ctx: ActionContext, name: string): Promise<OrganizationDbDto | undefined> {
  return (await ctx.client.use(organizationReads).listOrganizations()).find((org) => org.name === name);
}

async function sendUpdate(
  ctx: ActionContext,
  live: OrganizationDbDto,
  fullName: string,
  description: string,
): Promise<void> {
  await ctx.client.use(organizationWrites).updateOrganization(live.orgId, {
    name: live.name,
    fullName,
    description,
    ...(live.location === undefined || live.location === null ? {} : { location: live.location }),
    ...(live.website === undefined || live.website === null ? {} : { website: live.website }),
  });
}

export async function executeOrganization(action: OrganizationAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create': {
      const desired = requireDesired(action);
      const created = await createOrAdopt(
        () =>
          ctx.client.use(organizationWrites).createOrganization({
            name: desired.name,
            fullName: desired.fullName,
            ...(desired.description === undefined ? {} : { description: desired.description }),
          }),
        () => findOrg(ctx, desired.name),
      );
      ctx.ids.record(action.address, created.value.orgId);
      if (created.adoptedNote === undefined) return applied();
      const live = created.value;
      const description = desired.description ?? live.description ?? '';
      if (live.fullName !== desired.fullName || (live.description ?? '') !== description) {
        await sendUpdate(ctx, live, desired.fullName, description);
      }
      return applied(created.adoptedNote);
    }
    case 'update': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      const live = await findOrg(ctx, current.name);
      if (live === undefined)
        throw new ActionFailure(`organization ${current.name} is no longer on the platform`);
      await sendUpdate(
        ctx,
        live,
        desired.fullName,
        optionalField(action, 'description', desired.description, live.description),
      );
      return applied();
    }
    case 'replace':
    case 'delete':
      throw new ActionFailure(`organizations are never ${action.type}d by seqera-sync`);
  }
}
