/**
 * Team members: add (by email; the person must be an org member) and remove.
 * Membership has no update. A 409 means "already in the team" only when a
 * re-read shows them there; an email without an account is pending.
 */
import type { TeamMemberAction } from './model.js';
import { address } from '../../model/address.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { orgIdOf, requireCurrent, requireDesired, type ActionContext } from '../kit/action-context.js';
import { sameEmail } from '../kit/fields.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { isUnregisteredUserError, pendingMessage } from '../kit/pending.js';
import { teamReads, teamWrites } from './api.js';

export async function executeTeamMember(action: TeamMemberAction, ctx: ActionContext): Promise<Outcome> {
  const orgId = orgIdOf(ctx, action);
  const teamId = ctx.ids.numeric(address.team(action.org, action.team));
  switch (action.type) {
    case 'create': {
      const { email } = requireDesired(action);
      try {
        const created = await createOrAdopt(
          () => ctx.client.use(teamWrites).addTeamMember(orgId, teamId, email),
          async () =>
            (await ctx.client.use(teamReads).listTeamMembers(orgId, teamId)).find((member) =>
              sameEmail(member.email, email),
            ),
        );
        return created.adoptedNote === undefined ? applied() : applied(created.adoptedNote);
      } catch (error) {
        if (isUnregisteredUserError(error)) {
          return { status: 'pending', email, message: pendingMessage(email, error) };
        }
        throw error;
      }
    }
    case 'update':
    case 'replace':
      throw new ActionFailure('team membership has no update: it is added or removed');
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() =>
        ctx.client.use(teamWrites).deleteTeamMember(orgId, teamId, current.memberId),
      );
    }
  }
}
