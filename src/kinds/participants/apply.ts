/**
 * Workspace participants: add (PUT …/participants/add takes no role: by
 * memberId when the org member's id is known, else by email, or by teamId)
 * then set the role explicitly when the add did not give the declared one.
 * The role read-back is not re-checked (reads may be stale for a moment).
 * A 409 is told apart by re-reading: present → adopt (and set the role);
 * absent → a single-sign-on org refusing a collaborator. Emails without an
 * account are pending.
 */
import type { AddParticipantRequest, ParticipantResponseDto } from './api.js';
import type { DesiredParticipant, ParticipantAction } from './model.js';
import { address } from '../../model/address.js';
import { ApiError } from '../../api/errors.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import {
  orgIdOf,
  requireCurrent,
  requireDesired,
  workspaceIdOf,
  type ActionContext,
} from '../kit/action-context.js';
import { sameEmail } from '../kit/fields.js';
import { ActionFailure, applied, type Outcome } from '../kit/outcome.js';
import { isUnregisteredUserError, pendingMessage } from '../kit/pending.js';
import { participantReads, participantWrites } from './api.js';

function matches(
  participant: ParticipantResponseDto,
  desired: DesiredParticipant,
  teamId: number | undefined,
): boolean {
  if (desired.type === 'team') {
    return (
      participant.type.toUpperCase() === 'TEAM' &&
      (participant.teamId === teamId || participant.teamName === desired.team)
    );
  }
  return participant.type.toUpperCase() !== 'TEAM' && sameEmail(participant.email, desired.email);
}

function requestBody(
  action: ParticipantAction,
  desired: DesiredParticipant,
  ctx: ActionContext,
): AddParticipantRequest {
  if (desired.type === 'team') return { teamId: ctx.ids.numeric(address.team(action.org, desired.team)) };
  const memberId = ctx.ids.find(address.member(action.org, desired.email));
  return memberId === undefined ? { userNameOrEmail: desired.email } : { memberId: Number(memberId) };
}

export function ssoRefusalMessage(email: string, platformMessage: string | undefined): string {
  const detail = platformMessage === undefined ? '' : ` (409: ${platformMessage})`;
  return `the organisation uses single sign-on and refuses collaborators: add ${email} as an org member first${detail}`;
}

async function addParticipant(action: ParticipantAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const orgId = orgIdOf(ctx, action);
  const workspaceId = workspaceIdOf(ctx, action);
  const body = requestBody(action, desired, ctx);
  let created;
  try {
    created = await createOrAdopt(
      () => ctx.client.use(participantWrites).addParticipant(orgId, workspaceId, body),
      async () =>
        (await ctx.client.use(participantReads).listParticipants(orgId, workspaceId)).find((p) =>
          matches(p, desired, body.teamId),
        ),
    );
  } catch (error) {
    if (desired.type === 'user' && body.userNameOrEmail !== undefined && isUnregisteredUserError(error)) {
      return { status: 'pending', email: desired.email, message: pendingMessage(desired.email, error) };
    }
    // A 409 although the person is not a participant: an SSO org refusing a collaborator.
    if (desired.type === 'user' && error instanceof ApiError && error.status === 409) {
      throw new ActionFailure(ssoRefusalMessage(desired.email, error.platformMessage));
    }
    throw error;
  }
  const participant = created.value;
  ctx.ids.record(action.address, participant.participantId);
  if (participant.wspRole !== desired.role) {
    await ctx.client
      .use(participantWrites)
      .updateParticipantRole(orgId, workspaceId, participant.participantId, desired.role);
  }
  return created.adoptedNote === undefined ? applied() : applied(created.adoptedNote);
}

export async function executeParticipant(action: ParticipantAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create':
      return addParticipant(action, ctx);
    case 'update':
    case 'replace': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      await ctx.client
        .use(participantWrites)
        .updateParticipantRole(
          orgIdOf(ctx, action),
          workspaceIdOf(ctx, action),
          current.participantId,
          desired.role,
        );
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      const orgId = orgIdOf(ctx, action);
      const workspaceId = workspaceIdOf(ctx, action);
      return deleteTolerantOfGone(() =>
        ctx.client.use(participantWrites).deleteParticipant(orgId, workspaceId, current.participantId),
      );
    }
  }
}
