/** Organisations: list (the caller's), create (caller becomes owner), describe, update. */
import { findOrg, requireOrgMember, requireOrgOwner } from '../access.js';
import { integerParam, objectField, optString, reqObject, reqString, optNullableString } from '../body.js';
import { noContent, ok, type EmulatorEnv } from '../env.js';
import { badRequest, conflict } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { checkMaxLength, checkResourceName } from '../names.js';
import type { Route } from '../router.js';
import { orNull } from '../wire.js';
import type { EmulatorKind } from '../kind.js';
import { ORG_IDS, type MemberRecord, type OrgRecord, type OrgRole } from '../store.js';

const ORG_ROLES: readonly OrgRole[] = ['owner', 'member', 'collaborator'];

function orgDto(org: OrgRecord, member: MemberRecord | undefined): JsonObject {
  return {
    orgId: org.id,
    name: org.name,
    fullName: org.fullName,
    description: orNull(org.description),
    location: orNull(org.location),
    website: orNull(org.website),
    logoId: null,
    logoUrl: null,
    memberId: member?.memberId,
    memberRole: member?.role,
  };
}

function orgRoutes({ store }: EmulatorEnv): Route[] {
  const checkNameFree = (name: string, self?: OrgRecord): void => {
    checkResourceName('organization', name);
    const existing = store.orgIdByName(name);
    if (existing !== undefined && existing !== self?.id)
      throw conflict(`Organization name '${name}' is already taken`);
  };
  return [
    {
      method: 'GET',
      pattern: '/orgs',
      handler: (ctx) => {
        const role = ctx.query.get('role');
        if (role !== undefined && !(ORG_ROLES as readonly string[]).includes(role)) {
          throw badRequest(`query parameter role must be one of ${ORG_ROLES.join(', ')}, got '${role}'`);
        }
        const organizations: JsonObject[] = [];
        for (const org of store.orgs.values()) {
          const member = store.memberOf(org, ctx.user.id);
          if (member !== undefined && (role === undefined || member.role === role)) {
            organizations.push(orgDto(org, member));
          }
        }
        // Not paged: the platform sends `totalSize: null` here.
        return ok({ organizations, totalSize: null });
      },
    },
    {
      method: 'POST',
      pattern: '/orgs',
      handler: (ctx) => {
        const body = objectField(ctx.body, 'request body');
        const input = reqObject(body, 'organization', '');
        const name = reqString(input, 'name', 'organization.');
        const fullName = reqString(input, 'fullName', 'organization.');
        const description = optString(input, 'description', 'organization.');
        const location = optString(input, 'location', 'organization.');
        const website = optString(input, 'website', 'organization.');
        checkNameFree(name);
        checkMaxLength('organization.fullName', fullName, 100);
        checkMaxLength('organization.description', description, 1000);
        checkMaxLength('organization.location', location, 100);
        const org = store.newOrgRecord(
          store.nextId(ORG_IDS),
          {
            name,
            fullName,
            ...(description === undefined ? {} : { description }),
            ...(location === undefined ? {} : { location }),
            ...(website === undefined ? {} : { website }),
          },
          ctx.timestamp,
        );
        store.addOrg(org);
        const owner = store.addMember(org, ctx.user.id, 'owner');
        return ok({ organization: orgDto(org, owner) });
      },
    },
    {
      method: 'GET',
      pattern: '/orgs/{orgId}',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        const member = requireOrgMember(store, org, ctx.user, true);
        return ok({ organization: orgDto(org, member) });
      },
    },
    {
      method: 'PUT',
      pattern: '/orgs/{orgId}',
      handler: (ctx) => {
        const org = findOrg(store, integerParam(ctx.params, 'orgId'));
        requireOrgOwner(store, org, ctx.user, 'update the organization');
        const body = objectField(ctx.body, 'request body');
        const name = optString(body, 'name', '');
        const fullName = optString(body, 'fullName', '');
        const description = optNullableString(body, 'description', '');
        const location = optString(body, 'location', '');
        const website = optString(body, 'website', '');
        if (name !== undefined) checkNameFree(name, org);
        if (fullName !== undefined && fullName.trim() === '') throw badRequest('fullName must not be blank');
        checkMaxLength('fullName', fullName, 100);
        checkMaxLength('description', description ?? undefined, 1000);
        checkMaxLength('location', location, 100);
        if (name !== undefined && name !== org.name) store.renameOrg(org, name);
        if (fullName !== undefined) org.fullName = fullName;
        if (description === null) delete org.description;
        else if (description !== undefined) org.description = description;
        if (location !== undefined) org.location = location;
        if (website !== undefined) org.website = website;
        org.lastUpdated = ctx.timestamp;
        return noContent();
      },
    },
  ];
}

/** The organisations are the store's container (records.ts); what they hold is each kind's. */
export const orgsKind: EmulatorKind = { routes: orgRoutes };
