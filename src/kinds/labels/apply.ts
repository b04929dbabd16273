/**
 * Workspace labels: create (the platform answers an existing label with the
 * same name and value instead of making a second one, so a create is
 * adopted rather than duplicated, then given the declared default flag),
 * update of the value and default flag, and delete. The label's id is
 * registered for the kinds that attach labels.
 */
import type { DesiredLabel, LabelAction } from './model.js';
import { deleteTolerantOfGone } from '../kit/adopt.js';
import { requireCurrent, requireDesired, workspaceIdOf, type ActionContext } from '../kit/action-context.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { labelWrites, type CreateLabelRequest } from './api.js';

function createRequest(label: DesiredLabel): CreateLabelRequest {
  return {
    name: label.name,
    ...(label.value === undefined ? {} : { value: label.value }),
    resource: label.resource,
    isDefault: label.isDefault,
  };
}

export async function executeLabel(action: LabelAction, ctx: ActionContext): Promise<Outcome> {
  const workspaceId = workspaceIdOf(ctx, action);
  const api = ctx.client.use(labelWrites);
  switch (action.type) {
    case 'create': {
      const label = requireDesired(action);
      const created = await api.createLabel(workspaceId, createRequest(label));
      ctx.ids.record(action.address, created.id);
      if (created.isDefault === undefined || created.isDefault === label.isDefault) return applied();
      await api.updateLabel(workspaceId, created.id, {
        name: label.name,
        ...(label.value === undefined ? {} : { value: label.value }),
        isDefault: label.isDefault,
      });
      return applied('the label existed already; its default flag was set as declared');
    }
    case 'update':
    case 'replace': {
      const label = requireDesired(action);
      const current = requireCurrent(action);
      await api.updateLabel(workspaceId, current.id, {
        name: label.name,
        ...(label.value === undefined ? {} : { value: label.value }),
        isDefault: label.isDefault,
      });
      return applied();
    }
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() => api.deleteLabel(workspaceId, current.id));
    }
  }
}
