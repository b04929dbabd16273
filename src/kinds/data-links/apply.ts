/**
 * Data links: create (a 409 or a lost answer is settled by re-reading the
 * list and adopting the link with the declared name), update of the name,
 * description and credentials, replace (the old link is deleted first, as
 * names are unique, then the link is created as declared) and delete. The
 * link's id is registered under its address.
 */
import { address } from '../../model/address.js';
import type { DataLinkAction, DesiredDataLink } from './model.js';
import { createOrAdopt, deleteTolerantOfGone } from '../kit/adopt.js';
import {
  requireCurrent,
  requireDesired,
  workspaceIdOf,
  workspaceNameOf,
  type ActionContext,
} from '../kit/action-context.js';
import { applied, type Outcome } from '../kit/outcome.js';
import { dataLinkReads, type DataLinkDto, dataLinkWrites, type DataLinkCreateRequest } from './api.js';

/** The id of the declared credential (created by this run or live), when the link names one. */
function credentialsIdOf(
  action: DataLinkAction,
  link: DesiredDataLink,
  ctx: ActionContext,
): string | undefined {
  if (link.credentials === undefined) return undefined;
  return ctx.ids.text(address.credential(action.org, workspaceNameOf(action), link.credentials));
}

function createRequest(link: DesiredDataLink, credentialsId: string | undefined): DataLinkCreateRequest {
  return {
    name: link.name,
    provider: link.provider,
    resourceRef: link.resourceRef,
    type: 'bucket',
    publicAccessible: link.publicAccessible,
    ...(link.description === undefined ? {} : { description: link.description }),
    ...(credentialsId === undefined ? {} : { credentialsId }),
  };
}

async function create(action: DataLinkAction, ctx: ActionContext, workspaceId: number): Promise<Outcome> {
  const link = requireDesired(action);
  const credentialsId = credentialsIdOf(action, link, ctx);
  const created = await createOrAdopt<DataLinkDto>(
    () => ctx.client.use(dataLinkWrites).createDataLink(workspaceId, createRequest(link, credentialsId)),
    async () =>
      (await ctx.client.use(dataLinkReads).listDataLinks(workspaceId)).dataLinks.find(
        (l) => l.name === link.name,
      ),
  );
  ctx.ids.record(action.address, created.value.id);
  if (created.adoptedNote === undefined) return applied();
  // An adopted link gets the declared in-place fields; its other fields were sent with the create.
  await ctx.client.use(dataLinkWrites).updateDataLink(workspaceId, created.value.id, {
    name: link.name,
    ...(link.description === undefined ? {} : { description: link.description }),
    ...(credentialsId === undefined ? {} : { credentialsId }),
  });
  return applied(created.adoptedNote);
}

export async function executeDataLink(action: DataLinkAction, ctx: ActionContext): Promise<Outcome> {
  const workspaceId = workspaceIdOf(ctx, action);
  switch (action.type) {
    case 'create':
      return create(action, ctx, workspaceId);
    case 'update': {
      const link = requireDesired(action);
      const current = requireCurrent(action);
      const credentialsId = credentialsIdOf(action, link, ctx) ?? current.credentialsId;
      const description = link.description ?? current.description;
      await ctx.client.use(dataLinkWrites).updateDataLink(workspaceId, current.id, {
        name: link.name,
        ...(description === undefined ? {} : { description }),
        ...(credentialsId === undefined ? {} : { credentialsId }),
      });
      ctx.ids.record(action.address, current.id);
      return applied();
    }
    case 'replace': {
      const current = requireCurrent(action);
      await deleteTolerantOfGone(() =>
        ctx.client.use(dataLinkWrites).deleteDataLink(workspaceId, current.id),
      );
      return create(action, ctx, workspaceId);
    }
    case 'delete': {
      const current = requireCurrent(action);
      return deleteTolerantOfGone(() =>
        ctx.client.use(dataLinkWrites).deleteDataLink(workspaceId, current.id),
      );
    }
  }
}
