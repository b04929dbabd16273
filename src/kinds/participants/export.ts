/**
 * Live participants → `participants:` entries of a workspace file: teams
 * by name first, then users by email, each group sorted. The token's own
 * user is left out (the platform makes a workspace's creator its owner and
 * the planner never treats it as an extra). When the organisation file is
 * exported too, a team participant must name one of its teams, and a
 * custom role one of its roles (without it, the role is checked on the
 * platform at plan time).
 */
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualParticipant } from './model.js';
import { address } from '../../model/address.js';
import { isPredefinedRole } from '../../model/resources.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import { leaveOut } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';

/** The kind whose exported objects team participants must name. */
const TEAMS = 'teams';
/** The kind whose exported objects a custom role must be one of. */
const ROLES = 'roles';

function participantKey(p: ActualParticipant): string {
  return p.type === 'team' ? p.teamName : p.email;
}

function mapParticipants(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const exportedTeams = ctx.exported(TEAMS);
  const declaredTeams = exportedTeams === undefined ? undefined : new Set(exportedTeams.map((t) => t.name));
  const exportedRoles = ctx.exported(ROLES);
  const declaredRoles = exportedRoles === undefined ? undefined : new Set(exportedRoles.map((r) => r.name));
  const teams: MutableRecord[] = [];
  const users: MutableRecord[] = [];
  const sorted = [...(ws.participants ?? [])].sort((a, b) =>
    participantKey(a) < participantKey(b) ? -1 : participantKey(a) > participantKey(b) ? 1 : 0,
  );
  for (const p of sorted) {
    if (p.type !== 'team' && p.email === ctx.tokenEmail) continue;
    const key = participantKey(p);
    const where =
      p.type === 'team'
        ? address.teamParticipant(ctx.org, ws.name, p.teamName)
        : address.userParticipant(ctx.org, ws.name, p.email);
    if (!isPredefinedRole(p.role) && declaredRoles !== undefined && !declaredRoles.has(p.role)) {
      leaveOut(
        ctx,
        'participants',
        key,
        where,
        `role ${p.role} is not a custom role the organisation file declares`,
      );
      continue;
    }
    if (p.type === 'team' && declaredTeams !== undefined && !declaredTeams.has(p.teamName)) {
      leaveOut(
        ctx,
        'participants',
        key,
        where,
        `team ${p.teamName} is not exported to the organisation file`,
      );
      continue;
    }
    const candidate =
      p.type === 'team' ? { team: p.teamName, role: p.role } : { email: p.email, role: p.role };
    const checked = checkItem(ctx.schema, 'workspace', 'participants', candidate, noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'participants', key, where, checked.problem ?? 'invalid');
      continue;
    }
    (p.type === 'team' ? teams : users).push(checked.item);
  }
  return { items: [...teams, ...users] };
}

export const participantsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'participants',
  uses: [TEAMS, ROLES],
  flowItems: ['participants'],
  map: mapParticipants,
};
