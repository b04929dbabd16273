/**
 * Participants with a role that is not predefined name a custom role. When
 * the organisation file manages roles the loader has checked the name
 * against it; otherwise it must exist on the platform, checked here with a
 * "did you mean" over the predefined and the platform's roles. A platform
 * without custom roles (403/404 on `GET /roles`) blocks the plan only when
 * a file uses one.
 */
import { address } from '../../model/address.js';
import { closest } from '../../model/closest.js';
import type { DesiredParticipant } from '../participants/model.js';
import { WORKSPACE_ROLES } from '../../model/resources.js';
import { coversWorkspace } from '../../model/selection.js';
import { sourceOf, type OrgScope } from '../kit/scope.js';
import { customRoleUses, participantName } from './uses.js';

function participantAddress(org: string, ws: string, p: DesiredParticipant): string {
  return p.type === 'team'
    ? address.teamParticipant(org, ws, p.team)
    : address.userParticipant(org, ws, p.email);
}

export function checkRoleUses(s: OrgScope): void {
  const org = s.org.name;
  const uses = customRoleUses(s.org).filter((u) => coversWorkspace(s.selection, org, u.workspace));
  if (uses.length === 0) return;
  const live = s.actual?.roles;
  if (live?.available === false) {
    // With roles declared and the org level planned, the roles' own block says it already.
    if (s.org.roles !== undefined && s.orgLevel && s.org.roles.length > 0) return;
    for (const { workspace, participant } of uses) {
      s.out.block({
        rule: 'customRoles',
        message:
          `${sourceOf(participant.source)}: ${participantName(participant)} has role '${participant.role}', ` +
          `which is not a predefined role, and the platform offers no custom roles to ${org} (${live.reason})`,
        addresses: [participantAddress(org, workspace, participant)],
      });
    }
    return;
  }
  // Declared roles were checked against the organisation file when it was loaded.
  if (s.org.roles !== undefined) return;
  const names = (live?.custom ?? []).map((r) => r.name);
  for (const { workspace, participant } of uses) {
    if (names.includes(participant.role)) continue;
    const guess = closest(participant.role, [...WORKSPACE_ROLES, ...names]);
    s.out.block({
      rule: 'unknownRole',
      message:
        `${sourceOf(participant.source)}: ${participantName(participant)} has role '${participant.role}', ` +
        `which is neither a predefined role nor a custom role of ${org} on the platform` +
        (guess === undefined ? '' : ` (did you mean '${guess}'?)`),
      addresses: [participantAddress(org, workspace, participant)],
    });
  }
}
