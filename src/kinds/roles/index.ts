/** Custom workspace roles of the organisation: by name, with their permissions; created before participants hold them. */
import type { Kind } from '../kind.js';
import { executorOf } from '../kit/executor.js';
import { executeRole } from './apply.js';
import { checkRoleUses } from './check-uses.js';
import { rolesExport } from './file.js';
import { rolesLoad } from './file.js';
import { linkRoleDeletes, planRoles } from './plan.js';
import { rolesRead } from './read.js';
import { rolePrecondition, ROLES_SEGMENT, rolesSavedPlan } from './saved-plan.js';
import { roleWrites } from './writes.js';

export const rolesKind: Kind = {
  id: 'roles',
  load: rolesLoad,
  resources: [
    {
      kind: 'role',
      scope: 'org',
      segment: ROLES_SEGMENT,
      after: ['organization', 'member'],
      countsToward: {
        quota: 'maxCustomRolesPerOrg',
        per: 'org',
        what: 'custom roles',
        live: (org) => (org.roles?.available === true ? org.roles.custom.length : undefined),
      },
      execute: executorOf('role', executeRole),
      writes: roleWrites,
      view: { label: 'custom role', ignoreKey: 'roles' },
      savedPlan: rolePrecondition,
    },
  ],
  planOrgContent: planRoles,
  checkOrg: (s) => {
    linkRoleDeletes(s);
    checkRoleUses(s);
  },
  export: rolesExport,
  read: rolesRead,
  savedPlan: rolesSavedPlan,
  blockerNouns: { unknownRole: 'unknown role' },
};
