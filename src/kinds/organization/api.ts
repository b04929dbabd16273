/**
 * Organisations on the platform (`/orgs`): the wire shapes and decoder, the
 * list, create and update, and an organisation as listed → the live
 * organisation (without its collections and workspaces, which the reader
 * adds).
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf } from '../../api/call-helpers.js';
import { orgPath } from '../../api/request-path.js';
import type { Fields } from '../../api/response-shape.js';
import { decodeList, decodeMember } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import type { OrgRoleDto } from '../../api/dto.js';
import type { OperationsContext } from '../../api/call-helpers.js';

import type { ActualOrg } from '../../model/actual.js';
import { text } from '../kit/live-text.js';
import { operations } from '../../api/operations.js';

export interface OrganizationDbDto {
  orgId: number;
  name: string;
  fullName: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
  memberId?: number;
  memberRole?: OrgRoleDto;
}

/** Organisations (`GET /orgs` rows, create response): `null` for every optional text, as the platform sends. */
export function decodeOrganization(f: Fields): OrganizationDbDto {
  const name = f.string('name');
  return {
    orgId: f.number('orgId'),
    name,
    fullName: f.optString('fullName') ?? name,
    ...opt('description', f.optString('description')),
    ...opt('location', f.optString('location')),
    ...opt('website', f.optString('website')),
    ...opt('memberId', f.optNumber('memberId')),
    ...opt('memberRole', f.optString('memberRole')),
  };
}

export interface OrganizationReads {
  listOrganizations(): Promise<OrganizationDbDto[]>;
}

/** The organization kind's own read endpoints. */
export const organizationReads = operations(
  'organization (reads)',
  ({ transport: t }: OperationsContext): OrganizationReads => {
    return {
      async listOrganizations() {
        const result = await t.call({ method: 'GET', path: '/orgs' });
        return decodeList(result.body, 'organizations', contextOf(result), decodeOrganization);
      },
    };
  },
);

export interface Organization {
  name: string;
  fullName: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
}

export interface UpdateOrganizationRequest {
  name?: string;
  fullName?: string;
  description?: string | null;
  location?: string | null;
  website?: string | null;
}

export interface OrganizationWrites {
  createOrganization(org: Organization): Promise<OrganizationDbDto>;
  updateOrganization(orgId: number, body: UpdateOrganizationRequest): Promise<void>;
}

/** The organization kind's own write endpoints. */
export const organizationWrites = operations(
  'organization (writes)',
  ({ transport: t }: OperationsContext): OrganizationWrites => {
    return {
      async createOrganization(organization) {
        const result = await t.call({ method: 'POST', path: '/orgs', body: { organization } });
        return decodeMember(result.body, 'organization', contextOf(result), decodeOrganization);
      },
      async updateOrganization(orgId, body) {
        await t.call({ method: 'PUT', path: orgPath(orgId), body });
      },
    };
  },
);

/** An organisation as `GET /orgs` lists it → the live organisation (without its collections and workspaces). */
/** The organisation's own fields; the reader adds the collections and workspaces it read. */
export function mapOrganization(
  dto: OrganizationDbDto,
): Pick<ActualOrg, 'orgId' | 'name' | 'fullName' | 'description' | 'callerRole'> {
  const description = text(dto.description);
  return {
    orgId: dto.orgId,
    name: dto.name,
    fullName: dto.fullName,
    ...(description === undefined ? {} : { description }),
    // The token's user's own role in the org, when the platform says.
    ...(typeof dto.memberRole === 'string' ? { callerRole: dto.memberRole } : {}),
  };
}
