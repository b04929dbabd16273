/**
 * Organization members: add (PUT …/members/add, which takes no role) then set
 * the role explicitly when the add did not give the declared one; role
 * changes in place; delete. An email without an account is pending.
 */
import type { MemberDbDto } from './api.js';
import type { MemberAction } from './model.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { orgIdOf, requireCurrent, requireDesired, type ActionContext } from '../kit/action-context.js';
import { sameEmail } from '../kit/fields.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { isUnregisteredUserError, pendingMessage } from '../kit/pending.js';
import { memberReads, memberWrites } from './api.js';

async function findMember(
  ctx: ActionContext,
  orgId: number,
  email: string,
): Promise<MemberDbDto | undefined> {
  return (await ctx.client.use(memberReads).listMembers(orgId)).find((member) =>
    sameEmail(member.email, email),
  );
}

async function addMember(action: MemberAction, ctx: ActionContext): Promise<Outcome> {
  const desired = requireDesired(action);
  const orgId = orgIdOf(ctx, action);
  let created;
  try {
    created = await createOrAdopt(
      () => ctx.client.use(memberWrites).addMember(orgId, desired.email),
      () => findMember(ctx, orgId, desired.email),
    );
  } catch (error) {
    if (isUnregisteredUserError(error)) {
      return { status: 'pending', email: desired.email, message: pendingMessage(desired.email, error) };
    }
    throw error;
  }
  ctx.ids.record(action.address, created.value.memberId);
  if (created.value.role !== desired.role) {
    await ctx.client.use(memberWrites).updateMemberRole(orgId, created.value.memberId, desired.role);
  }
  return created.adoptedNote === undefined ? applied() : applied(created.adoptedNote);
}

export async function executeMember(action: MemberAction, ctx: ActionContext): Promise<Outcome> {
  switch (action.type) {
    case 'create':
      return addMember(action, ctx);
    case 'update':
    case 'replace': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      await ctx.client
        .use(memberWrites)
        .updateMemberRole(orgIdOf(ctx, action), current.memberId, desired.role);
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      const orgId = orgIdOf(ctx, action);
      return deleteTolerantOfGone(() => ctx.client.use(memberWrites).deleteMember(orgId, current.memberId));
    }
  }
}
