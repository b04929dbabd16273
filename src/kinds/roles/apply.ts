/**
 * Custom roles: create (a 409 or a lost response adopts the role found by
 * name, then sets the declared description and permissions), update of
 * description and permissions by name, delete (already gone is done).
 */
import type { DesiredRole, RoleAction } from './model.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { orgIdOf, requireCurrent, requireDesired, type ActionContext } from '../kit/action-context.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { roleReads, roleWrites, type RoleRequest } from './api.js';

function requestOf(role: DesiredRole): RoleRequest {
  return { name: role.name, description: role.description, permissions: [...role.permissions] };
}

export async function executeRole(action: RoleAction, ctx: ActionContext): Promise<Outcome> {
  const orgId = orgIdOf(ctx, action);
  switch (action.type) {
    case 'create': {
      const role = requireDesired(action);
      const created = await createOrAdopt(
        async () => {
          await ctx.client.use(roleWrites).createRole(orgId, requestOf(role));
          return true;
        },
        async () =>
          (await ctx.client.use(roleReads).listCustomRoles(orgId)).some((r) => r.name === role.name)
            ? true
            : undefined,
      );
      if (created.adoptedNote === undefined) return applied();
      await ctx.client.use(roleWrites).updateRole(orgId, role.name, requestOf(role));
      return applied(`${created.adoptedNote}; its description and permissions were set as declared`);
    }
    case 'update':
    case 'replace': {
      const role = requireDesired(action);
      const current = requireCurrent(action);
      await ctx.client.use(roleWrites).updateRole(orgId, current.name, requestOf(role));
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() => ctx.client.use(roleWrites).deleteRole(orgId, current.name));
    }
  }
}
