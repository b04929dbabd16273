/** A saved plan's preconditions of custom roles, and the size of the organisation's custom role list. */
import { address } from '../../model/address.js';
import type { KindSavedPlan } from '../kind-saved-plan.js';
import { pick, preconditionOf } from '../kit/precondition.js';

/** The address segment of the organisation's custom roles (`biocommons/roles`). */
export const ROLES_SEGMENT = 'roles';

/** A custom role, found in the fresh list (not verifiable when the platform has no custom roles). */
export const rolePrecondition = preconditionOf('role', {
  locate: ({ org }, action) => {
    const roles = org?.roles?.available === true ? org.roles.custom : undefined;
    return pick(org !== undefined, roles, (r) => r.name === action.name);
  },
});

/** The custom role list is held in `{ available, custom }`: its size for the deletion caps. */
export const rolesSavedPlan: KindSavedPlan = {
  liveSizes: (org) => [
    [
      `${address.org(org.name)}/${ROLES_SEGMENT}`,
      org.roles?.available === true ? org.roles.custom.length : 0,
    ],
  ],
};
