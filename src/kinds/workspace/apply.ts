/**
 * Workspaces: create; update ALWAYS sends name, fullName, description and
 * visibility together (never let SHARED fall back to PRIVATE, as `tw` does);
 * delete (only planned with `state: absent` and the override).
 */
import type { VisibilityDto, WorkspaceDbDto } from './api.js';
import type { WorkspaceAction } from '../../model/plan.js';
import type { Visibility } from '../../model/resources.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import { orgIdOf, requireCurrent, requireDesired, type ActionContext } from '../kit/action-context.js';
import { optionalField } from '../kit/fields.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { workspaceReads, workspaceWrites } from './api.js';

export function visibilityDto(visibility: Visibility): VisibilityDto {
  return visibility === 'shared' ? 'SHARED' : 'PRIVATE';
}

async function findWorkspace(
  ctx: ActionContext,
  orgId: number,
  name: string,
): Promise<WorkspaceDbDto | undefined> {
  return (await ctx.client.use(workspaceReads).listWorkspaces(orgId)).find((ws) => ws.name === name);
}

export async function executeWorkspace(action: WorkspaceAction, ctx: ActionContext): Promise<Outcome> {
  const orgId = orgIdOf(ctx, action);
  switch (action.type) {
    case 'create': {
      const desired = requireDesired(action);
      const body = {
        name: desired.name,
        fullName: desired.fullName,
        ...(desired.description === undefined ? {} : { description: desired.description }),
        visibility: visibilityDto(desired.visibility),
      };
      const created = await createOrAdopt(
        () => ctx.client.use(workspaceWrites).createWorkspace(orgId, body),
        () => findWorkspace(ctx, orgId, desired.name),
      );
      const id = created.value.id;
      ctx.ids.record(action.address, id);
      if (created.adoptedNote === undefined) return applied();
      const live = created.value;
      const description = desired.description ?? live.description ?? '';
      if (
        live.fullName !== body.fullName ||
        live.visibility !== body.visibility ||
        (live.description ?? '') !== description
      ) {
        await ctx.client.use(workspaceWrites).updateWorkspace(orgId, id, { ...body, description });
      }
      return applied(created.adoptedNote);
    }
    case 'update':
    case 'replace': {
      const desired = requireDesired(action);
      const current = requireCurrent(action);
      await ctx.client.use(workspaceWrites).updateWorkspace(orgId, current.id, {
        name: desired.name,
        fullName: desired.fullName,
        description: optionalField(action, 'description', desired.description, current.description),
        visibility: visibilityDto(desired.visibility),
      });
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() => ctx.client.use(workspaceWrites).deleteWorkspace(orgId, current.id));
    }
  }
}
