/** Where the workspace files use custom roles: participants whose role is not a predefined one. */
import type { DesiredOrg } from '../../model/desired.js';
import type { DesiredParticipant } from '../participants/model.js';
import { isPredefinedRole } from '../../model/resources.js';

export interface RoleUse {
  readonly workspace: string;
  readonly participant: DesiredParticipant;
}

/** Every declared participant of the organisation's present workspaces with a custom role. */
export function customRoleUses(org: DesiredOrg): RoleUse[] {
  return org.workspaces.flatMap((ws) =>
    ws.state === 'absent'
      ? []
      : (ws.participants ?? [])
          .filter((p) => !isPredefinedRole(p.role))
          .map((participant) => ({ workspace: ws.name, participant })),
  );
}

/** How a participant is named in messages: its email, or `team <name>`. */
export function participantName(p: DesiredParticipant): string {
  return p.type === 'team' ? `team ${p.team}` : p.email;
}
