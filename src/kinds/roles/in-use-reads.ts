/**
 * A custom role is never deleted while a participant holds it. When the
 * organisation file may prune a live role it does not declare, the
 * participants of every workspace not read yet are read, so the plan can
 * name every participant still using it.
 *
 * Requests (only then): Σ workspaces whose participants were not read:
 * pages(participants).
 */
import type { ActualRoles } from './model.js';
import type { DesiredOrg } from '../../model/desired.js';
import type { OrgCompleteContext, OrgDraft } from '../kind-read.js';
import { reading } from '../kit/reading.js';
import { mapParticipant, participantReads } from '../participants/api.js';

/** The live custom roles prune would delete (not declared, not ignored). */
export function prunableRoles(org: DesiredOrg, orgLevel: boolean, live: ActualRoles | undefined): string[] {
  if (!orgLevel || org.roles === undefined || !org.policy.prune.roles || live?.available !== true) return [];
  const declared = new Set(org.roles.map((r) => r.name));
  return live.custom
    .map((r) => r.name)
    .filter((name) => !declared.has(name) && !org.ignore.roles.includes(name));
}

export async function completeForRolesInUse(ctx: OrgCompleteContext, draft: OrgDraft): Promise<OrgDraft> {
  if (prunableRoles(ctx.org, ctx.orgLevel, draft.collections.roles).length === 0) return draft;
  const workspaces = await Promise.all(
    draft.workspaces.map(async (ws) => {
      if (ws.participants !== undefined) return ws;
      const path = `/orgs/${ctx.orgId}/workspaces/${ws.id}/participants`;
      const participants = await reading(`participants of ${ctx.orgName}/${ws.name}`, async () =>
        (await ctx.client.use(participantReads).listParticipants(ctx.orgId, ws.id)).map((p) =>
          mapParticipant(p, path),
        ),
      );
      return { ...ws, participants };
    }),
  );
  return { ...draft, workspaces };
}
