/** An organisation as `GET /orgs` lists it → the live organisation (without its collections and workspaces). */
import type { OrganizationDbDto } from '../../api/org-operations.js';
import type { ActualOrg } from '../../model/actual.js';
import { text } from '../kit/live-text.js';

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
