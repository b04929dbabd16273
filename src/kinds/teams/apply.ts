/** Teams: create (adopting an existing one after a 409 or lost response), update name/description, delete. */
import type { TeamDbDto } from './api.js';
import type { TeamAction } from './model.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { orgIdOf, requireCurrent, requireDesired, type ActionContext } from '../kit/action-context.js';
import { optionalField } from '../kit/fields.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { teamReads, teamWrites } from './api.js';

async function findTeam(ctx: ActionContext, orgId: number, name: string): Promise<TeamDbDto | undefined> {
  return (await ctx.client.use(teamReads).listTeams(orgId)).find((team) => team.name === name);
}

export async function executeTeam(action: TeamAction, ctx: ActionContext): Promise<Outcome> {
  const orgId = orgIdOf(ctx, action);
  switch (action.type) {
    case 'create': {
      const desired = requireDesired(action);
      const description = desired.description;
      const created = await createOrAdopt(
        () =>
          ctx.client.use(teamWrites).createTeam(orgId, {
            name: desired.name,
            ...(description === undefined ? {} : { description }),
          }),
        () => findTeam(ctx, orgId, desired.name),
      );
      ctx.ids.record(action.address, created.value.teamId);
      if (created.adoptedNote === undefined) return applied();
      if (description !== undefined && (created.value.description ?? '') !== description) {
        const idpGroupId = created.value.idpGroupId;
        await ctx.client.use(teamWrites).updateTeam(orgId, created.value.teamId, {
          name: desired.name,
          description,
          ...(idpGroupId === undefined ? {} : { idpGroupId }),
        });
      }
      return applied(created.adoptedNote);
    }
    case 'update':
    case 'replace': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      await ctx.client.use(teamWrites).updateTeam(orgId, current.teamId, {
        name: desired.name,
        description: optionalField(action, 'description', desired.description, current.description),
        // The update replaces the team's link to its identity provider group: send it back unchanged.
        ...(current.idpGroupId === undefined ? {} : { idpGroupId: current.idpGroupId }),
      });
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() => ctx.client.use(teamWrites).deleteTeam(orgId, current.teamId));
    }
  }
}
