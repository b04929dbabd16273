/**
 * Reading custom roles. The list (`GET /roles?type=custom`, paged) is read
 * when the organisation file manages roles and the org level is planned, or
 * when a workspace file gives a participant a role that is not predefined
 * (to check it exists). A platform without custom roles answers the list
 * with 403 or 404: that is recorded, not an error, so a plan fails only
 * when the files need custom roles. When roles are managed, each declared
 * role that exists is described (its permissions: the list has none), and
 * the permission catalogue (`GET /roles/permissions`) is read once when a
 * declared role lists permissions, to name unknown ones.
 *
 * Requests: pages(custom roles) + Σ declared roles that exist: 1 describe
 * (after the list) + [a declared role lists permissions] 1.
 * A prune of roles may also read participants (see `in-use-reads.ts`).
 */
import { ApiError } from '../../api/errors.js';
import type { ActualRole, ActualRoles } from './model.js';
import type { KindRead, OrgRead, OrgReadContext, ReadFlags, RequestCost } from '../kind-read.js';
import { sizeByName, sizeOf } from '../kind-read.js';
import { gone, reading } from '../kit/reading.js';
import { mapRole, roleReads } from './api.js';
import { completeForRolesInUse } from './in-use-reads.js';
import { customRoleUses } from './uses.js';

const LIST = 'GET /roles';
const DESCRIBE = 'GET /roles/{name}';
const PERMISSIONS = 'GET /roles/permissions';

/** The 403/404 a platform without custom roles answers, as a reason to show. */
function unavailable(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.kind !== 'forbidden' && error.kind !== 'not-found') return undefined;
  return `GET /roles answered ${String(error.status ?? error.kind)}`;
}

function namesOf(flag: ReadFlags[string] | undefined): readonly string[] {
  return Array.isArray(flag) ? flag.filter((name) => typeof name === 'string') : [];
}

async function describeDeclared(
  ctx: OrgReadContext,
  listed: readonly ActualRole[],
  declared: ReadonlySet<string>,
): Promise<ActualRole[]> {
  const described = await Promise.all(
    listed.map(async (role) => {
      if (!declared.has(role.name)) return role;
      try {
        return mapRole(
          await reading(`custom role ${role.name} of ${ctx.orgName}`, () =>
            ctx.client.use(roleReads).describeRole(ctx.orgId, role.name),
          ),
        );
      } catch (error) {
        // Deleted between the list and the describe: it no longer exists.
        if (gone(error)) return undefined;
        throw error;
      }
    }),
  );
  return described.filter((role) => role !== undefined);
}

async function readPermissions(ctx: OrgReadContext): Promise<readonly string[] | undefined> {
  try {
    const names = await reading(`role permissions of ${ctx.orgName}`, () =>
      ctx.client.use(roleReads).listRolePermissions(ctx.orgId),
    );
    return [...new Set(names)].sort();
  } catch (error) {
    if (unavailable(error) !== undefined) return undefined;
    throw error;
  }
}

async function readRoles(ctx: OrgReadContext, reads: ReadFlags): Promise<ActualRoles> {
  const permissions = reads.rolePermissions === true ? readPermissions(ctx) : Promise.resolve(undefined);
  let listed: ActualRole[];
  try {
    listed = (
      await reading(`custom roles of ${ctx.orgName}`, () =>
        ctx.client.use(roleReads).listCustomRoles(ctx.orgId),
      )
    )
      .filter((role) => role.isPredefined !== true)
      .map(mapRole);
  } catch (error) {
    const reason = unavailable(error);
    if (reason === undefined) throw error;
    await permissions.catch(() => undefined);
    return { available: false, reason };
  }
  const custom = await describeDeclared(ctx, listed, new Set(namesOf(reads.roleNames)));
  const catalogue = await permissions;
  return { available: true, custom, ...(catalogue === undefined ? {} : { permissions: catalogue }) };
}

const roles: OrgRead<'roles'> = {
  field: 'roles',
  needs: (org, orgLevel) => {
    const managed = orgLevel && org.roles !== undefined;
    const declared = managed ? (org.roles ?? []) : [];
    return {
      roles: managed || customRoleUses(org).length > 0,
      roleNames: declared.map((r) => r.name),
      rolePermissions: declared.some((r) => r.permissions.length > 0),
    };
  },
  read: async (ctx, reads) => (reads.roles === true ? readRoles(ctx, reads) : undefined),
  requests: (reads, live) => {
    if (reads.roles !== true) return [];
    const costs: RequestCost[] = [{ route: LIST, listOf: sizeOf(live, 'roles') }];
    for (const name of namesOf(reads.roleNames)) {
      if (sizeByName(live, 'customRoles', name) !== undefined) {
        costs.push({ route: DESCRIBE, requests: 1, after: LIST });
      }
    }
    if (reads.rolePermissions === true) costs.push({ route: PERMISSIONS, requests: 1 });
    return costs;
  },
  complete: completeForRolesInUse,
};

export const rolesRead: KindRead = { org: roles };
