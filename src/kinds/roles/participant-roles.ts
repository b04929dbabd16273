/**
 * The loader's check of participants' roles (a workspace file): a role is
 * one of the predefined roles or names a custom role. When the organisation
 * file manages roles, a custom role must be declared there; otherwise it is
 * looked up on the platform at plan time. A predefined role written in
 * another case, or a typo of one while the organisation declares its roles,
 * gets a "did you mean".
 */
import type { WrittenOrganization } from '../../formats/written.js';
import type { WrittenParticipant } from '../participants/model.js';
import { closest } from '../../model/closest.js';
import { isPredefinedRole, WORKSPACE_ROLES } from '../../model/resources.js';
import type { ListCheck } from '../kind-load.js';

export function checkParticipantRoles(list: ListCheck<WrittenParticipant, unknown>): void {
  const organization: WrittenOrganization | undefined = list.organization;
  const declared = organization?.roles?.map((r) => r.name);
  list.items.forEach((participant, index) => {
    const role = participant.role;
    if (isPredefinedRole(role)) return;
    const pointer = list.pointer(index, 'role');
    if (isPredefinedRole(role.toLowerCase())) {
      list.report(
        pointer,
        `role '${role}' is not a role: roles are lower case (did you mean '${role.toLowerCase()}'?)`,
      );
      return;
    }
    if (declared === undefined || declared.includes(role)) return;
    const guess = closest(role, [...WORKSPACE_ROLES, ...declared]);
    list.report(
      pointer,
      `role '${role}' is neither a predefined role (${WORKSPACE_ROLES.join(', ')}) nor a custom role of ` +
        `${organization?.name ?? 'the organisation'}/organization.yaml (declared: ${declared.length === 0 ? 'none' : declared.join(', ')})` +
        (guess === undefined ? '' : `; did you mean '${guess}'?`),
    );
  });
}
